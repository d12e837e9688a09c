import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { withDataKind } from '../../lib/detectors/finding';
import type { EvaluationSummary } from '../../lib/storage/read-model';
import type { StoredConsolidation, StoredEvaluation } from '../../lib/storage/record';

/** A database as schema version 5 wrote it (test/fixtures/storage/v5-database.json, written by version 5's code). */
export const FIXTURE_V5 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/storage/v5-database.json'), 'utf8')) as {
  stores: Record<string, string>;
  evaluations: StoredEvaluation[];
  consolidations: StoredConsolidation[];
  summaries: EvaluationSummary[];
};

/** Writes the version 5 fixture into the database `name`, as version 5 left it, for the next version to open. */
export async function writeV5(name: string, tables: readonly ('evaluations' | 'consolidations' | 'summaries')[] = ['evaluations', 'consolidations', 'summaries']): Promise<void> {
  const v5 = new Dexie(name);
  v5.version(5).stores(FIXTURE_V5.stores);
  for (const t of tables) await v5.table(t).bulkAdd(FIXTURE_V5[t]);
  v5.close();
}

/** A stored record with every finding's data named by its kind, as the version 6 upgrade leaves it. */
export const withKinds = <R extends { evaluation?: unknown }>(r: R): R => {
  const e = r.evaluation as { findings?: unknown[] } | undefined;
  return Array.isArray(e?.findings) ? { ...r, evaluation: { ...e, findings: e.findings.map(withDataKind) } } : r;
};
