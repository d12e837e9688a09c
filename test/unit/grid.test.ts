import { describe, expect, it } from 'vitest';
import type { DetectorStatus } from '../../lib/model/finding';
import type { Finding } from '../../lib/detectors/finding';
import { criterionSchema, verdictSchema, type UseContext, contextSchema, AXES, type Rating } from '../../lib/model/assessment';
import { GRID, criterionKey, informs } from '../../lib/grid/grid';
import { confirm, decideVerdict, missingComments, rate, suggestedGrid, withSuggestedGrid } from '../../lib/grid/state';
import { suggestCriterion, suggestGrid, type InspectionFacts } from '../../lib/grid/suggest';
import { applyRules, axisScores, VERDICT_RULES, type RatedCriterion } from '../../lib/grid/verdict';
import { hasMessage } from '../../lib/i18n/messages';
import { detectors as registry } from '../../lib/detectors/registry';

// The grid's suggestion and verdict rules, from tables of cases. Findings are built by hand: these tests are about
// the rules, not the detectors.

function finding(id: string, severity: Finding['severity'], data?: Record<string, unknown>): Finding {
  const detector = id.slice(0, id.indexOf('/'));
  // Hand-built for the rules' sake: a detector's real data is checked by its own schema in the detector tests.
  return { id, detector, category: 'metadata', severity, messageKey: 'x', params: [], message: 'x', evidence: [], ...(data ? { data } : {}) } as Finding;
}
const ALL_DETECTORS: DetectorStatus[] = [...Object.keys(registry), 'axe'].map((id) => ({ id, status: 'ok', ms: 0 }));
const facts = (findings: Finding[], detectors = ALL_DETECTORS): InspectionFacts => ({ findings, detectors });
const criterion = (id: string) => GRID.find((c) => c.id === id)!;

const SIGNUP = finding('account/signup-form', 'blocking');
const SIGNUP_MITIGATED = finding('account/signup-form', 'review');
const GAR_MARK = finding('gar-mark/mark', 'info', { strength: 'mark' });
const GAR_NONE = finding('gar-mark/not-found', 'info', { strength: 'none' });

interface Case {
  why: string;
  criterion: string;
  findings: Finding[];
  context?: UseContext;
  detectors?: DetectorStatus[];
  rating: Rating | undefined;
  blocking?: boolean;
  evidence?: string[];
  reason?: string;
}

