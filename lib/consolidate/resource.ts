import type { GradedEvaluation } from '../storage/read-model';
import { agreementFromSpreads, pairableCoders } from './agreement';
import { raisedBlockingPoints, type RaisedBlockingPoint } from './blocking';
import { latestPerEvaluator } from './evaluator';
import type { AlphaResult } from './krippendorff';
import { criterionSpreads, type CriterionSpread } from './spread';

// One resource's consolidation, as the dashboard shows it: spreads and agreement read each evaluator's latest
// evaluation (opinions, not history); blocking points count every evaluation that raised one.

export interface ResourceConsolidation {
  spreads: CriterionSpread[];
  agreement: AlphaResult;
  blocking: RaisedBlockingPoint[];
  /** Evaluations the spreads and agreement read (latest per evaluator). */
  latest: number;
}

export function consolidateResource(evaluations: readonly GradedEvaluation[]): ResourceConsolidation {
  const latest = latestPerEvaluator(evaluations);
  const spreads = criterionSpreads(latest);
  return { spreads, agreement: agreementFromSpreads(spreads, pairableCoders(latest, spreads)), blocking: raisedBlockingPoints(evaluations), latest: latest.length };
}
