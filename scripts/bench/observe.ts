// The observed reload (issue 23) of the demo page against a plain reload of it, in the same browser and run:
//   - time to "load" (the page's own Navigation Timing, loadEventEnd) of the reload with Loupe's hooks in the page's
//     world, started from the panel's button as a person does, against a plain reload (goal ≤ 1.3×);
//   - the audit's time per page with --observe, less the observation window (a fixed wait the person chose), against
//     the plain audit's time per page, load included (goal ≤ 2×). The whole observed time is printed too.
//   npx tsx scripts/bench.ts observe
import { resolve } from 'node:path';
import { ensureAuditBuild, launchWithLoupe, tabIdOf } from '../lib/chromium';
import { PANEL_FINISHED } from '../lib/panel';
import { serveFolder } from '../lib/static-server';
import { goal, median, type BenchResult } from './report';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = 5;
/** A short window keeps the run short; the window is a wait, the same whatever its length, and is taken out. */
const WINDOW_MS = 3_000;
const GOAL_LOAD_RATIO = 1.3;
const GOAL_AUDIT_RATIO = 2;

export async function bench(): Promise<BenchResult> {
  ensureAuditBuild(() => {}, 'chrome');
  const server = await serveFolder(resolve(ROOT, 'examples'));
  const b = await launchWithLoupe();
  // The demo's third parties answer empty from here, as the audit's --offline does.
  await b.context.route((u) => !/^https?:\/\/127\.0\.0\.1[:/]/.test(u.href) && /^https?:/.test(u.href), (r) => r.fulfill({ status: 204, body: '' }));
  const url = `${server.origin}/demo.html`;
  const loadEnd = (p: import('playwright-core').Page) => p.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  const plainLoad: number[] = [];
  const observedLoad: number[] = [];
  const plainAudit: number[] = [];
  const observedAudit: number[] = [];
  const observedTotal: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // Plain: load, a plain reload (timed), then the panel's inspection as the audit does it.
      let t = performance.now();
      const page = await b.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const firstLoad = performance.now() - t;
      const tabId = await tabIdOf(b, page);
      t = performance.now();
      let panel = await b.context.newPage();
      await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}`);
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      plainAudit.push(firstLoad + performance.now() - t);
      // Both reloads start with the panel open and idle: a plain one (the panel then inspects the page again)…
      await page.reload({ waitUntil: 'load' });
      plainLoad.push(await loadEnd(page));
      await panel.waitForSelector('[data-testid="state:inspecting"]', { timeout: 5_000 }).catch(() => undefined);
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      // …then the person's way: the panel has shown its findings and is idle when "Recharger et observer" reloads the
      // page, so the reload's time is the hooks' cost, not the panel's own start-up competing for the cores.
      await panel.getByTestId('button:observe').click();
      await panel.getByTestId('observe:seconds').fill(String(WINDOW_MS / 1000));
      await panel.getByTestId('button:observe-start').click();
      await panel.waitForSelector('[data-testid="state:observing"]', { timeout: 60_000 });
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      observedLoad.push(await loadEnd(page));
      await panel.close();
      // Observed: the panel reloads the page under observation, watches it, then inspects it.
      t = performance.now();
      panel = await b.context.newPage();
      await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}&observe=1&observeMs=${WINDOW_MS}`);
      await panel.waitForSelector('[data-testid="state:observing"]', { timeout: 60_000 });
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      const total = firstLoad + performance.now() - t;
      observedTotal.push(total);
      observedAudit.push(total - WINDOW_MS);
      await panel.close();
      await page.close();
    }
  } finally {
    await b.close();
    await server.close();
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  const [pl, ol, pa, oa, ot] = [plainLoad, observedLoad, plainAudit, observedAudit, observedTotal].map(median) as [number, number, number, number, number];
  const lines = [
    `measure (Chromium, examples/demo.html, ${ROUNDS} rounds, medians) | observed | plain | ratio | goal`,
    '--- | --- | --- | --- | ---',
    `reload to "load" (loadEventEnd), Loupe's hooks in the page vs none | ${ms(ol)} | ${ms(pl)} | ${(ol / pl).toFixed(2)}× | ${goal(ol / pl <= GOAL_LOAD_RATIO, `≤ ${GOAL_LOAD_RATIO}×`)}`,
    `audit per page, observed (less its ${WINDOW_MS / 1000} s window) vs plain | ${ms(oa)} | ${ms(pa)} | ${(oa / pa).toFixed(2)}× | ${goal(oa / pa <= GOAL_AUDIT_RATIO, `≤ ${GOAL_AUDIT_RATIO}×`)}`,
    `audit per page, observed, window included | ${ms(ot)} | ${ms(pa)} | ${(ot / pa).toFixed(2)}× | —`,
    '(one page at a time; 2-core machine shared with other work)',
  ];
  return { lines, figures: [{ rounds: ROUNDS, windowMs: WINDOW_MS, plainLoadMs: pl, observedLoadMs: ol, plainAuditMs: pa, observedAuditMs: oa, observedTotalMs: ot }] };
}