const CASES: Case[] = [
  // no-pupil-account: the context changes what blocks.
  { why: 'a sign-up form, context not said: blocking as the detector says', criterion: 'no-pupil-account', findings: [SIGNUP], rating: 'non-conforme', blocking: true, evidence: [SIGNUP.id], reason: 'gridReason_blocking' },
  { why: 'a sign-up form, pupils would create the account: blocking', criterion: 'no-pupil-account', findings: [SIGNUP], context: { users: 'pupils', access: 'pupil-accounts' }, rating: 'non-conforme', blocking: true, reason: 'gridReason_pupilAccounts' },
  { why: 'a sign-up form with a class code, but pupils would create the account: blocking all the same', criterion: 'no-pupil-account', findings: [SIGNUP_MITIGATED], context: { access: 'pupil-accounts' }, rating: 'non-conforme', blocking: true },
  { why: 'a sign-up form, only the teacher uses it (projected): not applicable, not blocking', criterion: 'no-pupil-account', findings: [SIGNUP], context: { users: 'teacher' }, rating: 'non-applicable', blocking: false, evidence: [SIGNUP.id], reason: 'gridReason_teacherOnly' },
  { why: 'a sign-up form, pupils come through the ENT/GAR: the public sign-up is irrelevant', criterion: 'no-pupil-account', findings: [SIGNUP, GAR_MARK], context: { users: 'pupils', access: 'ent-gar' }, rating: 'non-applicable', blocking: false, reason: 'gridReason_entGar' },
  { why: 'a sign-up form, the school creates the accounts: to check, not blocking', criterion: 'no-pupil-account', findings: [SIGNUP], context: { access: 'school-accounts' }, rating: 'a-verifier', blocking: false, reason: 'gridReason_schoolAccounts' },
  { why: 'a sign-up form for adult students (post-bac): to check, not blocking', criterion: 'no-pupil-account', findings: [SIGNUP], context: { level: 'post-bac' }, rating: 'a-verifier', blocking: false, reason: 'gridReason_adults' },
  { why: 'no sign-up form, context not said: conforme', criterion: 'no-pupil-account', findings: [], rating: 'conforme', blocking: false, reason: 'gridReason_silent' },
  { why: 'a login form only is a fact, not a fault', criterion: 'no-pupil-account', findings: [finding('account/login-form', 'info')], rating: 'conforme', blocking: false },
  { why: 'the account detector did not run: to check, never conforme', criterion: 'no-pupil-account', findings: [], detectors: ALL_DETECTORS.filter((d) => d.id !== 'account'), rating: 'a-verifier', reason: 'gridReason_notChecked' },
  // ads
  { why: 'an ad slot is blocking', criterion: 'no-ads', findings: [finding('ads/slot-adsense', 'blocking')], rating: 'non-conforme', blocking: true },
  { why: 'ad code without a slot: to check', criterion: 'no-ads', findings: [finding('ads/code-adsense', 'review')], rating: 'a-verifier', blocking: false },
  { why: 'no ads found: conforme', criterion: 'no-ads', findings: [], rating: 'conforme' },
  { why: 'an ad slot blocks whatever the context (projected ads are seen by pupils)', criterion: 'no-ads', findings: [finding('ads/slot-adsense', 'blocking')], context: { users: 'teacher', access: 'ent-gar' }, rating: 'non-conforme', blocking: true },
  // trackers
  { why: 'an advertising tracker is blocking', criterion: 'trackers', findings: [finding('trackers/org-google', 'blocking'), finding('trackers/summary', 'info')], rating: 'non-conforme', blocking: true, evidence: ['trackers/org-google', 'trackers/summary'] },
  { why: 'an analytics tracker is a problem: partiel', criterion: 'trackers', findings: [finding('trackers/org-matomo', 'problem')], rating: 'partiel', blocking: false },
  { why: 'no tracker: conforme', criterion: 'trackers', findings: [finding('trackers/none', 'info')], rating: 'conforme' },
  // legal
  { why: 'a privacy policy and a DPO: conforme', criterion: 'privacy', findings: [finding('legal-links/privacy', 'info'), finding('legal-links/dpo', 'info')], rating: 'conforme', evidence: ['legal-links/privacy', 'legal-links/dpo'] },
  { why: 'no privacy policy while a form collects e-mails: non conforme', criterion: 'privacy', findings: [finding('legal-links/missing-privacy', 'problem')], rating: 'non-conforme', blocking: false },
  { why: 'no privacy policy found: to check', criterion: 'privacy', findings: [finding('legal-links/missing-privacy', 'review')], rating: 'a-verifier' },
  { why: 'the terms link does not inform the privacy criterion', criterion: 'privacy', findings: [finding('legal-links/terms', 'info')], rating: 'conforme', evidence: [], reason: 'gridReason_silent' },
  { why: 'a cookie banner with no "refuse" button: non conforme', criterion: 'consent', findings: [finding('consent/cmp-didomi', 'info'), finding('consent/no-refuse', 'problem')], rating: 'non-conforme' },
  // GAR, read in context
  { why: 'the GAR mark: conforme', criterion: 'gar', findings: [GAR_MARK], rating: 'conforme', reason: 'gridReason_garFound' },
  { why: 'a mere mention of the GAR: to check', criterion: 'gar', findings: [finding('gar-mark/mention', 'review')], rating: 'a-verifier', reason: 'gridReason_garMention' },
  { why: 'no GAR mark: to check', criterion: 'gar', findings: [GAR_NONE], rating: 'a-verifier', reason: 'gridReason_garNotFound', evidence: [GAR_NONE.id] },
  { why: 'no GAR mark while the person goes through the ENT: check the médiacentre', criterion: 'gar', findings: [GAR_NONE], context: { access: 'ent-gar' }, rating: 'a-verifier', reason: 'gridReason_garNotFoundEnt' },
  { why: 'an access link through the GAR informs the connector too', criterion: 'connector', findings: [finding('gar-mark/access', 'info')], rating: 'conforme' },
  // technical, economic, editorial
  { why: 'a light page', criterion: 'weight', findings: [finding('page-weight/weight', 'info', { kind: 'weight', bytes: 800_000 })], rating: 'conforme', reason: 'gridReason_weightLight' },
  { why: 'a light page whose third-party sizes are partly unknown: to check', criterion: 'weight', findings: [finding('page-weight/weight', 'info', { kind: 'weight', bytes: 900 }), finding('page-weight/unknown-sizes', 'info', { kind: 'unknown-sizes', unknownSize: 12, thirdPartyUnknownSize: 12 })], rating: 'a-verifier', reason: 'gridReason_weightUnknown' },
  { why: 'a heavy page stays heavy, whatever sizes are unknown', criterion: 'weight', findings: [finding('page-weight/weight', 'info', { kind: 'weight', bytes: 20_000_000 }), finding('page-weight/unknown-sizes', 'info', { kind: 'unknown-sizes', unknownSize: 12, thirdPartyUnknownSize: 12 })], rating: 'non-conforme' },
  { why: 'a 5 MB page: partiel', criterion: 'weight', findings: [finding('page-weight/weight', 'info', { kind: 'weight', bytes: 5_000_000 })], rating: 'partiel', reason: 'gridReason_weightHeavy' },
  { why: 'a 20 MB page: non conforme', criterion: 'weight', findings: [finding('page-weight/weight', 'info', { kind: 'weight', bytes: 20_000_000 })], rating: 'non-conforme' },
  { why: 'the unknown-sizes note alone does not decide the weight', criterion: 'weight', findings: [finding('page-weight/unknown-sizes', 'info', { kind: 'unknown-sizes', unknownSize: 3, thirdPartyUnknownSize: 1 })], rating: 'conforme', reason: 'gridReason_ok' },
  { why: 'nothing said about price: to check', criterion: 'access-model', findings: [], rating: 'a-verifier', reason: 'gridReason_noPrice' },
  { why: '"gratuit" only: conforme', criterion: 'access-model', findings: [finding('access-model/free', 'info')], rating: 'conforme' },
  { why: 'in-app purchases are a counterpart of "free"', criterion: 'free-counterparts', findings: [finding('access-model/in-app', 'review')], rating: 'a-verifier' },
  { why: 'a recent update date', criterion: 'dates', findings: [finding('publisher-dates/updated', 'info', { kind: 'updated', ageDays: 100 })], rating: 'conforme' },
  { why: 'a date older than five years: partiel', criterion: 'dates', findings: [finding('publisher-dates/updated', 'info', { kind: 'updated', ageDays: 2200 })], rating: 'partiel', reason: 'gridReason_old' },
  { why: 'no date: to check', criterion: 'dates', findings: [finding('publisher-dates/no-date', 'review')], rating: 'a-verifier' },
  // accessibility
  { why: 'no video: captions not applicable', criterion: 'captions', findings: [], rating: 'non-applicable', reason: 'gridReason_noMedia' },
  { why: 'a video without captions track: to check', criterion: 'captions', findings: [finding('a11y-captions/no-track', 'review')], rating: 'a-verifier' },
  { why: 'an image-alt violation informs text alternatives', criterion: 'text-alternatives', findings: [finding('axe/violation:image-alt', 'problem'), finding('axe/violation:color-contrast', 'problem')], rating: 'partiel', evidence: ['axe/violation:image-alt'] },
  { why: 'axe did not run (page closed early): text alternatives to check', criterion: 'text-alternatives', findings: [], detectors: ALL_DETECTORS.filter((d) => d.id !== 'axe'), rating: 'a-verifier', reason: 'gridReason_notChecked' },
  { why: 'zoom blocked: adaptability partiel', criterion: 'adaptability', findings: [finding('a11y-zoom/blocked', 'problem')], rating: 'partiel' },
  // the person's criteria
  { why: 'fit with the programmes is the person\'s: no suggestion', criterion: 'programmes', findings: [SIGNUP], rating: undefined, reason: 'gridReason_person', evidence: [] },
  { why: 'the school equipment and the ENT are the person\'s', criterion: 'equipment', findings: [GAR_MARK], rating: undefined },
];

