import type { Evidence } from '../model/finding';

/** One piece of evidence per element (or per URL and text when there is no element), in first-seen order. */
export function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = e.selector ? `s:${e.selector}` : `t:${e.url ?? ''}|${e.text ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
