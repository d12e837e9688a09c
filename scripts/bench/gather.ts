// The gather against a bare `querySelectorAll('*')` walk of the same page, in Chromium (goal: ≤ 2×).
// Pages: the demo, a generated publisher-like page (~5,000 elements) and a huge one (~100,000 elements).
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../lib/chromium';
import { serveFolder } from '../lib/static-server';
import { syntheticPage } from '../lib/synthetic-page';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 7;

interface InPageResult { walk: number[]; gather: number[]; yielded: number[]; longest: number; elements: number; a11y: number[]; a11yLongest: number }

// Page-side timing code, as a string: tsx would otherwise wrap the function with helpers the page does not have.
const IN_PAGE = `async (runs) => {
  const walk = [], gather = [], yielded = [], a11y = [];
  let longest = 0, elements = 0, a11yLongest = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    let n = 0;
    for (const el of document.querySelectorAll('*')) n += el.tagName.length;
    walk.push(performance.now() - t);
    t = performance.now();
    const snap = await window.__collect(document, { yieldToPage: async () => {} });
    gather.push(performance.now() - t);
    elements = snap.limits.elementCount;
    // With real yields: the longest stretch during which the page could not respond.
    let last = performance.now();
    t = last;
    await window.__collect(document, { yieldToPage: () => new Promise((res) => setTimeout(() => {
      longest = Math.max(longest, performance.now() - last); last = performance.now(); res(); }, 0)) });
    longest = Math.max(longest, performance.now() - last);
    yielded.push(performance.now() - t);
    // The accessibility facts' own pass (part of the gather above), alone, and its longest stretch without a yield.
    t = performance.now();
    let mark = t;
    await window.__a11yFacts(document, window.__refs(), () => new Promise((res) => setTimeout(() => {
      a11yLongest = Math.max(a11yLongest, performance.now() - mark); mark = performance.now(); res(); }, 0)));
    a11yLongest = Math.max(a11yLongest, performance.now() - mark);
    a11y.push(performance.now() - t);
  }
  return { walk, gather, yielded, longest, elements, a11y, a11yLongest };
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bench-'));
  copyFileSync(join(ROOT, 'examples/demo.html'), join(dir, 'demo.html'));
  writeFileSync(join(dir, 'medium.html'), syntheticPage(5_000));
  writeFileSync(join(dir, 'huge.html'), syntheticPage(100_000));
  // The gather bundled as the page-side script it is in the extension, exposed for timing.
  const bundle = await build({
    stdin: {
      contents:
        "import { collectSnapshot } from './lib/snapshot/collect'; import { collectA11yFacts } from './lib/snapshot/a11y-facts'; import { createRefMaker } from './lib/snapshot/node-ref';" +
        ' (window as any).__collect = collectSnapshot; (window as any).__a11yFacts = collectA11yFacts; (window as any).__refs = createRefMaker;',
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true, format: 'iife', write: false, target: 'chrome120',
  });
  writeFileSync(join(dir, 'collect.js'), bundle.outputFiles[0]!.text);

  const server = await serveFolder(dir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const lines = [
    'page | elements | bare walk (ms) | gather, no yield (ms) | ratio | gather with yields (ms) | longest slice (ms) | of which a11y facts (ms) | their longest slice (ms)',
    '--- | --- | --- | --- | --- | --- | --- | --- | ---',
  ];
  try {
    for (const name of ['demo', 'medium', 'huge']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await page.addScriptTag({ url: `${server.origin}/collect.js` });
      const r = (await page.evaluate(`(${IN_PAGE})(${RUNS})`)) as InPageResult;
      const w = median(r.walk);
      const g = median(r.gather);
      lines.push(`${name} | ${r.elements} | ${w.toFixed(1)} | ${g.toFixed(1)} | ${(g / w).toFixed(2)}× | ${median(r.yielded).toFixed(1)} | ${r.longest.toFixed(1)} | ${median(r.a11y).toFixed(1)} | ${r.a11yLongest.toFixed(1)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  lines.push(`(median of ${RUNS} runs each; bare walk = querySelectorAll('*') reading tagName; goal: ratio ≤ 2×)`);
  return lines;
}
