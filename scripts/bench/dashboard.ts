// The dashboard at the scale of an académie: 10,000 evaluations, each with a real inspection's findings (about
// 24 kB, test/support/evaluations.ts), in export files of at most 18 MB imported into IndexedDB
// (fake-indexeddb, so slower than a browser's), then read back, indexed for the filters and grouped by resource as
// the page does on load: its summaries only (schema version 4, lib/storage/read-model.ts), against reading every whole
// record as the page did before them (baseline, same run). Loupe's own part of the load (index + group, the rows
// already in memory) is timed apart from fake-indexeddb's read.
// Goals: import ≤ 20 s, load + group ≤ 1 s, Loupe's own part ≤ 250 ms. The page itself in Chromium:
// scripts/bench/dashboard-page.ts.
//   npx tsx scripts/bench/dashboard.ts
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { filterEvaluations, indexEvaluations } from '../../lib/consolidate/filter';
import { groupByResource } from '../../lib/consolidate/group';
import { toExportFile } from '../../lib/export/export-file';
import type { Evaluation } from '../../lib/detectors/finding';
import { importFiles } from '../../lib/import/import-files';
import { LoupeDb } from '../../lib/storage/db';
import { listEvaluations, listSummaries, type Listing } from '../../lib/storage/evaluations';
import { gradedOf, type EvaluationSummary } from '../../lib/storage/read-model';
import { generateEvaluations } from '../../test/support/evaluations';
import { exportTexts, goal, mb, median, type BenchResult } from './report';

const N = 10_000;
const RUNS = 3;
const GOAL_IMPORT_MS = 20_000;
const GOAL_LOAD_MS = 1_000;
const GOAL_OWN_MS = 250;

/** What App.tsx does with the summaries on load: done evaluations, the filters' index, no filter set, groups. */
function view(summaries: EvaluationSummary[]) {
  return groupByResource(filterEvaluations(indexEvaluations(summaries.filter((s) => s.status === 'done').map(gradedOf)), {}));
}

/** What App.tsx did before summaries, on every whole record (baseline). */
function viewRecords(listing: Listing) {
  const evaluations = listing.records.filter((r) => r.status === 'done').map((r) => r.evaluation as Evaluation);
  return groupByResource(filterEvaluations(indexEvaluations(evaluations), {}));
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

  // The page's load, cold (the first thing timed, as on opening the page): summaries only.
  t = performance.now();
  const listed = await listSummaries(db);
  if (!listed.ok) throw new Error(JSON.stringify(listed.error));
  const groups = view(listed.value.summaries);
  const loadMs = performance.now() - t;
  if (listed.value.rebuilt !== 0) throw new Error(`${listed.value.rebuilt} summaries rebuilt after an import`);

  // Baseline, same run: every whole record read and checked, as before summaries.
  t = performance.now();
  const whole = await listEvaluations(db, 'shape');
  if (!whole.ok) throw new Error(JSON.stringify(whole.error));
  const wholeGroups = viewRecords(whole.value);
  const wholeMs = performance.now() - t;
  if (wholeGroups.length !== groups.length) throw new Error(`${wholeGroups.length} groups from whole records, ${groups.length} from summaries`);

  // fake-indexeddb's read alone, then Loupe's own part on fresh copies of the rows (the caches per object would
  // otherwise make later runs free).
  t = performance.now();
  const rows = await db.summaries.orderBy('updatedAt').reverse().toArray();
  const readMs = performance.now() - t;
  const summaryBytes = rows.reduce((n, r) => n + JSON.stringify(r).length, 0);
  const recordBytes = (await db.evaluations.toArray()).reduce((n, r) => n + JSON.stringify(r).length, 0);
  db.close();
  const own: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = structuredClone(rows);
    const g = time(() => view(copy));
    if (g.value.length !== groups.length) throw new Error(`${g.value.length} groups, not ${groups.length}`);
    own.push(g.ms);
  }
  const ownMs = median(own);
  const lines = [
    `dashboard: ${N} evaluations (${mb(bytes)} of evaluations, ${(bytes / N / 1024).toFixed(1)} kB each on average) in ${FILES} files, Node ${process.version}, fake-indexeddb (its reads and writes are slower than a browser's IndexedDB)`,
    `  stored: records ${mb(recordBytes)}, summaries ${mb(summaryBytes)} (${(summaryBytes / N).toFixed(0)} bytes each)`,
    `  import (read, check, one transaction per file, summaries and per-resource aggregates included): ${importMs.toFixed(0)} ms, ${added} added | ${goal(importMs <= GOAL_IMPORT_MS, `≤ ${GOAL_IMPORT_MS} ms`)}`,
    `  load + group by resource, as the page does (cold, fake-indexeddb read included, summaries only): ${loadMs.toFixed(0)} ms, ${groups.length} resources; every whole record instead (baseline, as before summaries): ${wholeMs.toFixed(0)} ms; ratio ${(loadMs / wholeMs).toFixed(2)} | ${goal(loadMs <= GOAL_LOAD_MS, `≤ ${GOAL_LOAD_MS} ms`)}`,
    `    of which fake-indexeddb's read of the summaries alone: about ${readMs.toFixed(0)} ms`,
    `  Loupe's own part (summaries in memory): index + group ${ownMs.toFixed(0)} ms (median of ${RUNS}) | ${goal(ownMs <= GOAL_OWN_MS, `≤ ${GOAL_OWN_MS} ms`)}`,
  ];
  const figures = [
    { what: 'import', evaluations: N, bytes, files: FILES, ms: importMs, goalMs: GOAL_IMPORT_MS, goal: importMs <= GOAL_IMPORT_MS, store: 'fake-indexeddb' },
    { what: 'load+group', evaluations: N, ms: loadMs, readMs, baselineMs: wholeMs, ratio: loadMs / wholeMs, recordBytes, summaryBytes, goalMs: GOAL_LOAD_MS, goal: loadMs <= GOAL_LOAD_MS, store: 'fake-indexeddb' },
    { what: 'load+group:own', evaluations: N, ms: ownMs, goalMs: GOAL_OWN_MS, goal: ownMs <= GOAL_OWN_MS },
  ];
  return { lines, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of (await bench()).lines) console.log(line);
}
