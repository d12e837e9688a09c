import { describe, expect, it } from 'vitest';
import { agreementBand, resourceAgreement, agreementAcross } from '../../lib/consolidate/agreement';
import { raisedBlockingPoints } from '../../lib/consolidate/blocking';
import { evaluatorKey, latestPerEvaluator } from '../../lib/consolidate/evaluator';
import { filterEvaluations, indexEvaluations } from '../../lib/consolidate/filter';
import { groupByResource, groupBySite, siteOfEvaluation } from '../../lib/consolidate/group';
import { consolidateResource } from '../../lib/consolidate/resource';
import { criterionSpreads, disagreementsFirst, spreadOf } from '../../lib/consolidate/spread';
import { evaluationSchema, type Evaluation } from '../../lib/detectors/finding';
import { type Criterion } from '../../lib/model/assessment';
import { GRID } from '../../lib/grid/grid';
import { generateEvaluations } from '../support/evaluations';

// Consolidation over hand-built evaluations: grouping, evaluators, spreads, blocking points, filters.

let n = 0;
function ev(over: Partial<Evaluation> & { url?: string; ratings?: Record<string, Criterion['rating']>; blocking?: string[] } = {}): Evaluation {
  const { url = 'https://www.site.fr/a', ratings = {}, blocking = [], ...rest } = over;
  const grid: Criterion[] = Object.entries(ratings).map(([id, rating]) => ({
    id,
    axis: GRID.find((c) => c.id === id)?.axis ?? 'juridique',
    rating,
    source: 'person',
    findingIds: [],
    ...(blocking.includes(id) ? { blocking: true } : {}),
  }));
  return {
    id: `eval-${String(++n).padStart(4, '0')}`,
    resource: { url, site: '', title: 'Ressource' },
    inspectedAt: '2025-01-01T10:00:00.000Z',
    loupeVersion: '0',
    findings: [],
    detectors: [],
    limits: [],
    summary: { blocking: 0, problem: 0, review: 0, info: 0 },
    ...(grid.length ? { grid } : {}),
    ...rest,
  };
}
const verdict = (level: 'recommandee' | 'avec-reserves' | 'deconseillee', blocking: string[] = []) => ({ suggested: level, level, source: 'detector' as const, rule: 'x', blocking, scores: [] });

describe('evaluators', () => {
  it('one person whatever the case, accents and spaces of name and school', () => {
    const a = ev({ author: { name: ' Hélène  Durand', school: 'Collège Jean-Moulin' } });
    const b = ev({ author: { name: 'helene durand', school: 'COLLEGE JEAN MOULIN ' } });
    const c = ev({ author: { name: 'Hélène Durand', school: 'Lycée Victor Hugo' } });
    expect(evaluatorKey(a)).toBe(evaluatorKey(b));
    expect(evaluatorKey(a)).not.toBe(evaluatorKey(c));
  });
  it('an evaluation without author (or with only a role) is its own anonymous evaluator', () => {
    const a = ev();
    const b = ev({ author: { role: 'enseignant' } });
    expect(evaluatorKey(a)).toMatch(/^anonymous:/);
    expect(evaluatorKey(a)).not.toBe(evaluatorKey(b));
    expect(evaluatorKey(b)).toMatch(/^anonymous:/);
  });
  it('keeps only the latest evaluation of each evaluator', () => {
    const old = ev({ author: { name: 'A' }, inspectedAt: '2024-01-01T00:00:00Z' });
    const recent = ev({ author: { name: 'a' }, inspectedAt: '2025-01-01T00:00:00Z' });
    const other = ev({ author: { name: 'B' }, inspectedAt: '2023-01-01T00:00:00Z' });
    expect(latestPerEvaluator([old, other, recent]).map((e) => e.id)).toEqual([recent.id, other.id]);
  });
});

