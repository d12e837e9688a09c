// The headless audit of one page, as the audit runs it (the page loaded, Loupe's panel opened on it, the fast
// findings, axe, the evaluation read back), on the project's fixture pages, against a plain load of the same page
// in the same browser (the least any audit must do); and, in the panel, the time from the inspection's result
// arriving to its findings painted (performance marks, entrypoints/sidepanel/paint-marks.ts).
//   npx tsx scripts/bench.ts whole-audit
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromiumRunner } from '../lib/audit/runner-chromium';
import { ensureAuditBuild } from '../lib/chromium';
import { serveFolder } from '../lib/static-server';
import { goal, median, type BenchResult } from './report';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/pages');
/** One page in every few, across the detectors' folders: the run stays within a few minutes on two cores. */
const EVERY = 6;
/** Goals: an audit of a small page within 3 s and within 15× its plain load; findings painted within 100 ms. */
const GOAL_AUDIT_MS = 3_000;
const GOAL_RATIO = 15;
const GOAL_PAINT_MS = 100;

function fixturePages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixturePages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

export async function bench(): Promise<BenchResult> {
  ensureAuditBuild(() => {}, 'chrome');
  const pages = fixturePages(FIXTURES).filter((_, i) => i % EVERY === 0);
  const server = await serveFolder(FIXTURES);
  const runner = await chromiumRunner({ browserArgs: [], offline: true });
  const load: number[] = [];
  const audit: number[] = [];
  const paintFast: number[] = [];
  const paintDone: number[] = [];
  try {
    for (const file of pages) {
      const url = `${server.origin}/${relative(FIXTURES, file)}`;
      // Baseline: the same page loaded alone, in the same browser, with nothing of Loupe's.
      let t = performance.now();
      const plain = await runner.open(url, 60_000);
      load.push(performance.now() - t);
      await plain.close();
      t = performance.now();
      const page = await runner.open(url, 60_000);
      let marks: Record<string, number> = {};
      await page.inspect(undefined, (m) => (marks = m));
      audit.push(performance.now() - t);
      await page.close();
      const gap = (phase: string) => (marks[`loupe:painted:${phase}`] ?? NaN) - (marks[`loupe:result:${phase}`] ?? NaN);
      if (Number.isFinite(gap('fast'))) paintFast.push(gap('fast'));
      if (Number.isFinite(gap('done'))) paintDone.push(gap('done'));
    }
  } finally {
    await runner.close();
    await server.close();
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  const a = median(audit);
  const l = median(load);
  const pf = paintFast.length ? median(paintFast) : NaN;
  const pd = paintDone.length ? median(paintDone) : NaN;
  const lines = [
    `measure (Chromium, ${pages.length} fixture pages of test/fixtures/pages, medians) | Loupe | baseline | ratio | goal`,
    '--- | --- | --- | --- | ---',
    `whole audit per page (load, panel, fast findings, axe, evaluation read) | ${ms(a)} | plain load ${ms(l)} | ${(a / l).toFixed(1)}× | ${goal(a <= GOAL_AUDIT_MS && a / l <= GOAL_RATIO, `≤ ${GOAL_AUDIT_MS / 1000} s and ≤ ${GOAL_RATIO}× a plain load`)}`,
    `panel: result arrived → fast findings painted | ${ms(pf)} (${paintFast.length} pages) | — | — | ${goal(pf <= GOAL_PAINT_MS, `≤ ${GOAL_PAINT_MS} ms`)}`,
    `panel: final result arrived → evaluation painted | ${ms(pd)} (${paintDone.length} pages) | — | — | ${goal(pd <= GOAL_PAINT_MS, `≤ ${GOAL_PAINT_MS} ms`)}`,
    '(one page at a time; 2-core machine shared with other work; the audit includes the panel opening and axe)',
  ];
  return { lines, figures: [{ pages: pages.length, auditMs: a, loadMs: l, ratio: a / l, paintFastMs: pf, paintDoneMs: pd }] };
}
