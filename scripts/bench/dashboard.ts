// The dashboard at the scale of an académie: 10,000 evaluations, each with a real inspection's findings (about
// 24 kB, test/support/evaluations.ts), in export files of at most 18 MB imported into IndexedDB
// (fake-indexeddb, so slower than a browser's), then read back, checked, indexed for the filters and grouped by
// resource as the page does on load. Loupe's own part of that load (check + index + group, the rows already in
// memory) is timed apart from fake-indexeddb's read, against the full zod parse it replaces (baseline, same run).
// Goals: import ≤ 20 s, load + group ≤ 1 s, Loupe's own part ≤ 250 ms. The page itself in Chromium:
// scripts/bench/dashboard-page.ts.
//   npx tsx scripts/bench/dashboard.ts
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { filterEvaluations, indexEvaluations } from '../../lib/consolidate/filter';
import { groupByResource } from '../../lib/consolidate/group';
import { toExportFile } from '../../lib/export/export-file';
import type { Evaluation } from '../../lib/export/schema';
import { importFiles } from '../../lib/import/import-files';
import { LoupeDb } from '../../lib/storage/db';
import { listEvaluations, type Listing, type ReadCheck } from '../../lib/storage/evaluations';
import { storedEvaluationSchema } from '../../lib/storage/record';
import { hasStoredShape } from '../../lib/storage/stored-shape';
import { generateEvaluations } from '../../test/support/evaluations';
import { exportTexts, goal, mb, median, type BenchResult } from './report';

const N = 10_000;
const RUNS = 3;
const GOAL_IMPORT_MS = 20_000;
const GOAL_LOAD_MS = 1_000;
const GOAL_OWN_MS = 250;

/** What App.tsx does with a listing on load: done evaluations, the filters' index, no filter set, groups. */
function view(listing: Listing) {
  const evaluations = listing.records.filter((r) => r.status === 'done').map((r) => r.evaluation as Evaluation);
  return groupByResource(filterEvaluations(indexEvaluations(evaluations), {}));
}

/** The check of App.tsx's listing on rows already read, so that only Loupe's own work is timed. */
function check(rows: unknown[], how: ReadCheck): Listing {
  const records = rows.flatMap((row) => {
    if (how === 'shape' && hasStoredShape(row)) return [row];
    const r = storedEvaluationSchema.safeParse(row);
    return r.success ? [r.data] : [];
  });
  return { records, unreadable: rows.length - records.length };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

export async function bench(): Promise<BenchResult> {
  const list = generateEvaluations(N, 1);
  const { texts, bytes } = exportTexts(list, (part) => JSON.stringify(toExportFile(part, { now: 0, version: 'bench' })));
  const FILES = texts.length;
  const db = new LoupeDb(`loupe-bench-${Date.now()}`);
  let t = performance.now();
  const r = await importFiles(db, texts.map((text, i) => ({ name: `f${i}.json`, size: text.length, text: async () => text })), 1);
  const importMs = performance.now() - t;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const added = r.value.reduce((n, o) => n + o.added, 0);

  // The page's load, cold (the first thing timed, as on opening the page).
  t = performance.now();
  const listed = await listEvaluations(db, 'shape');
  if (!listed.ok) throw new Error(JSON.stringify(listed.error));
  const groups = view(listed.value);
  const loadMs = performance.now() - t;

  // fake-indexeddb's read alone, then Loupe's own part on fresh copies of the rows (the caches per evaluation object
  // would otherwise make later runs free), the cheap check against the full parse.
  t = performance.now();
  const rows = await db.evaluations.orderBy('updatedAt').reverse().toArray();
  const readMs = performance.now() - t;
  db.close();
  const own: Record<ReadCheck, { check: number; rest: number; total: number }[]> = { shape: [], schema: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const how of ['schema', 'shape'] as const) {
      const copy = structuredClone(rows);
      const c = time(() => check(copy, how));
      const g = time(() => view(c.value));
      if (g.value.length !== groups.length) throw new Error(`${how}: ${g.value.length} groups, not ${groups.length}`);
      own[how].push({ check: c.ms, rest: g.ms, total: c.ms + g.ms });
    }
  }
  const med = (how: ReadCheck, k: 'check' | 'rest' | 'total') => median(own[how].map((x) => x[k]));
  const ownMs = med('shape', 'total');
  const baseMs = med('schema', 'total');
  const lines = [
    `dashboard: ${N} evaluations (${mb(bytes)} of evaluations, ${(bytes / N / 1024).toFixed(1)} kB each on average) in ${FILES} files, Node ${process.version}, fake-indexeddb (its reads and writes are slower than a browser's IndexedDB)`,
    `  import (read, check, one transaction): ${importMs.toFixed(0)} ms, ${added} added | ${goal(importMs <= GOAL_IMPORT_MS, `≤ ${GOAL_IMPORT_MS} ms`)}`,
    `  load + group by resource, as the page does (cold, fake-indexeddb read included): ${loadMs.toFixed(0)} ms, ${groups.length} resources | ${goal(loadMs <= GOAL_LOAD_MS, `≤ ${GOAL_LOAD_MS} ms`)}`,
    `    of which fake-indexeddb's read alone: about ${readMs.toFixed(0)} ms`,
    `  Loupe's own part (rows in memory): check ${med('shape', 'check').toFixed(0)} ms + index + group ${med('shape', 'rest').toFixed(0)} ms = ${ownMs.toFixed(0)} ms (median of ${RUNS}); full zod parse instead (baseline): ${med('schema', 'check').toFixed(0)} + ${med('schema', 'rest').toFixed(0)} = ${baseMs.toFixed(0)} ms; ratio ${(ownMs / baseMs).toFixed(2)} | ${goal(ownMs <= GOAL_OWN_MS, `≤ ${GOAL_OWN_MS} ms`)}`,
  ];
  const figures = [
    { what: 'import', evaluations: N, bytes, files: FILES, ms: importMs, goalMs: GOAL_IMPORT_MS, goal: importMs <= GOAL_IMPORT_MS, store: 'fake-indexeddb' },
    { what: 'load+group', evaluations: N, ms: loadMs, readMs, goalMs: GOAL_LOAD_MS, goal: loadMs <= GOAL_LOAD_MS, store: 'fake-indexeddb' },
    { what: 'load+group:own', evaluations: N, ms: ownMs, checkMs: med('shape', 'check'), baselineMs: baseMs, baselineCheckMs: med('schema', 'check'), ratio: ownMs / baseMs, goalMs: GOAL_OWN_MS, goal: ownMs <= GOAL_OWN_MS },
  ];
  return { lines, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of (await bench()).lines) console.log(line);
}
