import type { Evidence } from '../model/finding';
import type { NodeRef } from '../snapshot/schema';

// Evidence is what makes a finding provable on the page: the element's selector (the highlighter outlines it), its
// start tag, its position, whether it was hidden, and a short text for the panel.

/**
 * The most evidence one finding keeps (the runner cuts there): enough to outline the pattern on the page, not the
 * whole page. The panel lists the first few and says how many more.
 */
export const EVIDENCE_CAP = 20;

/** Longest evidence text kept: a label, a heading, a line of the page, not a paragraph. */
const TEXT_MAX = 300;

/** Evidence for an element of the snapshot (or none, e.g. a JSON-LD property), with what to say and where it leads. */
export function elementEvidence(ref: NodeRef | undefined, text?: string, url?: string): Evidence {
  return {
    ...(ref ? { selector: ref.selector, snippet: ref.snippet, rect: ref.rect, hidden: ref.hidden } : {}),
    ...(text !== undefined ? { text: text.slice(0, TEXT_MAX) } : {}),
    ...(url ? { url } : {}),
  };
}
