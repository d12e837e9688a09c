// Runs the conformance set (test/fixtures/conformance/, pages written after RGAA tests and WCAG failure techniques)
// through Loupe as the audit runs it: the audit build in Chromium, axe and Loupe's own rules, the panel's code path.
// Per RGAA 4.1.2 theme it counts the barrier pages Loupe decides (a problem tied to the case's criterion, or raised
// by the case's rule), asks about (« à vérifier » only) or leaves out, and the passing pages it flags by mistake.
//   npm run eval:conformance -- [--before FILE] [--json FILE] [--concurrency N]
// --before takes the JSON this script wrote on an earlier commit and prints both side by side.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { RGAA_CRITERIA } from '../lib/a11y/rgaa-criteria';
import type { Finding } from '../lib/detectors/finding';
import { inspectCase } from './lib/act';
import { chromiumRunner } from './lib/audit/runner-chromium';
import { ensureAuditBuild } from './lib/chromium';
import { serveFolder } from './lib/static-server';

interface Case { id: string; rule: string; rgaa: string; expected: 'problem' | 'review' | 'passed'; lang?: string; head?: string; html: string }
type Verdict = 'decides' | 'asks' | 'leaves-out';
interface ThemeRow { theme: number; topic: string; barriers: number; decides: number; asks: number; leavesOut: number; passing: number; falseAlarms: number }

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const jsonOut = arg('--json') ?? 'test-results/conformance-report.json';
const before = arg('--before');
const concurrency = Number(arg('--concurrency') ?? 2);

const cases = JSON.parse(readFileSync(resolve(import.meta.dirname, '../test/fixtures/conformance/cases.json'), 'utf8')) as Case[];
const themeOf = (rgaa: string) => Number(rgaa.split('.')[0]);
const topicOf = (theme: number) => Object.entries(RGAA_CRITERIA).find(([n]) => themeOf(n) === theme)?.[1].topic ?? '';

/** A finding speaks to the case when the case's own rule raised it, or it names the case's criterion (or theme). */
function related(f: Finding, c: Case): boolean {
  if (f.category !== 'accessibility' || f.id.endsWith('/summary')) return false;
  if (f.detector === c.rule) return true;
  const rgaa = f.data && 'rgaa' in f.data ? (f.data.rgaa as string[]) : [];
  return rgaa.some((r) => (c.rgaa.includes('.') ? r === c.rgaa : themeOf(r) === themeOf(c.rgaa)));
}

ensureAuditBuild((s) => console.error(s));
const root = join(tmpdir(), `loupe-conformance-${process.pid}`);
mkdirSync(root, { recursive: true });
for (const c of cases) {
  writeFileSync(join(root, `${c.id}.html`), `<!doctype html><html lang="${c.lang ?? 'fr'}"><head><meta charset="utf-8"><title>${c.id}</title>${c.head ?? ''}</head><body>${c.html}</body></html>`);
}
const server = await serveFolder(root);
// Never the live web: links and media to other hosts get an empty answer.
const runner = await chromiumRunner({ browserArgs: [], offline: true });
const outcomes: { id: string; rgaa: string; expected: Case['expected']; verdict: Verdict; by: string[]; error?: string }[] = [];
let next = 0;
const worker = async () => {
  while (next < cases.length) {
    const c = cases[next++]!;
    try {
      const result = await inspectCase(runner, `${server.origin}/${c.id}.html`);
      if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
      const mine = result.evaluation.findings.filter((f) => related(f, c));
      const problems = mine.filter((f) => f.severity === 'problem' || f.severity === 'blocking');
      const reviews = mine.filter((f) => f.severity === 'review');
      const verdict: Verdict = problems.length ? 'decides' : reviews.length ? 'asks' : 'leaves-out';
      outcomes.push({ id: c.id, rgaa: c.rgaa, expected: c.expected, verdict, by: (problems.length ? problems : reviews).map((f) => f.id) });
    } catch (e) {
      outcomes.push({ id: c.id, rgaa: c.rgaa, expected: c.expected, verdict: 'leaves-out', by: [], error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    }
  }
};
try {
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
} finally {
  await runner.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}

const themes = new Map<number, ThemeRow>();
for (const o of outcomes) {
  const theme = themeOf(o.rgaa);
  const row = themes.get(theme) ?? { theme, topic: topicOf(theme), barriers: 0, decides: 0, asks: 0, leavesOut: 0, passing: 0, falseAlarms: 0 };
  if (o.expected === 'passed') {
    row.passing++;
    if (o.verdict === 'decides') row.falseAlarms++;
  } else {
    row.barriers++;
    if (o.verdict === 'decides') row.decides++;
    else if (o.verdict === 'asks') row.asks++;
    else row.leavesOut++;
  }
  themes.set(theme, row);
}
const rows = [...themes.values()].sort((a, b2) => a.theme - b2.theme);
const sum = (k: keyof ThemeRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
const total: ThemeRow = { theme: 0, topic: 'Total', barriers: sum('barriers'), decides: sum('decides'), asks: sum('asks'), leavesOut: sum('leavesOut'), passing: sum('passing'), falseAlarms: sum('falseAlarms') };
const was = before ? (JSON.parse(readFileSync(before, 'utf8')) as { rows: ThemeRow[]; total: ThemeRow; outcomes: typeof outcomes }) : undefined;

console.log(`\nJeu de conformité (test/fixtures/conformance/) par thématique RGAA : obstacles que Loupe décide, demande à vérifier, laisse de côté ; pages conformes signalées à tort${was ? ' — avant → maintenant' : ''}\n`);
console.log('thème                             obstacles    décide   demande    laisse  conformes  à tort');
const cell = (r: ThemeRow, k: keyof ThemeRow, w?: ThemeRow) => {
  const now = r[k] as number;
  const then = w ? (w[k] as number) : undefined;
  return (then === undefined || then === now ? String(now) : `${then} → ${now}`).padStart(8);
};
for (const r of [...rows, total]) {
  const w = r.theme === 0 ? was?.total : was?.rows.find((x) => x.theme === r.theme);
  const name = (r.theme ? `${r.theme}. ` : '') + r.topic;
  console.log(`${name.slice(0, 32).padEnd(32)}${cell(r, 'barriers', w)}  ${cell(r, 'decides', w)}  ${cell(r, 'asks', w)}  ${cell(r, 'leavesOut', w)}  ${cell(r, 'passing', w)}  ${cell(r, 'falseAlarms', w)}`);
}
const shown = outcomes.filter((o) => o.error || (o.expected !== 'passed' && o.verdict === 'leaves-out') || (o.expected === 'passed' && o.verdict === 'decides'));
console.log(`\nObstacles laissés de côté, pages conformes signalées, erreurs (${shown.length}) :`);
for (const o of shown) console.log(`  ${o.id} (${o.rgaa}) ${o.expected} → ${o.verdict}${o.by.length ? ` par ${o.by.join(', ')}` : ''}${o.error ? ` — erreur : ${o.error}` : ''}`);
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ rows, total, outcomes }, null, 2));
