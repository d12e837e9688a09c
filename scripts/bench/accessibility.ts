// Loupe's whole accessibility check (two passes, French, frames limited to the origins Loupe injected, no preload)
// against a bare `axe.run()` on the same pages, in the same run; and the time to first findings: the fast findings
// (gather + detectors) are shown before axe starts. Our goal: the check costs ≤ 1.5× bare axe.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { detectorList } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { pageSnapshotSchema } from '../../lib/snapshot/schema';
import { findChromium } from '../lib/chromium';
import { serveFolder } from '../lib/static-server';
import { syntheticPage } from '../lib/synthetic-page';
import { goal, median, type BenchResult } from './report';

const ROOT = resolve(import.meta.dirname, '../..');
/** The detectors of the fast findings (the others wait for axe). */
const FAST = detectorList.filter((d) => !d.needs?.length);

async function timeIn(browser: Browser, url: string, script: string, call: string, runs: number): Promise<{ ms: number[]; result: unknown }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ url: script });
  const out = (await page.evaluate(`(async () => { const ms = []; let result; for (let i = 0; i < ${runs}; i++) { const t = performance.now(); result = await (${call}); ms.push(performance.now() - t); } return { ms, result }; })()`)) as { ms: number[]; result: unknown };
  await page.close();
  return out;
}

export async function bench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bench-a11y-'));
  copyFileSync(join(ROOT, 'examples/demo.html'), join(dir, 'demo.html'));
  writeFileSync(join(dir, '1k.html'), syntheticPage(1_000));
  writeFileSync(join(dir, '10k.html'), syntheticPage(10_000));
  copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(dir, 'axe.min.js'));
  const bundle = async (contents: string, file: string) => {
    const b = await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'es2022' }); // as the extension's build (see gather.ts)
    writeFileSync(join(dir, file), b.outputFiles[0]!.text);
  };
  await bundle("import { runAxeInPage } from './lib/a11y/page-run'; (window as any).__loupeAxe = runAxeInPage;", 'loupe-axe.js');
  await bundle("import { collectSnapshot } from './lib/snapshot/collect'; (window as any).__collect = collectSnapshot;", 'collect.js');

  const server = await serveFolder(dir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const lines = ['page | bare axe.run (ms) | Loupe check (ms) | ratio | goal ≤ 1.5× | first findings (ms) | all findings (ms)', '--- | --- | --- | --- | --- | --- | ---'];
  const figures: Record<string, unknown>[] = [];
  try {
    for (const [name, runs] of [['demo', 3], ['1k', 3], ['10k', 2]] as const) {
      const url = `${server.origin}/${name}.html`;
      const bare = await timeIn(browser, url, `${server.origin}/axe.min.js`, 'axe.run(document)', runs);
      const loupe = await timeIn(browser, url, `${server.origin}/loupe-axe.js`, `window.__loupeAxe({ allowedOrigins: [location.origin], frameWaitMs: 10000 })`, runs);
      const gathered = await timeIn(browser, url, `${server.origin}/collect.js`, 'window.__collect(document)', runs);
      const snapshot = pageSnapshotSchema.parse(gathered.result);
      await runDetectors(snapshot, FAST, { now: Date.now() });
      const t = performance.now();
      await runDetectors(snapshot, FAST, { now: Date.now() });
      const first = median(gathered.ms) + (performance.now() - t);
      const b = median(bare.ms);
      const l = median(loupe.ms);
      const ratio = l / b;
      lines.push(`${name} | ${b.toFixed(0)} | ${l.toFixed(0)} | ${ratio.toFixed(2)}× | ${goal(ratio <= 1.5, `${ratio.toFixed(2)}×`)} | ${first.toFixed(0)} | ${(first + l).toFixed(0)}`);
      figures.push({ page: name, bareAxeMs: b, loupeCheckMs: l, ratio, goalRatio: ratio <= 1.5, firstFindingsMs: first, allFindingsMs: first + l });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  lines.push('(medians; first findings = gather + detectors, shown before axe starts; all findings = first + Loupe check)');
  return { lines, figures };
}
