import type { GradedEvaluation } from '../storage/read-model';
import { GRID } from '../grid/grid';
import { evaluatorKey } from './evaluator';

// Every blocking point raised on a resource, with how many evaluations and evaluators raised it. Never averaged:
// one evaluator who saw an advertising tracker is shown even if nine others did not.

export interface RaisedBlockingPoint {
  criterion: string;
  evaluations: number;
  evaluators: number;
  /** Ids of the evaluations that raised it. */
  evaluationIds: string[];
}

const gridOrder = new Map(GRID.map((c, i) => [c.id, i]));

/** The criteria one evaluation holds as blocking: flagged in its grid or listed in its verdict. */
export function blockingOf(e: Pick<GradedEvaluation, 'grid' | 'verdict'>): Set<string> {
  const out = new Set<string>(e.verdict?.blocking ?? []);
  for (const c of e.grid ?? []) if (c.blocking) out.add(c.id);
  return out;
}

/** Most raised first, then the grid's order. */
export function raisedBlockingPoints(evaluations: readonly GradedEvaluation[]): RaisedBlockingPoint[] {
  const byId = new Map<string, { ids: string[]; who: Set<string> }>();
  for (const e of evaluations) {
    for (const id of blockingOf(e)) {
      let slot = byId.get(id);
      if (!slot) byId.set(id, (slot = { ids: [], who: new Set() }));
      slot.ids.push(e.id);
      slot.who.add(evaluatorKey(e));
    }
  }
  return [...byId.entries()]
    .map(([criterion, s]) => ({ criterion, evaluations: s.ids.length, evaluators: s.who.size, evaluationIds: s.ids }))
    .sort((a, b) => b.evaluations - a.evaluations || (gridOrder.get(a.criterion) ?? Infinity) - (gridOrder.get(b.criterion) ?? Infinity) || (a.criterion < b.criterion ? -1 : 1));
}
