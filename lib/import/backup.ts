import { toExportFile } from '../export/export-file';
import { exportFileSchema, type ExportFile } from '../export/schema';
import type { LoupeDb } from '../storage/db';
import { listConsolidations } from '../storage/consolidations';
import { listEvaluations } from '../storage/evaluations';
import { attempt, type StorageResult } from '../storage/result';
import { importFiles, type FileOutcome, type ImportSource } from './import-files';

// A full backup: every evaluation and consolidation in one export file, addresses kept whole (it is the person's own
// copy, not something shared). Restoring it goes through the import, so a backup is checked like any other file.

export function backupFile(db: LoupeDb, now: number, version: string): Promise<StorageResult<ExportFile>> {
  return attempt(async () => {
    const evaluations = await listEvaluations(db);
    const consolidations = await listConsolidations(db);
    if (!evaluations.ok) throw evaluations.error;
    if (!consolidations.ok) throw consolidations.error;
    // Drafts may lack what an export requires: only finished evaluations go into a file.
    const done = evaluations.value.records.filter((r) => r.status === 'done').map((r) => r.evaluation);
    const file = toExportFile(done as ExportFile['evaluations'], { now, version, keepQuery: true });
    return exportFileSchema.parse({ ...file, consolidations: consolidations.value.map((c) => c.consolidation) });
  });
}

export function restoreBackup(db: LoupeDb, source: ImportSource, now: number): Promise<StorageResult<FileOutcome[]>> {
  return importFiles(db, [source], now);
}
