// The cost of the accessibility rules of issue 26 (alt text, justified and tiny text, CSS blinking, presentation
// markup, ragged tables, keyboard traps in the markup, RGAA 8.2 validation): their pass of the gather
// (lib/snapshot/a11y-presentation.ts) in Chromium plus the detectors, on a 10,000-element page that gives every rule
// work, next to a bare `axe.run()` on the same page in the same run. RGAA 8.2 is timed apart: the generated code
// serialised in the page (lib/snapshot/a11y-generated.ts) and html-validate on it (lib/detectors/a11y-html-validity.ts).
// Our goal: the new rules, 8.2 included, cost ≤ 150 ms at 10,000 elements, on top of axe.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { HTML_VALIDATE_CONFIG } from '../../lib/a11y/html-validate-rules';
import { validateGenerated } from '../../lib/a11y/html-validate-targeted';
import { createHtmlValidator } from '../../lib/a11y/html-validator';
import { detectors } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { emptyA11yFacts } from '../../lib/snapshot/a11y-facts';
import { A11Y_LIMITS } from '../../lib/snapshot/limits';
import { a11yFactsSchema, generatedCodeSchema } from '../../lib/snapshot/schema';
import { findChromium } from '../lib/chromium';
import { serveFolder } from '../lib/static-server';
import { syntheticPage } from '../lib/synthetic-page';
import { goal, median, type BenchResult } from './report';

const ROOT = resolve(import.meta.dirname, '../..');
const GOAL_MS = 150;
const RULES = [detectors['a11y-alt-text'], detectors['a11y-justified-text'], detectors['a11y-tiny-text'], detectors['a11y-css-blink'], detectors['a11y-presentation-markup'], detectors['a11y-table-cells'], detectors['a11y-focus-trap']];
/** RGAA 8.2, timed apart: its cost is the page's serialisation and html-validate parsing it. */
const VALIDITY = [detectors['a11y-html-validity']];
/** Work for every rule: justified and tiny text, a blinking badge, presentation attributes, images with alt. */
const STYLE = `<style>.c3 p { text-align: justify; } .c5 .tags { font-size: 8px; } @keyframes blink { 50% { opacity: 0; } }
.c6 h2 a { animation: blink 1s infinite; } .c1 .media img { border: 0; }</style>`;

