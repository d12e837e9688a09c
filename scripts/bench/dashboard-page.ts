// The dashboard page itself with 10,000 evaluations, each with a real inspection's findings (about 24 kB,
// test/support/evaluations.ts): the audit build in the system Chromium (headless, no network), the evaluations
// imported as a person would (generated files of at most 18 MB each through the page's file input), then, in new tabs,
// the time from navigation to the resource list's first rows painted, and the time from a search or a filter
// typed to the list updated and painted (the page's performance marks, entrypoints/dashboard/paint-marks.ts).
// Baseline, same run, same browser: the same page and the same filters on an empty database.
// Goals: first render ≤ 1 s, filter ≤ 100 ms (import through the page: ≤ 30 s).
//   npx tsx scripts/bench.ts dashboard-page
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { toExportFile } from '../../lib/export/export-file';
import { generateEvaluations } from '../../test/support/evaluations';
import { ensureAuditBuild, launchWithLoupe, type LoupeBrowser } from '../lib/chromium';
import { exportTexts, goal, mb, median, type BenchResult } from './report';

const N = 10_000;
const RUNS = 3;
const GOAL_FIRST_MS = 1_000;
const GOAL_FILTER_MS = 100;
const GOAL_IMPORT_MS = 30_000;
const LOADED = 'loupe:dashboard:loaded';
const PAINTED = 'loupe:dashboard:painted';

interface FirstRender {
  /** Navigation start to the list painted after the load (ms, the page's clock). */
  painted: number;
  loaded: number;
  rows: number;
  /** Resource rows in the DOM at that moment (the virtual list shows only those in view). */
  inDom: number;
}

// The functions handed to the page hold no named inner function: tsx would wrap it in a helper the page lacks.
async function openDashboard(b: LoupeBrowser): Promise<{ page: Page; first: FirstRender }> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PAINTED, { timeout: 60_000 });
  const first = await page.evaluate(
    ({ LOADED, PAINTED }) => {
      const p = performance.getEntriesByName(PAINTED)[0] as PerformanceMark;
      const l = performance.getEntriesByName(LOADED)[0];
      return { painted: p.startTime, loaded: l?.startTime ?? NaN, rows: (p.detail as { rows: number }).rows, inDom: document.querySelectorAll('.resource-row').length };
    },
    { LOADED, PAINTED },
  );
  return { page, first };
}

/** Sets a filter as a person would (the element's value, then its event) and times it to the list painted again. */
async function timeFilter(page: Page, selector: string, value: string, event: 'input' | 'change'): Promise<{ ms: number; rows: number }> {
  const t0 = await page.evaluate(
    ({ selector, value, event }) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
      const t = performance.now();
      el.value = value;
      el.dispatchEvent(new Event(event, { bubbles: true }));
      return t;
    },
    { selector, value, event },
  );
  await page.waitForFunction(({ t0, PAINTED }) => performance.getEntriesByName(PAINTED).some((m) => m.startTime > t0), { t0, PAINTED }, { timeout: 10_000 });
  return page.evaluate(
    ({ t0, PAINTED }) => {
      const p = (performance.getEntriesByName(PAINTED) as PerformanceMark[]).find((m) => m.startTime > t0)!;
      return { ms: p.startTime - t0, rows: (p.detail as { rows: number }).rows };
    },
    { t0, PAINTED },
  );
}

const FILTERS: [string, string, 'input' | 'change'][] = [
  ['[data-testid=search]', 'geometrie', 'input'],
  ['[data-testid=search]', '', 'input'],
  ['[data-testid=filter-verdict]', 'deconseillee', 'change'],
  ['[data-testid=filter-verdict]', '', 'change'],
];

async function filters(page: Page): Promise<{ ms: number[]; rows: number[] }> {
  const ms: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [selector, value, event] of FILTERS) {
      const r = await timeFilter(page, selector, value, event);
      ms.push(r.ms);
      rows.push(r.rows);
      await page.waitForTimeout(50);
    }
  }
  return { ms, rows };
}