describe('groupByResource / groupBySite', () => {
  const e1 = ev({ url: 'https://www.site.fr/a/?x=1#y', author: { name: 'A' }, inspectedAt: '2025-01-01T00:00:00Z', verdict: verdict('deconseillee') });
  const e2 = ev({ url: 'http://site.fr/a', author: { name: 'a ' }, inspectedAt: '2025-03-01T00:00:00.5Z', resource: { url: 'http://site.fr/a', site: 'site.fr', title: 'Nouveau titre' } });
  const e3 = ev({ url: 'https://site.fr/a/', inspectedAt: '2025-02-01T00:00:00Z', verdict: verdict('recommandee') });
  const e4 = ev({ url: 'https://autre.site.fr/b', inspectedAt: '2025-02-15T00:00:00Z', verdict: verdict('deconseillee') });
  const e5 = ev({ url: 'https://ailleurs.org/', inspectedAt: '2024-06-01T00:00:00Z' });
  const groups = groupByResource([e1, e2, e3, e4, e5]);

  it('one group per normalised URL, newest first, with evaluations, evaluators, verdicts and dates', () => {
    expect(groups.map((g) => g.key)).toEqual(['site.fr/a', 'autre.site.fr/b', 'ailleurs.org/']);
    const g = groups[0]!;
    expect(g.evaluationIds).toEqual([e2.id, e3.id, e1.id]);
    expect(g.evaluations).toBe(3);
    // e1 and e2 are one person; e3 has no author.
    expect(g.evaluators).toBe(2);
    expect(g.verdicts).toEqual({ recommandee: 1, 'avec-reserves': 0, deconseillee: 1, none: 1 });
    expect(g.firstInspectedAt).toBe(e1.inspectedAt);
    expect(g.lastInspectedAt).toBe(e2.inspectedAt);
    expect(g.title).toBe('Nouveau titre');
  });

  it('a site is the registrable domain of the address, whatever an older file wrote in it (one meaning, lib/net/resource.ts)', () => {
    expect(siteOfEvaluation(e4)).toBe('site.fr');
    expect(siteOfEvaluation(ev({ resource: { url: 'https://cdn.hebergeur.net/x', site: 'Editeur.fr', title: '' } }))).toBe('hebergeur.net');
    expect(siteOfEvaluation(ev({ resource: { url: 'http://127.0.0.1:8080/x', site: '127.0.0.1:8080', title: '' } }))).toBe('127.0.0.1');
    expect(siteOfEvaluation(ev({ url: 'https://x.github.io/p', resource: { url: 'https://x.github.io/p', site: '', title: '' } }))).toBe('x.github.io');
    const sites = groupBySite(groups);
    expect(sites.map((s) => s.site)).toEqual(['site.fr', 'ailleurs.org']);
    expect(sites[0]!.resources.map((r) => r.key)).toEqual(['site.fr/a', 'autre.site.fr/b']);
    expect(sites[0]).toMatchObject({ evaluations: 4, evaluators: 3, lastInspectedAt: e2.inspectedAt });
  });
});

describe('spreads', () => {
  it('counts every rating, keeps off-scale ones apart, gives min, max and median on the ordinal scale', () => {
    const s = spreadOf('x', ['conforme', 'partiel', 'partiel', 'a-verifier', 'non-applicable', 'non-evalue']);
    expect(s.counts).toEqual({ conforme: 1, partiel: 2, 'non-conforme': 0, 'a-verifier': 1, 'non-applicable': 1, 'non-evalue': 1 });
    expect(s).toMatchObject({ ordinal: 3, total: 6, min: 'partiel', max: 'conforme', median: 1, range: 1, disagree: false });
    expect(spreadOf('x', ['conforme', 'non-conforme']).median).toBe(1);
    expect(spreadOf('x', ['conforme', 'partiel']).median).toBe(1.5);
    expect(spreadOf('x', ['a-verifier'])).toMatchObject({ ordinal: 0, range: 0, disagree: false });
    expect(spreadOf('x', ['a-verifier']).median).toBeUndefined();
  });
  it('flags a disagreement when conforme and non conforme both appear, not for one step', () => {
    expect(spreadOf('x', ['conforme', 'partiel', 'conforme']).disagree).toBe(false);
    expect(spreadOf('x', ['non-conforme', 'partiel']).disagree).toBe(false);
    expect(spreadOf('x', ['conforme', 'partiel', 'non-conforme']).disagree).toBe(true);
    expect(spreadOf('x', ['conforme', 'a-verifier', 'non-applicable']).disagree).toBe(false);
  });
  it('one spread per criterion in the grid\'s order, disagreements first on demand', () => {
    const spreads = criterionSpreads([
      ev({ ratings: { trackers: 'conforme', 'no-ads': 'conforme' } }),
      ev({ ratings: { trackers: 'non-conforme', 'no-ads': 'partiel', 'zzz-unknown': 'conforme' } }),
      ev(),
    ]);
    expect(spreads.map((s) => s.id)).toEqual(['no-ads', 'trackers', 'zzz-unknown']);
    expect(disagreementsFirst(spreads).map((s) => s.id)).toEqual(['trackers', 'no-ads', 'zzz-unknown']);
  });
});

