// Consolidation at the scale of an académie: 10,000 evaluations over ~2,000 resources by ~300 evaluators
// (test/support/evaluations.ts, deterministic). Timed: grouping by resource and site, then every resource's spreads,
// agreement (Krippendorff's alpha) and blocking points; one filter with a search on the precomputed index; the
// agreement across all resources on its own (no goal). Goals: consolidation ≤ 500 ms, filter + search ≤ 50 ms.
//   npx tsx scripts/bench/consolidate.ts
import { performance } from 'node:perf_hooks';
import { agreementAcross } from '../../lib/consolidate/agreement';
import { filterEvaluations, indexEvaluations } from '../../lib/consolidate/filter';
import { groupByResource, groupBySite } from '../../lib/consolidate/group';
import { consolidateResource } from '../../lib/consolidate/resource';
import type { Evaluation } from '../../lib/detectors/finding';
import { generateEvaluations } from '../../test/support/evaluations';
import { goal, median, type BenchResult } from './report';

const N = 10_000;
const RUNS = 5;
const GOAL_CONSOLIDATE_MS = 500;
const GOAL_FILTER_MS = 50;

function consolidateAll(list: readonly Evaluation[]) {
  const byId = new Map(list.map((e) => [e.id, e]));
  const groups = groupByResource(list);
  const sites = groupBySite(groups);
  const members = groups.map((g) => g.evaluationIds.map((id) => byId.get(id)!));
  const each = members.map(consolidateResource);
  return { groups, sites, each, members };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

export async function bench(): Promise<BenchResult> {
  const gen = time(() => generateEvaluations(N, 1));
  const list = gen.value;
  consolidateAll(list.slice(0, 1000)); // warm-up: the JIT is not what is measured
  const runs = Array.from({ length: RUNS }, () => time(() => consolidateAll(list)));
  const consolidateMs = median(runs.map((r) => r.ms));
  const { groups, sites, each, members } = runs[0]!.value;
  const acrossRun = time(() => agreementAcross(members));
  const across = acrossRun.value;
  const computable = each.filter((c) => c.agreement.alpha !== null).length;
  const disagreements = each.reduce((n, c) => n + c.spreads.filter((s) => s.disagree).length, 0);

  const index = time(() => indexEvaluations(list));
  const filter = { level: 'cycle4' as const, subject: 'mathematiques', query: 'geometrie' };
  filterEvaluations(index.value, filter);
  const filters = Array.from({ length: RUNS * 3 }, () => time(() => filterEvaluations(index.value, filter)));
  const filterMs = median(filters.map((r) => r.ms));
  const found = filters[0]!.value.length;

  const lines = [
    `consolidate: ${N} evaluations, ${groups.length} resources, ${sites.length} sites, Node ${process.version} (generated in ${gen.ms.toFixed(0)} ms)`,
    `  group + spreads + alpha + blocking, every resource: ${consolidateMs.toFixed(0)} ms (median of ${RUNS}) | ${goal(consolidateMs <= GOAL_CONSOLIDATE_MS, `≤ ${GOAL_CONSOLIDATE_MS} ms`)}`,
    `    alpha computable on ${computable} resources; ${disagreements} criteria in disagreement; alpha across all = ${across.alpha?.toFixed(3) ?? across.why} on ${across.pairable} ratings by ${across.coders} evaluators (${acrossRun.ms.toFixed(0)} ms more)`,
    `  search index (once per load): ${index.ms.toFixed(0)} ms`,
    `  filter level + subject + search: ${filterMs.toFixed(1)} ms (median of ${RUNS * 3}), ${found} found | ${goal(filterMs <= GOAL_FILTER_MS, `≤ ${GOAL_FILTER_MS} ms`)}`,
  ];
  const figures = [
    { what: 'consolidate', evaluations: N, resources: groups.length, ms: consolidateMs, goalMs: GOAL_CONSOLIDATE_MS, goal: consolidateMs <= GOAL_CONSOLIDATE_MS, alphaAcross: across.alpha, pairable: across.pairable },
    { what: 'index', evaluations: N, ms: index.ms },
    { what: 'filter', evaluations: N, ms: filterMs, found, goalMs: GOAL_FILTER_MS, goal: filterMs <= GOAL_FILTER_MS },
  ];
  return { lines, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of (await bench()).lines) console.log(line);
}