export async function bench(): Promise<BenchResult> {
  ensureAuditBuild(() => {}, 'chrome');
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bench-dashboard-'));
  const list = generateEvaluations(N, 1);
  // Files of at most 18 MB: the import refuses one over 20 MB.
  const { texts, bytes } = exportTexts(list, (part) => JSON.stringify(toExportFile(part, { now: 0, version: 'bench' })));
  const FILES = texts.length;
  const files = texts.map((text, i) => {
    const path = join(dir, `evaluations-${i + 1}.json`);
    writeFileSync(path, text);
    return path;
  });
  const b = await launchWithLoupe();
  // Nothing leaves the machine: the page needs no network, and any request to one is answered empty here.
  await b.context.route(/^https?:\/\//, (route) => route.fulfill({ status: 204, body: '' }));
  const chromiumVersion = b.context.browser()?.version() ?? (await b.worker.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
  try {
    // Baseline: the empty page, then its filters.
    const empty = await openDashboard(b);
    const emptyFirst = [empty.first];
    for (let i = 1; i < RUNS; i++) {
      const again = await openDashboard(b);
      emptyFirst.push(again.first);
      await again.page.close();
    }
    const emptyFilters = await filters(empty.page);

    // The import, through the page, to the outcomes shown.
    const t = performance.now();
    await empty.page.locator('[data-testid=import-input]').setInputFiles(files);
    await empty.page.locator('[data-testid=import-outcome]').nth(FILES - 1).waitFor({ timeout: 600_000 });
    const importMs = performance.now() - t;
    const outcomes = await empty.page.locator('[data-testid=import-outcome][data-ok=true]').count();
    await empty.page.close();
    if (outcomes !== FILES) throw new Error(`${outcomes} of ${FILES} files imported`);

    const firsts: FirstRender[] = [];
    let last: Page | undefined;
    for (let i = 0; i < RUNS; i++) {
      await last?.close();
      const o = await openDashboard(b);
      firsts.push(o.first);
      last = o.page;
    }
    const full = await filters(last!);
    await last!.close();

    const firstMs = median(firsts.map((f) => f.painted));
    const loadedMs = median(firsts.map((f) => f.loaded));
    const baseFirstMs = median(emptyFirst.map((f) => f.painted));
    const filterMs = median(full.ms);
    const filterMax = Math.max(...full.ms);
    const baseFilterMs = median(emptyFilters.ms);
    const rows = firsts[0]!.rows;
    const lines = [
      `dashboard page: ${N} evaluations (${mb(bytes)}, ${(bytes / N / 1024).toFixed(1)} kB each on average, ${FILES} files imported through the page), Chromium ${chromiumVersion} headless, audit build, real IndexedDB`,
      `  import through the page's file input, to its outcomes shown: ${importMs.toFixed(0)} ms | ${goal(importMs <= GOAL_IMPORT_MS, `≤ ${GOAL_IMPORT_MS} ms`)}`,
      `  first render, navigation to the list's first rows painted: ${firstMs.toFixed(0)} ms (median of ${RUNS}: ${firsts.map((f) => f.painted.toFixed(0)).join(', ')}; summaries read at ${loadedMs.toFixed(0)} ms), ${rows} resources, ${firsts[0]!.inDom} rows in the DOM; empty page (baseline): ${baseFirstMs.toFixed(0)} ms; ratio ${(firstMs / baseFirstMs).toFixed(1)} | ${goal(firstMs <= GOAL_FIRST_MS, `≤ ${GOAL_FIRST_MS} ms`)}`,
      `  search or filter to the list painted: ${filterMs.toFixed(0)} ms (median of ${full.ms.length}, slowest ${filterMax.toFixed(0)} ms; search "geometrie" → ${full.rows[0]} resources, verdict "déconseillée" → ${full.rows[2]}); on the empty page (baseline): ${baseFilterMs.toFixed(0)} ms; ratio ${(filterMs / baseFilterMs).toFixed(1)} | ${goal(filterMs <= GOAL_FILTER_MS, `≤ ${GOAL_FILTER_MS} ms`)}`,
    ];
    const figures = [
      { what: 'dashboard-page:import', evaluations: N, bytes, files: FILES, ms: importMs, goalMs: GOAL_IMPORT_MS, goal: importMs <= GOAL_IMPORT_MS },
      { what: 'dashboard-page:first-render', evaluations: N, ms: firstMs, runs: firsts.map((f) => f.painted), loadedMs, rows, baselineMs: baseFirstMs, ratio: firstMs / baseFirstMs, goalMs: GOAL_FIRST_MS, goal: firstMs <= GOAL_FIRST_MS },
      { what: 'dashboard-page:filter', evaluations: N, ms: filterMs, maxMs: filterMax, runs: full.ms, baselineMs: baseFilterMs, ratio: filterMs / baseFilterMs, goalMs: GOAL_FILTER_MS, goal: filterMs <= GOAL_FILTER_MS },
    ];
    return { lines, figures };
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of (await bench()).lines) console.log(line);
}
