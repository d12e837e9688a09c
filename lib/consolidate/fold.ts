// One comparison key for text typed by people: "Mathématiques ", "mathematiques" and "MATHÉMATIQUES" are one subject,
// "Lycée Jean-Moulin" and "lycee jean moulin" one school. Used for evaluator identity, filters and search.

/** Lower case, accents removed, punctuation and runs of spaces made one space, trimmed. */
export function fold(text: string | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}
