import type { Evidence } from '../detectors/types';
import type { NodeRef } from '../snapshot/schema';

// Evidence for Loupe's own accessibility rules: the element to outline, its start tag, and what to read about it.

export const MAX_A11Y_EVIDENCE = 20;

export function refEvidence(ref: NodeRef, text?: string, url?: string): Evidence {
  return { selector: ref.selector, snippet: ref.snippet, ...(text ? { text } : {}), ...(url ? { url } : {}) };
}

/** "« lire la suite », « ici » …": a few examples for a message, the full list stays in the evidence. */
export function quoteList(items: readonly string[], max = 3): string {
  const unique = [...new Set(items)];
  return unique.slice(0, max).map((s) => `« ${s} »`).join(', ') + (unique.length > max ? '…' : '');
}