export async function bench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-bench-a11y-rules-'));
  writeFileSync(join(dir, '10k.html'), syntheticPage(10_000).replace('</head>', `${STYLE}</head>`).replaceAll('<div class="media">', '<div class="media" align="center">'));
  copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(dir, 'axe.min.js'));
  const b = await build({
    stdin: {
      contents: `import { collectPresentationFacts } from './lib/snapshot/a11y-presentation'; import { collectGeneratedHtml } from './lib/snapshot/a11y-generated'; import { createRefMaker } from './lib/snapshot/node-ref'; import { domRead } from './lib/snapshot/dom-read';
        (window as any).__rules = () => { const dom = domRead(window); return collectPresentationFacts(document, createRefMaker(dom), dom, async () => {}, () => {}, () => {}); };
        (window as any).__generated = () => collectGeneratedHtml(document);`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  writeFileSync(join(dir, 'rules.js'), b.outputFiles[0]!.text);

  const server = await serveFolder(dir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const lines = ['page | bare axe.run (ms) | rules but 8.2: gather (ms) | rules but 8.2: detectors (ms) | 8.2: serialise (ms) | 8.2: html-validate (ms) | new rules (ms) | share of axe | goal ≤ 150 ms', '--- | --- | --- | --- | --- | --- | --- | --- | ---'];
  const figures: Record<string, unknown>[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/10k.html`, { waitUntil: 'load', timeout: 120_000 });
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.addScriptTag({ url: `${server.origin}/axe.min.js` });
    await page.addScriptTag({ url: `${server.origin}/rules.js` });
    const timed = (call: string, runs: number) =>
      page.evaluate(`(async () => { const ms = []; let result; for (let i = 0; i < ${runs}; i++) { const t = performance.now(); result = await (${call}); ms.push(performance.now() - t); } return { ms, result }; })()`) as Promise<{ ms: number[]; result: unknown }>;
    const axe = await timed('axe.run(document)', 2);
    const gathered = await timed('window.__rules()', 5);
    const serialised = await timed('window.__generated()', 5);
    const facts = a11yFactsSchema.parse({ ...emptyA11yFacts(), ...(gathered.result as object) });
    const generated = generatedCodeSchema.parse(serialised.result);
    const snapshot = { a11y: facts } as Parameters<typeof runDetectors>[0];
    const timeRules = async (list: typeof RULES, times: number) => {
      const ms: number[] = [];
      let findings: string[] = [];
      for (let i = 0; i < times; i++) {
        const t = performance.now();
        findings = (await runDetectors(snapshot, list, { now: 0, artifacts: { generated } })).findings.map((f) => f.id);
        ms.push(performance.now() - t);
      }
      return { ms: median(ms), findings };
    };
    const rules = await timeRules(RULES, 5);
    // The first validation loads html-validate, compiles its schemas (in Node; precompiled in the extension) and
    // resolves the configuration with its element table, once for the extension's life: timed apart.
    const first = await timeRules(VALIDITY, 1);
    const validity = await timeRules(VALIDITY, 5);
    // What 8.2 cost when html-validate read the whole page, and the floor of that: the same code parsed with no
    // rule on. html-validate now judges a reduced document (lib/a11y/html-validate-targeted.ts): its size is told.
    const wholeValidator = await createHtmlValidator();
    const parseOnly = await createHtmlValidator({ ...HTML_VALIDATE_CONFIG, rules: {} });
    const timeSync = (call: () => void) => median(Array.from({ length: 5 }, () => {
      const t = performance.now();
      call();
      return performance.now() - t;
    }));
    wholeValidator.validateStringSync(generated.html);
    parseOnly.validateStringSync(generated.html);
    const wholeMs = timeSync(() => wholeValidator.validateStringSync(generated.html));
    const parseMs = timeSync(() => parseOnly.validateStringSync(generated.html));
    const targeted = await validateGenerated(wholeValidator, generated.html, generated.cut);
    const a = median(axe.ms);
    const g = median(gathered.ms);
    const s = median(serialised.ms);
    const total = g + rules.ms + s + validity.ms;
    const found = [...rules.findings, ...validity.findings];
    lines.push(
      `10k (${elements} elements, ${found.length} findings, ${generated.html.length} characters validated) | ${a.toFixed(0)} | ${g.toFixed(1)} | ${rules.ms.toFixed(1)} | ${s.toFixed(1)} | ${validity.ms.toFixed(1)} (first ${first.ms.toFixed(0)}; ${targeted.way}: ${targeted.validated} characters parsed; the whole page: ${wholeMs.toFixed(1)}, parse alone ${parseMs.toFixed(1)}) | ${total.toFixed(1)} | ${((100 * total) / a).toFixed(0)} % | ${goal(total <= GOAL_MS, `${total.toFixed(0)} ms`)}`,
    );
    figures.push({ page: '10k', elements, findings: found, bareAxeMs: a, gatherMs: g, detectorsMs: rules.ms, serialiseMs: s, validityMs: validity.ms, validityFirstMs: first.ms, validityWay: targeted.way, validityParsedCharacters: targeted.validated, validityWholePageMs: wholeMs, validityWholePageParseOnlyMs: parseMs, characters: generated.html.length, newRulesMs: total, goalMet: total <= GOAL_MS });
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  lines.push(`(8.2: html-validate judges the elements its rules could report, with their ancestors and siblings (lib/a11y/html-validate-targeted.ts), the same messages as the whole page; "the whole page" is what validating all the code costs, and parsing it with no rule on, for comparison)`);
  lines.push(`(medians; the gather pass and the serialisation run in the page, the detectors in the extension; 8.2 validates the generated code up to ${A11Y_LIMITS.generatedHtml.toLocaleString('en')} characters, in the pipeline's second phase while the page runs axe — CPU time here, not added wall time when axe takes longer)`);
  return { lines, figures };
}
