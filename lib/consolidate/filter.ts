import type { Evaluation } from '../detectors/finding';
import type { LEVELS, VerdictLevel } from '../model/assessment';

import type { GradedEvaluation } from '../storage/read-model';
import { evaluatorKey, inspectedTime } from './evaluator';
import { fold } from './fold';
import { keyOfUrl, siteOfEvaluation } from './group';

// The dashboard's filters over thousands of evaluations: everything a filter compares is folded once, in
// indexEvaluations, so a keystroke in the search box only runs `includes` on short strings.

export type Level = (typeof LEVELS)[number];

export interface IndexedEvaluation<E extends GradedEvaluation = Evaluation> {
  evaluation: E;
  /** Folded title, site and normalised URL. */
  search: string;
  /** Folded context.subject ('' when not said). */
  subject: string;
  level?: Level;
  verdict: VerdictLevel | 'none';
  time: number;
  evaluator: string;
}

export interface EvaluationFilter {
  level?: Level;
  /** Matches when the folded subject contains it (case and accents ignored: "maths" finds "Mathématiques"). */
  subject?: string;
  verdict?: VerdictLevel | 'none';
  /** Inspected at or after / at or before, in ms since the epoch (the page turns its date fields into instants). */
  since?: number;
  until?: number;
  /** An evaluator key (lib/consolidate/evaluator.ts evaluatorKey). */
  evaluator?: string;
  /** Every word must appear in the title, the site or the URL (case and accents ignored). */
  query?: string;
}

/** Folded search text and subject, remembered by their input while one index is built (see indexEvaluations). */
interface FoldMemo {
  search: Map<string, string>;
  subject: Map<string, string>;
}

const remembered = (memo: Map<string, string> | undefined, text: string, make: () => string) => {
  if (!memo) return make();
  let out = memo.get(text);
  if (out === undefined) memo.set(text, (out = make()));
  return out;
};

export function indexEvaluation<E extends GradedEvaluation>(e: E, memo?: FoldMemo): IndexedEvaluation<E> {
  const r = e.resource;
  const subject = e.context?.subject ?? '';
  return {
    evaluation: e,
    // Keyed by the resource's own fields: its site and normalised URL follow from them.
    search: remembered(memo?.search, `${r.title}\u0000${r.site}\u0000${r.url}`, () => fold(`${r.title} ${siteOfEvaluation(e)} ${keyOfUrl(r.url)}`)),
    subject: remembered(memo?.subject, subject, () => fold(subject)),
    ...(e.context?.level ? { level: e.context.level } : {}),
    verdict: e.verdict?.level ?? 'none',
    time: inspectedTime(e),
    evaluator: evaluatorKey(e),
  };
}

/**
 * Folding (Unicode normalisation and two regular expressions) is the index's main cost, and a few resources and
 * subjects recur across thousands of evaluations (five evaluations a resource, a dozen subjects): each distinct
 * text is folded once per index.
 */
export function indexEvaluations<E extends GradedEvaluation>(list: readonly E[]): IndexedEvaluation<E>[] {
  const memo: FoldMemo = { search: new Map(), subject: new Map() };
  return list.map((e) => indexEvaluation(e, memo));
}

/** A predicate for the filter, its text folded once. */
export function matcher(f: EvaluationFilter): (x: IndexedEvaluation<GradedEvaluation>) => boolean {
  const subject = fold(f.subject);
  const words = fold(f.query).split(' ').filter(Boolean);
  return (x) =>
    (f.level === undefined || x.level === f.level) &&
    (f.verdict === undefined || x.verdict === f.verdict) &&
    (f.evaluator === undefined || x.evaluator === f.evaluator) &&
    (f.since === undefined || x.time >= f.since) &&
    (f.until === undefined || x.time <= f.until) &&
    (!subject || x.subject.includes(subject)) &&
    words.every((w) => x.search.includes(w));
}

/** The evaluations that pass every filter set, in the index's order. */
export function filterEvaluations<E extends GradedEvaluation>(index: readonly IndexedEvaluation<E>[], f: EvaluationFilter): E[] {
  const ok = matcher(f);
  const out: E[] = [];
  for (const x of index) if (ok(x)) out.push(x.evaluation);
  return out;
}