describe('suggestions, from a table of cases', () => {
  for (const c of CASES) {
    it(c.why, () => {
      const s = suggestCriterion(criterion(c.criterion), facts(c.findings, c.detectors), c.context ?? {});
      expect(s.rating).toBe(c.rating);
      if (c.blocking !== undefined) expect(s.blocking).toBe(c.blocking);
      if (c.evidence) expect(s.evidence).toEqual(c.evidence);
      if (c.reason) expect(s.reason.key).toBe(c.reason);
    });
  }
});

describe('the grid as data', () => {
  it('has the six axes, each with criteria, and unique ids', () => {
    expect(new Set(GRID.map((c) => c.axis))).toEqual(new Set(AXES));
    expect(new Set(GRID.map((c) => c.id)).size).toBe(GRID.length);
  });
  it('says which criteria are the person\'s: the pedagogical axis entirely, ergonomics, equipment', () => {
    const person = GRID.filter((c) => c.person).map((c) => c.id);
    expect(person).toEqual(expect.arrayContaining(['programmes', 'objectives', 'added-value', 'continuity', 'equipment', 'ergonomics']));
    for (const c of GRID) expect(c.person, c.id).toBe(c.informedBy.length === 0);
  });
  it('names only detectors that exist', () => {
    const known = new Set([...Object.keys(registry), 'axe']);
    for (const c of GRID) for (const i of c.informedBy) expect(known.has(i.detector), `${c.id} → ${i.detector}`).toBe(true);
  });
  it('has a label and a help line in French and English for every criterion, and every reason key exists', () => {
    for (const c of GRID) for (const part of ['label', 'help'] as const) {
      expect(hasMessage(criterionKey(c.id, part), 'fr'), criterionKey(c.id, part)).toBe(true);
      expect(hasMessage(criterionKey(c.id, part), 'en'), criterionKey(c.id, part)).toBe(true);
    }
    for (const k of new Set(CASES.flatMap((c) => suggestGrid(facts(c.findings, c.detectors), c.context ?? {}).map((s) => s.reason.key)))) {
      expect(hasMessage(k), k).toBe(true);
    }
  });
});

