import { z } from 'zod';
import { AXES, type Axis, type Rating, type VerdictLevel } from '../model/assessment';
import { GRID } from './grid';

// The verdict in the three levels académies publish (recommandée / avec réserves / déconseillée), decided by rules
// written as data: the first rule whose every threshold is met wins. Blocking points are counted on their own, so
// no number of "conforme" can average them away.


type Counted = Rating | 'blocking';

export interface VerdictRule {
  id: string;
  verdict: VerdictLevel;
  /** Minimum counts, all required: `{ 'non-conforme': 3 }` means three criteria or more rated non conforme. */
  when: Partial<Record<Counted, number>>;
}

export const VERDICT_RULES: readonly VerdictRule[] = [
  { id: 'blocking', verdict: 'deconseillee', when: { blocking: 1 } },
  { id: 'many-non-conforme', verdict: 'deconseillee', when: { 'non-conforme': 3 } },
  { id: 'non-conforme', verdict: 'avec-reserves', when: { 'non-conforme': 1 } },
  { id: 'partiel', verdict: 'avec-reserves', when: { partiel: 1 } },
  // Until every criterion is settled (the person's ones included), the best a resource can get is "avec réserves".
  { id: 'to-check', verdict: 'avec-reserves', when: { 'a-verifier': 1 } },
  { id: 'all-settled', verdict: 'recommandee', when: {} },
];

export interface RatedCriterion {
  id: string;
  rating: Rating | 'non-evalue';
  /** Set from the suggestion: a blocking point stays one whatever rating the person gives the criterion. */
  blocking?: boolean;
}

export function countRatings(grid: readonly RatedCriterion[]): Record<Counted, number> {
  const counts: Record<Counted, number> = { conforme: 0, partiel: 0, 'non-conforme': 0, 'a-verifier': 0, 'non-applicable': 0, blocking: 0 };
  for (const c of grid) {
    counts[c.rating === 'non-evalue' ? 'a-verifier' : c.rating]++;
    if (c.blocking) counts.blocking++;
  }
  return counts;
}

export function applyRules(grid: readonly RatedCriterion[], rules: readonly VerdictRule[] = VERDICT_RULES): VerdictRule {
  const counts = countRatings(grid);
  const rule = rules.find((r) => Object.entries(r.when).every(([k, min]) => counts[k as Counted] >= (min ?? 0)));
  if (!rule) throw new Error('verdict rules must end with a rule that always applies');
  return rule;
}

export const blockingPoints = (grid: readonly RatedCriterion[]): string[] => grid.filter((c) => c.blocking).map((c) => c.id);

const POINTS: Partial<Record<Rating, number>> = { conforme: 1, partiel: 0.5, 'non-conforme': 0 };

export interface AxisScore {
  axis: Axis;
  /** 0–100 over the criteria rated conforme / partiel / non conforme; null when none is. */
  score: number | null;
  rated: number;
  total: number;
}

/** A score per axis, for reading at a glance; the verdict never comes from it. */
export function axisScores(grid: readonly RatedCriterion[]): AxisScore[] {
  const axisOf = new Map(GRID.map((c) => [c.id, c.axis]));
  return AXES.map((axis) => {
    const list = grid.filter((c) => axisOf.get(c.id) === axis);
    const points = list.map((c) => (c.rating === 'non-evalue' ? undefined : POINTS[c.rating])).filter((p): p is number => p !== undefined);
    const score = points.length ? Math.round((100 * points.reduce((a, b) => a + b, 0)) / points.length) : null;
    return { axis, score, rated: points.length, total: list.length };
  });
}
