import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AXE_RGAA } from '../../lib/a11y/axe-rgaa';
import { RGAA_CRITERIA } from '../../lib/a11y/rgaa-criteria';
import type { Finding } from '../../lib/detectors/finding';
import type { InspectResult } from '../../lib/inspect/inspect-tab';
import { chromiumRunner } from './audit/runner-chromium';
import type { Runner } from './audit/runner';
import { ensureAuditBuild } from './chromium';
import { serveFolder } from './static-server';

// The W3C ACT Rules conformance suite (../shared/data/act) run through the real extension: each case page is served
// on 127.0.0.1, Loupe's panel inspects its tab (fast findings, then axe in every frame) driven as the headless audit
// drives it (scripts/lib/audit/runner.ts), and the findings of category accessibility are compared with the case's
// expected outcome and with axe-core's own published outcome.

export const ACT_DIR = process.env.LOUPE_ACT_DIR ?? resolve(import.meta.dirname, '../../../shared/data/act');
const BASE = '/WAI/content-assets/wcag-act-rules/';

export interface ActCase {
  ruleId: string;
  ruleName: string;
  wcag: string[];
  caseId: string;
  caseTitle: string;
  expected: 'passed' | 'failed' | 'inapplicable';
  description: string;
  html: string;
  file: string;
  implementationOutcomes: Record<string, Record<string, string[]>>;
}
export interface ActRule {
  ruleId: string;
  ruleName: string;
  wcag: string[];
  automationClass: string;
  axeCoreImplementationReport?: { procedureNames?: string[] } | null;
}

export interface CaseOutcome {
  ruleId: string;
  caseId: string;
  caseTitle: string;
  expected: ActCase['expected'];
  /** Loupe raised a finding (not a mere "to check") mapped to one of the rule's success criteria. */
  loupeFlagged: boolean;
  /** Which findings did, e.g. "axe/violation:image-alt". */
  loupeBy: string[];
  /** Findings that ask a person to check, tied to one of the rule's criteria. */
  loupeReview?: string[];
  /** Flagged by the very axe rules that implement this ACT rule (axe-core's procedures in W3C's report). */
  loupeByProcedures: boolean;
  /** axe-core's published outcome for this case: failed, or not, or untested. */
  axeFlagged: boolean | 'untested';
  loupeAgrees: boolean;
  axeAgrees: boolean;
  error?: string;
  ms: number;
}

export function loadSuite(): { cases: ActCase[]; rules: ActRule[] } {
  const cases = JSON.parse(readFileSync(join(ACT_DIR, 'testcases.json'), 'utf8')) as ActCase[];
  const rules = (JSON.parse(readFileSync(join(ACT_DIR, 'rules.json'), 'utf8')) as { rules: ActRule[] }).rules;
  return { cases, rules };
}

export const isAutomated = (r: ActRule) => r.automationClass.startsWith('automated');

const wcagOf = (f: Finding): string[] => (f.data && 'wcag' in f.data ? f.data.wcag : []);

/** Findings that count as "flagged" for a rule: accessibility, not "to check", tied to one of its criteria. */
function flaggingFindings(findings: readonly Finding[], wcag: readonly string[]): Finding[] {
  return findings.filter((f) => {
    if (f.category !== 'accessibility' || f.severity === 'review' || f.id.endsWith('/summary')) return false;
    return wcagOf(f).some((s) => wcag.includes(s));
  });
}

/** "À vérifier" findings tied to one of the rule's success criteria. */
function reviewFindings(findings: readonly Finding[], wcag: readonly string[]): Finding[] {
  return findings.filter((f) => f.category === 'accessibility' && f.severity === 'review' && wcagOf(f).some((s) => wcag.includes(s)));
}

function axeOutcome(c: ActCase): boolean | 'untested' {
  const outcomes = Object.values(c.implementationOutcomes['axe-core'] ?? {}).flat();
  if (outcomes.length === 0 || outcomes.every((o) => o === 'untested')) return 'untested';
  return outcomes.includes('failed');
}

/** A case's time: half of it to load, the accessibility check within 40 % of it (the audit's shares). */
const CASE_MS = 60_000;

export async function inspectCase(runner: Runner, url: string): Promise<InspectResult> {
  const page = await runner.open(url, CASE_MS);
  try {
    return await page.inspect();
  } finally {
    await page.close();
  }
}

