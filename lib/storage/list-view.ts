import { VERDICTS } from '../model/assessment';
import type { StoredEvaluation } from './record';

// What "Mes évaluations" shows, worked out without a browser: search by site or title, sort by date or verdict.

export type SortBy = 'date' | 'verdict';

/** Worst first when sorting by verdict: what must not be used comes to the top; no verdict last. */
const VERDICT_ORDER = [...VERDICTS].reverse();

export function filterAndSort(records: readonly StoredEvaluation[], query: string, sort: SortBy): StoredEvaluation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = records.filter((r) => words.every((w) => r.search.includes(w)));
  const rank = (r: StoredEvaluation) => (r.verdict === '' ? VERDICT_ORDER.length : VERDICT_ORDER.indexOf(r.verdict));
  return found.sort((a, b) => (sort === 'verdict' ? rank(a) - rank(b) : 0) || b.updatedAt - a.updatedAt);
}