describe('agreement on a resource', () => {
  const ids = ['no-ads', 'trackers', 'privacy', 'terms', 'rights'];
  const rate = (rs: Criterion['rating'][]) => Object.fromEntries(ids.map((id, i) => [id, rs[i]!]));
  it('1 when evaluators agree, below 0.667 when they contradict each other, null with one evaluator', () => {
    const same = rate(['conforme', 'non-conforme', 'partiel', 'conforme', 'non-conforme']);
    const agree = [ev({ author: { name: 'A' }, ratings: same }), ev({ author: { name: 'B' }, ratings: same })];
    expect(resourceAgreement(agree)).toMatchObject({ alpha: 1, pairable: 10, units: 5, coders: 2 });
    const contra = [ev({ author: { name: 'A' }, ratings: same }), ev({ author: { name: 'B' }, ratings: rate(['non-conforme', 'conforme', 'partiel', 'non-conforme', 'conforme']) })];
    const r = resourceAgreement(contra);
    expect(r.alpha!).toBeLessThan(0);
    expect(agreementBand(r.alpha!)).toBe('weak');
    expect(resourceAgreement([agree[0]!])).toMatchObject({ alpha: null, why: 'no-pairable' });
  });
  it('reads only each evaluator\'s latest evaluation, and off-scale ratings as missing', () => {
    const same = rate(['conforme', 'non-conforme', 'partiel', 'conforme', 'a-verifier']);
    const a = ev({ author: { name: 'A' }, ratings: same, inspectedAt: '2025-01-02T00:00:00Z' });
    const aOld = ev({ author: { name: 'A' }, ratings: rate(['non-conforme', 'conforme', 'conforme', 'non-conforme', 'conforme']), inspectedAt: '2024-01-01T00:00:00Z' });
    const b = ev({ author: { name: 'B' }, ratings: same });
    expect(resourceAgreement([a, aOld, b])).toMatchObject({ alpha: 1, pairable: 8, units: 4 });
  });
  it('bands are Krippendorff\'s thresholds', () => {
    expect([0.8, 0.79, 0.667, 0.66].map(agreementBand)).toEqual(['good', 'moderate', 'moderate', 'weak']);
  });
  it('across resources, a criterion of one resource is not the same unit as the criterion of another', () => {
    const r1 = [ev({ author: { name: 'A' }, ratings: { 'no-ads': 'conforme' } }), ev({ author: { name: 'B' }, ratings: { 'no-ads': 'conforme' } })];
    const r2 = [ev({ author: { name: 'A' }, ratings: { 'no-ads': 'non-conforme' } }), ev({ author: { name: 'B' }, ratings: { 'no-ads': 'non-conforme' } })];
    expect(agreementAcross([r1, r2])).toMatchObject({ alpha: 1, units: 2, pairable: 4 });
  });
});