export async function runActSuite(opts: { filter?: (c: ActCase) => boolean; concurrency?: number; log?: (s: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  const { cases: all, rules } = loadSuite();
  const cases = all.filter(opts.filter ?? (() => true));
  ensureAuditBuild(log);
  // Case pages are written where W3C publishes them, so relative and absolute asset paths both resolve.
  const root = join(tmpdir(), `loupe-act-${process.pid}`);
  for (const c of all) {
    const path = join(root, BASE, 'testcases', c.file.replace(/^cases\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, c.html);
  }
  const server = await serveFolder(root, { [`${BASE}test-assets/`]: join(ACT_DIR, 'test-assets') });
  // Never the live web: links and media to other hosts get an empty answer.
  const runner = await chromiumRunner({ browserArgs: [], offline: true });
  const ruleOf = new Map(rules.map((r) => [r.ruleId, r]));
  const outcomes: CaseOutcome[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const t0 = Date.now();
      const url = `${server.origin}${BASE}testcases/${c.file.replace(/^cases\//, '')}`;
      let result: InspectResult | undefined;
      let error: string | undefined;
      try {
        result = await inspectCase(runner, url);
        // A document that is not an HTML page (an SVG document) is said to be one and not evaluated: Loupe flags
        // nothing there, which is scored like any other outcome, not as a failure to inspect.
        if (!result.ok) {
          if (result.reason !== 'not-html') error = `${result.reason}: ${result.detail}`;
        } else {
          const axe = result.evaluation.detectors.find((d) => d.id === 'axe');
          if (axe?.status === 'error') error = `axe: ${axe.error}`;
        }
      } catch (e) {
        error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      const wcag = ruleOf.get(c.ruleId)?.wcag ?? c.wcag;
      const by = result?.ok ? flaggingFindings(result.evaluation.findings, wcag).map((f) => f.id) : [];
      const procedures = ruleOf.get(c.ruleId)?.axeCoreImplementationReport?.procedureNames ?? [];
      const shouldFlag = c.expected === 'failed';
      const axeFlagged = axeOutcome(c);
      outcomes.push({
        ruleId: c.ruleId,
        caseId: c.caseId,
        caseTitle: c.caseTitle,
        expected: c.expected,
        loupeFlagged: by.length > 0,
        loupeReview: result?.ok ? reviewFindings(result.evaluation.findings, wcag).map((f) => f.id) : [],
        loupeBy: by,
        loupeByProcedures: by.some((id) => procedures.some((p) => id === `axe/violation:${p}`)),
        axeFlagged,
        loupeAgrees: !error && by.length > 0 === shouldFlag,
        axeAgrees: axeFlagged !== 'untested' && axeFlagged === shouldFlag,
        ...(error ? { error } : {}),
        ms: Date.now() - t0,
      });
      if (outcomes.length % 50 === 0) log(`  ${outcomes.length}/${cases.length} cas…`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 3) }, worker));
  } finally {
    await runner.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
  // A case can serve several rules: it is known by both ids.
  const order = new Map(cases.map((c, i) => [`${c.ruleId}/${c.caseId}`, i]));
  outcomes.sort((a, b2) => order.get(`${a.ruleId}/${a.caseId}`)! - order.get(`${b2.ruleId}/${b2.caseId}`)!);
  return { outcomes, rules, ms: Date.now() - started };
}

export interface RuleScore {
  ruleId: string;
  ruleName: string;
  automated: boolean;
  cases: number;
  loupe: number;
  axe: number;
}

export function score(outcomes: readonly CaseOutcome[], rules: readonly ActRule[]) {
  const perRule: RuleScore[] = [];
  for (const r of rules) {
    const mine = outcomes.filter((o) => o.ruleId === r.ruleId);
    if (mine.length === 0) continue;
    perRule.push({
      ruleId: r.ruleId,
      ruleName: r.ruleName,
      automated: isAutomated(r),
      cases: mine.length,
      loupe: mine.filter((o) => o.loupeAgrees).length,
      axe: mine.filter((o) => o.axeAgrees).length,
    });
  }
  const sum = (list: RuleScore[]) => ({
    cases: list.reduce((n, r) => n + r.cases, 0),
    loupe: list.reduce((n, r) => n + r.loupe, 0),
    axe: list.reduce((n, r) => n + r.axe, 0),
  });
  // Integration check: on the cases where axe-core published an outcome, do the same axe rules run inside Loupe
  // (frames, shadow DOM, assets, locale) say the same? A difference here is a case lost or added by Loupe itself.
  const published = outcomes.filter((o) => o.axeFlagged !== 'untested' && !o.error);
  const integrationDiffs = published.filter((o) => o.loupeByProcedures !== o.axeFlagged);
  const auto = new Set(perRule.filter((r) => r.automated).map((r) => r.ruleId));
  const onPublished = (list: CaseOutcome[]) => ({ cases: list.length, loupe: list.filter((o) => o.loupeAgrees).length, axe: list.filter((o) => o.axeAgrees).length });
  return {
    perRule,
    automated: sum(perRule.filter((r) => r.automated)),
    all: sum(perRule),
    automatedPublished: onPublished(published.filter((o) => auto.has(o.ruleId))),
    integrationDiffs,
    errors: outcomes.filter((o) => o.error),
  };
}

/** Why Loupe and the expected outcome differ, in one line, next to what axe-core itself published. */
export function explain(o: CaseOutcome): string {
  if (o.error) return `Loupe n'a pas pu inspecter le cas : ${o.error}`;
  const axe = o.axeFlagged === 'untested' ? 'axe-core n’a pas publié de résultat pour ce cas' : o.axeFlagged ? 'axe-core publie « failed »' : 'axe-core publie « passed/inapplicable »';
  if (o.loupeFlagged && !o.loupeByProcedures) {
    return `signalé sous le même critère WCAG par une autre règle axe (${o.loupeBy.join(', ')}) qui voit un autre défaut de la page ; la règle ACT ne juge qu'un aspect (attendu ${o.expected}) ; ${axe}`;
  }
  if (o.loupeFlagged) return `signalé par ${o.loupeBy.join(', ')} (attendu ${o.expected}) ; ${axe}`;
  return `non signalé (attendu failed) ; ${axe}`;
}

/** ACT rules no axe rule implements, tied to the one RGAA criterion that tests the same thing (WCAG alone is too wide). */
const ACT_WITHOUT_AXE: Record<string, string[]> = {
  '0va7u6': ['1.8'], // HTML images contain no text → image texte
  qt1vmo: ['1.3'], // image accessible name is descriptive → alternative pertinente
  '2t702h': ['7.1'], // summary element has non-empty accessible name → composant compatible
  c4a8a4: ['8.6'], // page title is descriptive → titre de page pertinent
  oj04fd: ['10.7'], // visible focus → prise de focus visible
};

/**
 * The RGAA 4.1.2 criteria an ACT rule tests: those of the axe rules that implement it (lib/a11y/axe-rgaa.ts), else
 * every criterion citing one of its WCAG success criteria.
 */
export function rgaaOfActRule(rule: ActRule): string[] {
  if (ACT_WITHOUT_AXE[rule.ruleId]) return ACT_WITHOUT_AXE[rule.ruleId]!;
  const viaAxe = new Set((rule.axeCoreImplementationReport?.procedureNames ?? []).flatMap((p) => AXE_RGAA[p]?.rgaa ?? []));
  if (viaAxe.size > 0) return [...viaAxe];
  return Object.entries(RGAA_CRITERIA).filter(([, c]) => c.wcag.some((w) => rule.wcag.includes(w))).map(([n]) => n);
}

export interface RgaaScore {
  criterion: string;
  title: string;
  cases: number;
  /** Loupe's outcome matches the expected one. */
  decided: number;
  wrong: number;
  /** Cases where Loupe also asked a person to check something under this rule's criteria. */
  review: number;
}

/** Per RGAA criterion, the ACT cases of the rules tied to it and how many Loupe decides rightly. */
export function scoreByRgaa(outcomes: readonly CaseOutcome[], rules: readonly ActRule[]): RgaaScore[] {
  const byCriterion = new Map<string, RgaaScore>();
  const ruleOf = new Map(rules.map((r) => [r.ruleId, r]));
  for (const o of outcomes) {
    const rule = ruleOf.get(o.ruleId);
    if (!rule) continue;
    for (const c of rgaaOfActRule(rule)) {
      const s = byCriterion.get(c) ?? { criterion: c, title: RGAA_CRITERIA[c]?.title ?? '', cases: 0, decided: 0, wrong: 0, review: 0 };
      s.cases++;
      if (o.loupeAgrees) s.decided++;
      else s.wrong++;
      if ((o.loupeReview ?? []).length > 0) s.review++;
      byCriterion.set(c, s);
    }
  }
  const key = (n: string) => n.split('.').map(Number) as [number, number];
  return [...byCriterion.values()].sort((a, b) => key(a.criterion)[0] - key(b.criterion)[0] || key(a.criterion)[1] - key(b.criterion)[1]);
}
