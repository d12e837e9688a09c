/** "« lire la suite », « ici » …": a few examples for a message, the full list stays in the evidence. */
export function quoteList(items: readonly string[], max = 3): string {
  const unique = [...new Set(items)];
  return unique.slice(0, max).map((s) => `« ${s} »`).join(', ') + (unique.length > max ? '…' : '');
}