const rated = (ratings: Partial<Record<Rating, number>>, blocking = 0): RatedCriterion[] => {
  const out: RatedCriterion[] = [];
  for (const [r, n] of Object.entries(ratings)) for (let i = 0; i < n!; i++) out.push({ id: `${r}-${i}`, rating: r as Rating });
  for (let i = 0; i < blocking; i++) out[i] = { ...out[i]!, blocking: true };
  return out;
};

describe('verdict rules, from a table of cases', () => {
  const VERDICT_CASES: { why: string; grid: RatedCriterion[]; verdict: string; rule: string }[] = [
    { why: 'everything conforme: recommandée', grid: rated({ conforme: 20 }), verdict: 'recommandee', rule: 'all-settled' },
    { why: 'conforme and not applicable: recommandée', grid: rated({ conforme: 10, 'non-applicable': 3 }), verdict: 'recommandee', rule: 'all-settled' },
    { why: 'one blocking point among 25 conformes is never averaged away', grid: rated({ 'non-conforme': 1, conforme: 25 }, 1), verdict: 'deconseillee', rule: 'blocking' },
    { why: 'a blocking point the person rated conforme still blocks', grid: [{ id: 'no-ads', rating: 'conforme', blocking: true }, ...rated({ conforme: 5 })], verdict: 'deconseillee', rule: 'blocking' },
    { why: 'one non conforme: avec réserves', grid: rated({ 'non-conforme': 1, conforme: 10 }), verdict: 'avec-reserves', rule: 'non-conforme' },
    { why: 'three non conformes: déconseillée', grid: rated({ 'non-conforme': 3, conforme: 10 }), verdict: 'deconseillee', rule: 'many-non-conforme' },
    { why: 'a partiel: avec réserves', grid: rated({ partiel: 1, conforme: 10 }), verdict: 'avec-reserves', rule: 'partiel' },
    { why: 'something still to check: avec réserves', grid: rated({ 'a-verifier': 1, conforme: 10 }), verdict: 'avec-reserves', rule: 'to-check' },
  ];
  for (const c of VERDICT_CASES) {
    it(c.why, () => {
      const rule = applyRules(c.grid);
      expect(rule.verdict).toBe(c.verdict);
      expect(rule.id).toBe(c.rule);
    });
  }
  it('the last rule always applies, and every rule has a label', () => {
    expect(VERDICT_RULES.at(-1)!.when).toEqual({});
    for (const r of VERDICT_RULES) expect(hasMessage(`gridRule_${r.id.replace(/-(\w)/g, (_, x: string) => x.toUpperCase())}`), r.id).toBe(true);
  });
  it('scores each axis over the rated criteria only', () => {
    const scores = axisScores([
      { id: 'no-ads', rating: 'conforme' },
      { id: 'trackers', rating: 'partiel' },
      { id: 'privacy', rating: 'non-conforme' },
      { id: 'gar', rating: 'a-verifier' },
    ]);
    expect(scores.find((s) => s.axis === 'juridique')).toEqual({ axis: 'juridique', score: 50, rated: 3, total: 4 });
    expect(scores.find((s) => s.axis === 'technique')!.score).toBeNull();
  });
});

