import type { GradedEvaluation } from '../storage/read-model';
import { evaluatorKey, latestPerEvaluator } from './evaluator';
import { alphaOfTallies, type AlphaMetric, type AlphaResult } from './krippendorff';
import { criterionSpreads, ordinalRank, type CriterionSpread } from './spread';

// Agreement across evaluators on the grid: units are criteria (of one resource, or every resource's criteria
// together), coders are evaluators, values are the ordinal ranks of conforme / partiel / non conforme. Ratings off
// the scale ("à vérifier", "non applicable") are missing values, as a question not answered. Read from each
// evaluator's latest evaluation of a resource only (latestPerEvaluator). Alpha needs only how many coders gave each
// value in each unit, which is what a criterion's spread counts: it is computed from the spreads.

const RANK_VALUES = [0, 1, 2];
const tally = (s: CriterionSpread) => [s.counts['non-conforme'], s.counts.partiel, s.counts.conforme];

/** Alpha from criterion spreads (each spread one unit); `coders` is reported as given. */
export function agreementFromSpreads(spreads: readonly CriterionSpread[], coders: number, metric: AlphaMetric = 'ordinal'): AlphaResult {
  return alphaOfTallies(spreads.map(tally), RANK_VALUES, metric, coders);
}

/** Evaluators with at least one ordinal rating on a criterion another evaluator also placed on the scale. */
export function pairableCoders(latest: readonly GradedEvaluation[], spreads: readonly CriterionSpread[]): number {
  const shared = new Set(spreads.filter((s) => s.ordinal >= 2).map((s) => s.id));
  const who = new Set<string>();
  for (const e of latest) if (e.grid?.some((c) => shared.has(c.id) && ordinalRank(c.rating) !== undefined)) who.add(evaluatorKey(e));
  return who.size;
}

/** Alpha over one resource's criteria. */
export function resourceAgreement(evaluations: readonly GradedEvaluation[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  const latest = latestPerEvaluator(evaluations);
  const spreads = criterionSpreads(latest);
  return agreementFromSpreads(spreads, pairableCoders(latest, spreads), metric);
}

/** Alpha over every resource's criteria together: how consistently a team of evaluators applies the grid. */
export function agreementAcross(resources: readonly (readonly GradedEvaluation[])[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  const spreads: CriterionSpread[] = [];
  const who = new Set<string>();
  for (const evaluations of resources) {
    const latest = latestPerEvaluator(evaluations);
    const s = criterionSpreads(latest);
    spreads.push(...s);
    const shared = new Set(s.filter((x) => x.ordinal >= 2).map((x) => x.id));
    for (const e of latest) if (e.grid?.some((c) => shared.has(c.id) && ordinalRank(c.rating) !== undefined)) who.add(evaluatorKey(e));
  }
  return agreementFromSpreads(spreads, who.size, metric);
}

/** Krippendorff's own thresholds: ≥ 0.8 reliable, 0.667–0.8 tentative conclusions only, below that unreliable. */
export type AgreementBand = 'good' | 'moderate' | 'weak';
export function agreementBand(alpha: number): AgreementBand {
  return alpha >= 0.8 ? 'good' : alpha >= 0.667 ? 'moderate' : 'weak';
}
