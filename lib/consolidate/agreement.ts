import type { Evaluation } from '../export/schema';
import { evaluatorKey, latestPerEvaluator } from './evaluator';
import { krippendorffAlpha, type AlphaMetric, type AlphaResult, type Cell } from './krippendorff';
import { ordinalRank } from './spread';

// Agreement across evaluators on the grid: units are criteria (of one resource, or every resource's criteria
// together), coders are evaluators, values are the ordinal ranks of conforme / partiel / non conforme. Ratings off
// the scale ("à vérifier", "non applicable") are missing values, as a question not answered. Each evaluator's
// latest evaluation of a resource only (lib/consolidate/evaluator.ts latestPerEvaluator).

/** Units × coders for the resources given, one list of evaluations per resource. */
export function ratingMatrix(resources: readonly (readonly Evaluation[])[]): { data: Cell[][]; coders: string[]; units: string[] } {
  const coderIndex = new Map<string, number>();
  const rows: Map<number, number>[] = [];
  const units: string[] = [];
  resources.forEach((evaluations, r) => {
    const unitIndex = new Map<string, number>();
    for (const e of latestPerEvaluator(evaluations)) {
      const who = evaluatorKey(e);
      let c = coderIndex.get(who);
      if (c === undefined) coderIndex.set(who, (c = coderIndex.size));
      for (const cr of e.grid ?? []) {
        const rank = ordinalRank(cr.rating);
        if (rank === undefined) continue;
        let u = unitIndex.get(cr.id);
        if (u === undefined) {
          unitIndex.set(cr.id, (u = rows.length));
          rows.push(new Map());
          units.push(resources.length > 1 ? `${r}:${cr.id}` : cr.id);
        }
        rows[u]!.set(c, rank);
      }
    }
  });
  const width = coderIndex.size;
  const data = rows.map((row) => Array.from({ length: width }, (_, c) => row.get(c) ?? null));
  return { data, coders: [...coderIndex.keys()], units };
}

/** Alpha over one resource's criteria. */
export function resourceAgreement(evaluations: readonly Evaluation[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  return krippendorffAlpha(ratingMatrix([evaluations]).data, metric);
}

/** Alpha over every resource's criteria together: how consistently a team of evaluators applies the grid. */
export function agreementAcross(resources: readonly (readonly Evaluation[])[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  return krippendorffAlpha(ratingMatrix(resources).data, metric);
}

/** Krippendorff's own thresholds: ≥ 0.8 reliable, 0.667–0.8 tentative conclusions only, below that unreliable. */
export type AgreementBand = 'good' | 'moderate' | 'weak';
export function agreementBand(alpha: number): AgreementBand {
  return alpha >= 0.8 ? 'good' : alpha >= 0.667 ? 'moderate' : 'weak';
}
