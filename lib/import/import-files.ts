import { readExportFile } from '../export/import';
import type { ExportFile } from '../export/schema';
import type { LoupeDb } from '../storage/db';
import { toConsolidationRecord } from '../storage/consolidations';
import { putEvaluations, toRecord } from '../storage/evaluations';
import type { StoredConsolidation, StoredEvaluation } from '../storage/record';
import { attempt, type StorageResult } from '../storage/result';

// Importing colleagues' files (or a backup) into the dashboard. Each file is all or nothing: a bad one is named with
// its reason and adds nothing; the good ones are written together in one transaction, so a failed write adds nothing.

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the page hands over: the size first, so a huge file is refused before it is read. */
export interface ImportSource {
  name: string;
  size: number;
  text: () => Promise<string>;
  /** A file of a synced folder: recorded with the import, in its transaction, so that it is not read again. */
  folderKey?: string;
}

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  added: number;
  duplicates: number;
  consolidations: number;
  messageKey?: string;
  params?: string[];
}

type Read = { fileName: string; ok: true; file: ExportFile; folderKey?: string } | (FileOutcome & { ok: false });

async function readOne(source: ImportSource): Promise<Read> {
  const refused = (messageKey: string, params: string[]): Read => ({ fileName: source.name, ok: false, added: 0, duplicates: 0, consolidations: 0, messageKey, params });
  if (source.size > MAX_IMPORT_BYTES) return refused('import_tooLarge', [String(Math.round(source.size / 1024 / 1024)), '20']);
  let text: string;
  try {
    text = await source.text();
  } catch (error) {
    return refused('import_unreadable', [error instanceof Error ? error.message : String(error)]);
  }
  const r = readExportFile(text);
  return r.ok ? { fileName: source.name, ok: true, file: r.file, ...(source.folderKey ? { folderKey: source.folderKey } : {}) } : refused(r.messageKey, r.params);
}

export async function importFiles(db: LoupeDb, sources: ImportSource[], now: number): Promise<StorageResult<FileOutcome[]>> {
  const reads = await Promise.all(sources.map(readOne));
  return attempt(async () => {
    // Records are built before the transaction: IndexedDB commits a transaction that waits on anything else.
    const prepared: { fileName: string; evaluations: StoredEvaluation[]; consolidations: StoredConsolidation[] }[] = [];
    for (const r of reads) {
      if (!r.ok) continue;
      const origin = { kind: 'imported' as const, importedAt: now, fileName: r.fileName.slice(0, 500) };
      const evaluations = await Promise.all(r.file.evaluations.map(async (e) => ({ ...(await toRecord(e, 'done', now)), origin })));
      const consolidations = await Promise.all((r.file.consolidations ?? []).map((c) => toConsolidationRecord(c, origin)));
      prepared.push({ fileName: r.fileName, evaluations, consolidations });
    }
    // The summaries in the same transaction (lib/storage/summary.ts): an import that fails adds neither.
    const folderKeys = reads.flatMap((r) => (r.ok && r.folderKey ? [{ key: r.folderKey, importedAt: now }] : []));
    const written = await db.transaction('rw', [db.evaluations, db.summaries, db.consolidations, db.importedFiles], async () => {
      const counts: { added: number; duplicates: number; consolidations: number }[] = [];
      const seen = new Set<string>();
      for (const p of prepared) {
        const count = { added: 0, duplicates: 0, consolidations: 0 };
        const existing = await db.evaluations.bulkGet(p.evaluations.map((e) => e.id));
        const added: StoredEvaluation[] = [];
        for (const [i, record] of p.evaluations.entries()) {
          // The same evaluation already here (a second import, or the person's own record): kept as it is.
          if (existing[i] !== undefined || seen.has(record.id)) {
            count.duplicates++;
            continue;
          }
          seen.add(record.id);
          added.push(record);
          count.added++;
        }
        await putEvaluations(db, added, 'add');
        for (const c of p.consolidations) {
          const here = await db.consolidations.get(c.url);
          if (here && here.decidedAt >= c.decidedAt) continue;
          await db.consolidations.put(c);
          count.consolidations++;
        }
        counts.push(count);
      }
      // A folder's files are marked read only with what they brought: a refused file is tried again next time.
      if (folderKeys.length > 0) await db.importedFiles.bulkPut(folderKeys);
      return counts;
    });
    let index = 0;
    return reads.map((r): FileOutcome => {
      if (!r.ok) return r;
      const c = written[index++]!;
      return { fileName: r.fileName, ok: true, ...c };
    });
  });
}
