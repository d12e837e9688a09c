import type { Evaluation } from '../detectors/finding';
import { VERDICTS, type VerdictLevel } from '../model/assessment';
import type { GradedEvaluation } from '../storage/read-model';
import { evaluatorKey, inspectedTime } from './evaluator';
import { resourceKey, resourceSite } from '../net/resource';

// Evaluations grouped by resource (one normalised URL) and, wider, by site (registrable domain). Newest first at
// both levels: a referent looks at what was inspected lately.

export type VerdictCounts = Record<VerdictLevel | 'none', number>;

export interface ResourceGroup {
  /** resourceKey(resource.url): the key evaluations of one resource share. */
  key: string;
  site: string;
  /** From the newest evaluation (titles change; the latest is what people see today). */
  title: string;
  url: string;
  /** Ids of the group's evaluations, newest first. */
  evaluationIds: string[];
  evaluations: number;
  /** Distinct evaluators (lib/consolidate/evaluator.ts: an evaluation without author is its own). */
  evaluators: number;
  evaluatorKeys: string[];
  /** How many evaluations gave each verdict; `none` had no verdict yet. */
  verdicts: VerdictCounts;
  firstInspectedAt: string;
  lastInspectedAt: string;
}

export interface SiteGroup {
  site: string;
  /** Newest first. */
  resources: ResourceGroup[];
  evaluations: number;
  evaluators: number;
  lastInspectedAt: string;
}

// An address's key and site, remembered across calls: grouping and filtering run again at every keystroke on
// thousands of evaluations sharing a few thousand addresses, and parsing them (URL, public suffix list) was most of
// a regrouping's time (npm run bench, dashboard-page). Bounded, as a page may stay open while files are imported.
const placed = new Map<string, { key: string; site?: string }>();
function placeOf(url: string): { key: string; site?: string } {
  let p = placed.get(url);
  if (!p) {
    if (placed.size >= 50_000) placed.clear();
    placed.set(url, (p = { key: resourceKey(url) }));
  }
  return p;
}

/** resourceKey(url), remembered. */
export function keyOfUrl(url: string): string {
  return placeOf(url).key;
}

/** The evaluation's site, from its address (lib/net/resource.ts): one meaning whatever an older file wrote. */
export function siteOfEvaluation(e: Pick<Evaluation, 'resource'>): string {
  const p = placeOf(e.resource.url);
  return (p.site ??= resourceSite(e.resource.url));
}

// A literal, not built from VERDICTS: one per resource at every regrouping. Checked against VERDICTS at load.
export const emptyVerdictCounts = (): VerdictCounts => ({ recommandee: 0, 'avec-reserves': 0, deconseillee: 0, none: 0 });
if (VERDICTS.some((v) => !(v in emptyVerdictCounts()))) throw new Error('emptyVerdictCounts misses a verdict');

interface Acc {
  group: ResourceGroup;
  first: number;
  last: number;
  members: { id: string; t: number }[];
  evaluators: Set<string>;
}

/** One group per normalised URL, newest first (by its latest inspection). */
export function groupByResource(evaluations: readonly GradedEvaluation[]): ResourceGroup[] {
  const byKey = new Map<string, Acc>();
  for (const e of evaluations) {
    // resourceKey parses a URL; the evaluations of one resource share its address, so it is parsed once.
    const key = keyOfUrl(e.resource.url);
    const t = inspectedTime(e);
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        group: { key, site: '', title: '', url: '', evaluationIds: [], evaluations: 0, evaluators: 0, evaluatorKeys: [], verdicts: emptyVerdictCounts(), firstInspectedAt: e.inspectedAt, lastInspectedAt: e.inspectedAt },
        first: t,
        last: -Infinity,
        members: [],
        evaluators: new Set(),
      };
      byKey.set(key, acc);
    }
    const g = acc.group;
    acc.members.push({ id: e.id, t });
    acc.evaluators.add(evaluatorKey(e));
    g.verdicts[e.verdict?.level ?? 'none']++;
    if (t <= acc.first) {
      acc.first = t;
      g.firstInspectedAt = e.inspectedAt;
    }
    if (t > acc.last || (t === acc.last && e.id < g.evaluationIds[0]!)) {
      acc.last = t;
      g.lastInspectedAt = e.inspectedAt;
      g.title = e.resource.title;
      g.url = e.resource.url;
      g.site = siteOfEvaluation(e);
      g.evaluationIds[0] = e.id;
    }
  }
  const out: { g: ResourceGroup; t: number }[] = [];
  for (const acc of byKey.values()) {
    const g = acc.group;
    acc.members.sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    g.evaluationIds = acc.members.map((m) => m.id);
    g.evaluations = g.evaluationIds.length;
    g.evaluatorKeys = [...acc.evaluators].sort();
    g.evaluators = g.evaluatorKeys.length;
    out.push({ g, t: acc.last });
  }
  return out.sort((a, b) => b.t - a.t || (a.g.key < b.g.key ? -1 : 1)).map((x) => x.g);
}

/** Resource groups gathered by site, newest first; `evaluators` counts each evaluator once across the site. */
export function groupBySite(resources: readonly ResourceGroup[]): SiteGroup[] {
  const bySite = new Map<string, { s: SiteGroup; who: Set<string>; t: number }>();
  for (const r of resources) {
    const t = Date.parse(r.lastInspectedAt);
    let acc = bySite.get(r.site);
    if (!acc) {
      acc = { s: { site: r.site, resources: [], evaluations: 0, evaluators: 0, lastInspectedAt: r.lastInspectedAt }, who: new Set(), t };
      bySite.set(r.site, acc);
    }
    acc.s.resources.push(r);
    acc.s.evaluations += r.evaluations;
    for (const k of r.evaluatorKeys) acc.who.add(k);
    if (t > acc.t) {
      acc.t = t;
      acc.s.lastInspectedAt = r.lastInspectedAt;
    }
  }
  const out = [...bySite.values()].map((a) => {
    a.s.evaluators = a.who.size;
    a.s.resources.sort((x, y) => Date.parse(y.lastInspectedAt) - Date.parse(x.lastInspectedAt) || (x.key < y.key ? -1 : 1));
    return a;
  });
  return out.sort((a, b) => b.t - a.t || (a.s.site < b.s.site ? -1 : 1)).map((a) => a.s);
}
