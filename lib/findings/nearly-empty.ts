import type { PageSnapshot } from '../snapshot/schema';
import type { DetectorOutput } from '../model/finding';
import type { MessageKey } from '../model/message';

// Issue 22: a page with almost nothing in it (a script application saved or inspected before it rendered, an error
// shell) cannot show that something is missing. Detectors that state an absence say "inconclusive" instead.

/** Characters of running text under which a page says too little to judge what it lacks. */
export const NEARLY_EMPTY_CHARS = 200;

/** Almost no running text, hardly a link, and scripts that were to build the page: an application shell. */
export function nearlyEmpty(snapshot: Pick<PageSnapshot, 'a11y' | 'links' | 'scripts' | 'inlineScripts'>): boolean {
  return (
    snapshot.a11y.text.sample.replace(/\s+/g, ' ').trim().length < NEARLY_EMPTY_CHARS &&
    snapshot.links.length < 5 &&
    snapshot.scripts.length + snapshot.inlineScripts.length > 0
  );
}

/** The finding a detector gives instead of an absence on a nearly empty page. */
export function inconclusive(messageKey: MessageKey): DetectorOutput {
  return { key: 'inconclusive', severity: 'info', messageKey, evidence: [] };
}
