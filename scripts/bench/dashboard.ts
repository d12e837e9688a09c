// The dashboard at the scale of an académie: 10,000 evaluations in 10 files imported into IndexedDB
// (fake-indexeddb, so slower than a browser's), then read back and grouped as the page does on load.
// Goals: import ≤ 20 s, load + group ≤ 1 s. The list's first render (happy-dom) is not measured yet.
//   npx tsx scripts/bench/dashboard.ts
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { groupByResource } from '../../lib/consolidate/group';
import { toExportFile } from '../../lib/export/export-file';
import type { Evaluation } from '../../lib/export/schema';
import { importFiles } from '../../lib/import/import-files';
import { LoupeDb } from '../../lib/storage/db';
import { listEvaluations } from '../../lib/storage/evaluations';
import { generateEvaluations } from '../../test/support/evaluations';
import { goal, type BenchResult } from './report';

const N = 10_000;
const FILES = 10;
const GOAL_IMPORT_MS = 20_000;
const GOAL_LOAD_MS = 1_000;

export async function bench(): Promise<BenchResult> {
  const list = generateEvaluations(N, 1);
  const texts = Array.from({ length: FILES }, (_, i) => JSON.stringify(toExportFile(list.filter((_, k) => k % FILES === i), { now: 0, version: 'bench' })));
  const db = new LoupeDb(`loupe-bench-${Date.now()}`);
  let t = performance.now();
  const r = await importFiles(db, texts.map((text, i) => ({ name: `f${i}.json`, size: text.length, text: async () => text })), 1);
  const importMs = performance.now() - t;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const added = r.value.reduce((n, o) => n + o.added, 0);
  t = performance.now();
  const listed = await listEvaluations(db);
  if (!listed.ok) throw new Error(JSON.stringify(listed.error));
  const groups = groupByResource(listed.value.records.map((x) => x.evaluation as Evaluation));
  const loadMs = performance.now() - t;
  db.close();
  const lines = [
    `dashboard: ${N} evaluations in ${FILES} files, Node ${process.version}, fake-indexeddb`,
    `  import (read, check, one transaction): ${importMs.toFixed(0)} ms, ${added} added | ${goal(importMs <= GOAL_IMPORT_MS, `≤ ${GOAL_IMPORT_MS} ms`)}`,
    `  load + group by resource: ${loadMs.toFixed(0)} ms, ${groups.length} resources | ${goal(loadMs <= GOAL_LOAD_MS, `≤ ${GOAL_LOAD_MS} ms`)}`,
  ];
  const figures = [
    { what: 'import', evaluations: N, ms: importMs, goalMs: GOAL_IMPORT_MS, goal: importMs <= GOAL_IMPORT_MS },
    { what: 'load+group', evaluations: N, ms: loadMs, goalMs: GOAL_LOAD_MS, goal: loadMs <= GOAL_LOAD_MS },
  ];
  return { lines, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of (await bench()).lines) console.log(line);
}
