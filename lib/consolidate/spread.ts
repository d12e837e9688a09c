import type { GradedEvaluation } from '../storage/read-model';
import { ratingSchema, type Axis } from '../model/assessment';
import { GRID } from '../grid/grid';
import type { z } from 'zod';

// Per criterion, how the evaluators rated it: the whole distribution, never only a median. The ordinal scale is
// non-conforme < partiel < conforme; "à vérifier", "non applicable" and "non évalué" say the person did not (or
// could not) place the resource on that scale, so they are counted apart and left out of min, max and median.

export type AnyRating = z.infer<typeof ratingSchema>;
export const ORDINAL_RATINGS = ['non-conforme', 'partiel', 'conforme'] as const;
export type OrdinalRating = (typeof ORDINAL_RATINGS)[number];
export const ALL_RATINGS: readonly AnyRating[] = ratingSchema.options;

/** Rank on the ordinal scale (0 = non-conforme … 2 = conforme), undefined off the scale. */
export function ordinalRank(r: AnyRating): number | undefined {
  const i = (ORDINAL_RATINGS as readonly string[]).indexOf(r);
  return i < 0 ? undefined : i;
}

export interface CriterionSpread {
  id: string;
  axis?: Axis;
  /** How many evaluations gave each rating (all six, zero included). */
  counts: Record<AnyRating, number>;
  /** Ratings on the ordinal scale, and all ratings of this criterion. */
  ordinal: number;
  total: number;
  min?: OrdinalRating;
  max?: OrdinalRating;
  /** Median rank (0–2); x.5 when it falls between two levels (an even count split across them). */
  median?: number;
  /** max rank − min rank (0, 1 or 2). */
  range: number;
  disagree: boolean;
}

/**
 * The disagreement rule: the ratings span the whole scale, i.e. someone said conforme and someone non conforme.
 * On a three-level scale "at least two steps apart" and "both ends appear" are the same rule. One step (conforme
 * against partiel, partiel against non conforme) is the ordinary give of a judgement and is not flagged, or nearly
 * every criterion rated by many would be; both ends at once means one evaluator saw a fault another did not, which
 * is what a referent must look at first. Ratings off the scale never make a disagreement: "à vérifier" is not an
 * opinion against "conforme".
 */
export const disagrees = (range: number): boolean => range >= 2;

/** The rank of the i-th rating once sorted, from the counts per rank. */
function rankAt(byRank: readonly number[], i: number): number {
  return i < byRank[0]! ? 0 : i < byRank[0]! + byRank[1]! ? 1 : 2;
}

/** The spread of one criterion's ratings, from the ratings themselves. */
export function spreadOf(id: string, ratings: readonly AnyRating[], axis?: Axis): CriterionSpread {
  const counts: Record<AnyRating, number> = { conforme: 0, partiel: 0, 'non-conforme': 0, 'a-verifier': 0, 'non-applicable': 0, 'non-evalue': 0 };
  for (const r of ratings) counts[r]++;
  // Three levels: the counts are the sorted ranks, so min, max and median come from them without a sort.
  const byRank = [counts['non-conforme'], counts.partiel, counts.conforme];
  const n = byRank[0]! + byRank[1]! + byRank[2]!;
  const spread: CriterionSpread = { id, counts, ordinal: n, total: ratings.length, range: 0, disagree: false };
  if (axis) spread.axis = axis;
  if (n > 0) {
    const lo = rankAt(byRank, 0);
    const hi = rankAt(byRank, n - 1);
    spread.min = ORDINAL_RATINGS[lo];
    spread.max = ORDINAL_RATINGS[hi];
    spread.median = n % 2 ? rankAt(byRank, (n - 1) / 2) : (rankAt(byRank, n / 2 - 1) + rankAt(byRank, n / 2)) / 2;
    spread.range = hi - lo;
    spread.disagree = disagrees(spread.range);
  }
  return spread;
}

const gridOrder = new Map(GRID.map((c, i) => [c.id, i]));

/**
 * One spread per criterion rated in any of the evaluations, in the grid's order (criteria unknown to this version
 * of the grid last, by id). Pass each evaluator's latest evaluation (latestPerEvaluator) to read opinions, not
 * history.
 */
export function criterionSpreads(evaluations: readonly Pick<GradedEvaluation, 'grid'>[]): CriterionSpread[] {
  const byId = new Map<string, { axis: Axis; ratings: AnyRating[] }>();
  for (const e of evaluations) {
    for (const c of e.grid ?? []) {
      let slot = byId.get(c.id);
      if (!slot) byId.set(c.id, (slot = { axis: c.axis, ratings: [] }));
      slot.ratings.push(c.rating);
    }
  }
  const ids = [...byId.keys()].sort((a, b) => (gridOrder.get(a) ?? Infinity) - (gridOrder.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => spreadOf(id, byId.get(id)!.ratings, byId.get(id)!.axis));
}

/** Disagreements first, then the grid's order: what the referent must settle comes on top. */
export function disagreementsFirst(spreads: readonly CriterionSpread[]): CriterionSpread[] {
  return spreads.map((s, i) => ({ s, i })).sort((a, b) => Number(b.s.disagree) - Number(a.s.disagree) || a.i - b.i).map((x) => x.s);
}