describe('blocking points', () => {
  it('every blocking point raised, from the grid or the verdict, by how many evaluations and evaluators', () => {
    const list = [
      ev({ author: { name: 'A' }, ratings: { 'no-ads': 'non-conforme' }, blocking: ['no-ads'], verdict: verdict('deconseillee', ['no-ads', 'trackers']) }),
      ev({ author: { name: 'a' }, ratings: { 'no-ads': 'non-conforme' }, blocking: ['no-ads'] }),
      ev({ author: { name: 'B' }, ratings: { 'no-pupil-account': 'non-conforme' }, blocking: ['no-pupil-account'] }),
      ev({ ratings: { 'no-ads': 'conforme' } }),
    ];
    expect(raisedBlockingPoints(list).map(({ criterion, evaluations, evaluators }) => ({ criterion, evaluations, evaluators }))).toEqual([
      { criterion: 'no-ads', evaluations: 2, evaluators: 1 },
      { criterion: 'no-pupil-account', evaluations: 1, evaluators: 1 },
      { criterion: 'trackers', evaluations: 1, evaluators: 1 },
    ]);
    const c = consolidateResource(list);
    expect(c.latest).toBe(3);
    expect(c.blocking).toHaveLength(3);
  });
});

describe('filters', () => {
  const list = [
    ev({ resource: { url: 'https://www.geogebra.org/classic', site: 'geogebra.org', title: 'GéoGébra Classique' }, context: { level: 'cycle4', subject: 'Mathématiques' }, verdict: verdict('recommandee'), author: { name: 'Hélène' }, inspectedAt: '2025-01-10T00:00:00Z' }),
    ev({ resource: { url: 'https://exemple.fr/quiz', site: 'exemple.fr', title: 'Quiz éducatif' }, context: { level: 'lycee', subject: 'Histoire' }, verdict: verdict('deconseillee'), inspectedAt: '2025-02-10T00:00:00Z' }),
    ev({ resource: { url: 'https://exemple.fr/maths', site: 'exemple.fr', title: 'Exercices' }, context: { level: 'cycle4', subject: 'maths' }, inspectedAt: '2025-03-10T00:00:00Z' }),
  ];
  const index = indexEvaluations(list);
  const ids = (f: Parameters<typeof filterEvaluations>[1]) => filterEvaluations(index, f).map((e) => list.indexOf(e));
  it('by level, subject (accents and case ignored), verdict, dates and evaluator', () => {
    expect(ids({})).toEqual([0, 1, 2]);
    expect(ids({ level: 'cycle4' })).toEqual([0, 2]);
    expect(ids({ subject: 'MATH' })).toEqual([0, 2]);
    expect(ids({ subject: 'mathematiques' })).toEqual([0]);
    expect(ids({ verdict: 'deconseillee' })).toEqual([1]);
    expect(ids({ verdict: 'none' })).toEqual([2]);
    expect(ids({ since: Date.parse('2025-02-10T00:00:00Z'), until: Date.parse('2025-03-01T00:00:00Z') })).toEqual([1]);
    expect(ids({ evaluator: evaluatorKey({ id: 'x', author: { name: 'helene' } }) })).toEqual([0]);
    expect(ids({ level: 'cycle4', subject: 'math', verdict: 'recommandee' })).toEqual([0]);
  });
  it('searches site and title, accents and case ignored, every word required', () => {
    expect(ids({ query: 'geogebra' })).toEqual([0]);
    expect(ids({ query: 'EDUCATIF' })).toEqual([1]);
    expect(ids({ query: 'exemple.fr' })).toEqual([1, 2]);
    expect(ids({ query: 'exemple quiz' })).toEqual([1]);
    expect(ids({ query: 'exemple geogebra' })).toEqual([]);
    expect(ids({ query: '  ' })).toEqual([0, 1, 2]);
  });
});

describe('generateEvaluations', () => {
  it('is deterministic, valid against the export schema, spread over resources and evaluators', () => {
    const a = generateEvaluations(300, 7);
    expect(generateEvaluations(300, 7)).toEqual(a);
    expect(generateEvaluations(300, 8)).not.toEqual(a);
    for (const e of a.slice(0, 50)) expect(evaluationSchema.safeParse(e).success, e.id).toBe(true);
    const groups = groupByResource(a);
    expect(groups.length).toBeGreaterThan(30);
    expect(new Set(a.map((e) => e.id)).size).toBe(300);
    expect(groups.some((g) => g.evaluators >= 2)).toBe(true);
  });
});