describe('the grid of one evaluation', () => {
  const inspection = facts([SIGNUP, GAR_MARK, finding('ads/slot-adsense', 'blocking')]);

  it('context changes the blocking points and the verdict', () => {
    const unset = suggestedGrid(inspection, {});
    expect(decideVerdict(unset).blocking).toEqual(['no-ads', 'no-pupil-account']);
    const ent = suggestedGrid(inspection, { access: 'ent-gar' });
    expect(decideVerdict(ent).blocking).toEqual(['no-ads']);
  });

  it('a new context keeps the person\'s ratings and replaces Loupe\'s', () => {
    let grid = suggestedGrid(inspection, {});
    grid = rate(grid, 'trackers', 'partiel', 'Matomo auto-hébergé, mais à confirmer');
    const again = suggestedGrid(inspection, { access: 'ent-gar' }, grid);
    expect(again.find((c) => c.id === 'trackers')).toMatchObject({ rating: 'partiel', source: 'person', comment: 'Matomo auto-hébergé, mais à confirmer' });
    expect(again.find((c) => c.id === 'no-pupil-account')).toMatchObject({ rating: 'non-applicable', source: 'detector' });
  });

  it('an override needs a comment, a confirmation does not', () => {
    let grid = suggestedGrid(inspection, {});
    grid = rate(grid, 'no-ads', 'conforme');
    expect(missingComments(grid)).toEqual(['no-ads']);
    expect(criterionSchema.safeParse(grid.find((c) => c.id === 'no-ads')).success).toBe(false);
    grid = rate(grid, 'no-ads', 'conforme', 'La publicité est celle de l\'éditeur pour ses propres manuels');
    expect(missingComments(grid)).toEqual([]);
    grid = confirm(grid, 'gar');
    expect(grid.find((c) => c.id === 'gar')).toMatchObject({ source: 'person', rating: 'conforme' });
    for (const c of grid) expect(criterionSchema.safeParse(c).success, c.id).toBe(true);
  });

  it('"recommandée" despite a blocking point needs a written reason, which the record keeps', () => {
    const grid = suggestedGrid(inspection, {});
    expect(verdictSchema.safeParse(decideVerdict(grid, { level: 'recommandee' })).success).toBe(false);
    const v = decideVerdict(grid, { level: 'recommandee', reason: 'Usage projeté, publicité masquée par le bloqueur de l\'établissement' });
    expect(verdictSchema.parse(v)).toMatchObject({ suggested: 'deconseillee', level: 'recommandee', source: 'person', reason: expect.stringContaining('projeté') });
  });

  it('the headless audit\'s grid is all suggestions, none the person\'s', () => {
    const e = withSuggestedGrid({ findings: inspection.findings, detectors: ALL_DETECTORS } as never);
    expect(e.grid!.every((c) => c.source === 'detector')).toBe(true);
    expect(e.grid).toHaveLength(GRID.length);
    expect(e.verdict).toMatchObject({ source: 'detector', suggested: 'deconseillee', level: 'deconseillee' });
  });

  it('the context schema refuses values outside its lists', () => {
    expect(contextSchema.safeParse({ users: 'parents' }).success).toBe(false);
    expect(contextSchema.parse({ users: 'pupils', level: 'cycle3', access: 'ent-gar', place: 'class', subject: 'SVT' })).toBeTruthy();
  });
});

describe('blocking points', () => {
  it('an ad counts once as a blocking point, though it also weighs on the counterparts of "free"', () => {
    const s = suggestGrid(facts([finding('ads/slot-adsense', 'blocking')]), {});
    expect(s.filter((x) => x.blocking).map((x) => x.criterion)).toEqual(['no-ads']);
    expect(s.find((x) => x.criterion === 'free-counterparts')).toMatchObject({ rating: 'non-conforme', blocking: false });
  });
});

describe('every finding the detectors can raise has a place on the grid', () => {
  it('each finding of every fixture informs at least one criterion, so its note and evidence appear there', async () => {
    const { listFixtures } = await import('../helpers/fixtures');
    const orphans = new Set<string>();
    for (const fx of listFixtures()) {
      for (const [detector, list] of Object.entries(fx.expect.expect)) {
        for (const w of list) {
          const f = { detector, id: `${detector}/${w.key}` };
          if (!GRID.some((c) => !c.person && c.informedBy.length > 0 && informs(c, f))) orphans.add(`${f.id} (${w.severity})`);
        }
      }
    }
    expect([...orphans].sort()).toEqual([]);
  });
});
