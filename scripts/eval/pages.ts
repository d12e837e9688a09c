// Precision and recall of every detector on the labelled pages of test/fixtures/pages/ (each page's expect.json
// lists the findings it must give; pages written for issue 15 name the real-page pattern they reproduce). Counted
// per finding "key severity": an expected finding given is a hit, one not given a miss, any other finding of a
// detector the page names a false alarm — and so is a blocking finding of a detector the page does not name.
// Printed next to the figures the rules had before issue 15 on the same pages (pages-before.json).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectorList } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { listFixtures, type FixtureCase } from '../../test/helpers/fixtures';
import { generatedFromHtml, snapshotFromHtml } from '../../test/helpers/snapshot-from-html';
import type { EvalReport } from '../eval-detectors';

export const BEFORE = resolve(import.meta.dirname, 'pages-before.json');

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface PageFigures {
  /** Per detector id, over every labelled page. */
  detectors: Record<string, Counts>;
  /** The same, over the pages written for the real-page patterns of issue 15 only. */
  patterns: Record<string, Counts>;
  /** Blocking findings that the labels do not hold: a blocking verdict resting on a false positive. */
  falseBlocking: string[];
  /** Pages whose findings are not exactly the labelled ones, with what differs. */
  wrong: string[];
  pages: number;
  patternPages: number;
}

export async function measurePages(cases: FixtureCase[] = listFixtures()): Promise<PageFigures> {
  const zero = () => Object.fromEntries(detectorList.map((d) => [d.id, { tp: 0, fp: 0, fn: 0 }])) as Record<string, Counts>;
  const detectors = zero();
  const patterns = zero();
  const falseBlocking: string[] = [];
  const wrong: string[] = [];
  for (const c of cases) {
    const snapshot = await snapshotFromHtml(c.html, c.expect.url);
    const run = await runDetectors(snapshot, detectorList, { now: Date.UTC(2026, 10, 23), artifacts: { generated: await generatedFromHtml(c.html, c.expect.url) } });
    const diffs: string[] = [];
    const before = structuredClone(detectors);
    for (const d of detectorList) {
      const got = run.findings.filter((f) => f.detector === d.id);
      const wanted = c.expect.expect[d.id];
      const n = detectors[d.id]!;
      if (!wanted) {
        for (const f of got.filter((x) => x.severity === 'blocking')) {
          n.fp++;
          falseBlocking.push(`${c.name}: ${f.id}`);
          diffs.push(`+${f.id} blocking`);
        }
        continue;
      }
      // A finding counts as given only with the labelled evidence and facts (selectors, data) too.
      const want = new Set(wanted.map((w) => `${d.id}/${w.key} ${w.severity}`));
      const have = new Set(
        got
          .filter((f) => {
            const w = wanted.find((x) => `${d.id}/${x.key}` === f.id);
            return !w || ((w.selectors ?? []).every((s) => f.evidence.some((e) => e.selector === s)) && contains(f.data, w.data));
          })
          .map((f) => `${f.id} ${f.severity}`),
      );
      for (const w of want) if (have.has(w)) n.tp++;
      else (n.fn++, diffs.push(`-${w}`));
      for (const h of have) {
        if (want.has(h)) continue;
        n.fp++;
        diffs.push(`+${h}`);
        if (h.endsWith(' blocking')) falseBlocking.push(`${c.name}: ${h}`);
      }
    }
    for (const d of detectorList) {
      if (!c.expect.pattern) continue;
      const all = detectors[d.id]!;
      const p = patterns[d.id]!;
      // This page's share: the difference it made to the running totals.
      Object.assign(p, { tp: p.tp + all.tp - before[d.id]!.tp, fp: p.fp + all.fp - before[d.id]!.fp, fn: p.fn + all.fn - before[d.id]!.fn });
    }
    if (diffs.length) wrong.push(`${c.name}${c.expect.pattern ? ` [${c.expect.pattern}]` : ''}: ${diffs.join(', ')}`);
  }
  return { detectors, patterns, falseBlocking, wrong, pages: cases.length, patternPages: cases.filter((c) => c.expect.pattern).length };
}

/** Whether `got` holds every field of `want`, recursively (arrays element by element), like toMatchObject. */
function contains(got: unknown, want: unknown): boolean {
  if (want === undefined) return true;
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => contains(got[i], w));
  if (want && typeof want === 'object') {
    return !!got && typeof got === 'object' && Object.entries(want).every(([k, v]) => contains((got as Record<string, unknown>)[k], v));
  }
  return Object.is(got, want);
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export async function evaluate(): Promise<EvalReport> {
  const now = await measurePages();
  const before = existsSync(BEFORE) ? (JSON.parse(readFileSync(BEFORE, 'utf8')) as PageFigures & { note: string }) : undefined;
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `${now.pages} labelled pages (${now.patternPages} written for the real-page patterns of issue 15), each with its opposite case`,
    before ? `before: ${before.note}` : 'no earlier figures (scripts/eval/pages-before.json)',
    `${'detector'.padEnd(18)} ${'precision before → now'.padEnd(24)} ${'recall before → now'.padEnd(22)} tp/fp/fn now`,
  ];
  const table = (title: string, rows: Record<string, Counts>, old?: Record<string, Counts>) => {
    lines.push(title);
    for (const [id, c] of Object.entries(rows)) {
      if (c.tp + c.fp + c.fn === 0) continue;
      const b = old?.[id];
      const pair = (g: (x: Counts) => number) => (b ? `${f(g(b))} → ${f(g(c))}` : f(g(c)));
      lines.push(`${id.padEnd(18)} ${pair(precision).padEnd(24)} ${pair(recall).padEnd(22)} ${c.tp}/${c.fp}/${c.fn}`);
    }
  };
  table('every labelled page:', now.detectors, before?.detectors);
  table(`the ${now.patternPages} pages of the issue-15 patterns only:`, now.patterns, before?.patterns);
  lines.push(`false blocking verdicts: ${before ? `${before.falseBlocking.length} → ` : ''}${now.falseBlocking.length}${now.falseBlocking.length ? ` (${now.falseBlocking.join('; ')})` : ''}`);
  lines.push(`pages not exactly as labelled: ${before ? `${before.wrong.length} → ` : ''}${now.wrong.length}`);
  for (const w of now.wrong) lines.push(`    - ${w}`);
  return { name: 'Labelled pages (every detector)', lines, ok: now.wrong.length === 0 };
}
