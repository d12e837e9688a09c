import type { Evaluation } from '../detectors/finding';
import { readExportFile } from '../export/import';
import type { ExportFile } from '../export/schema';
import type { LoupeDb } from '../storage/db';
import { toConsolidationRecord } from '../storage/consolidations';
import { addNewEvaluations } from '../storage/evaluations';
import { searchText, type RecordOrigin, type StoredConsolidation, type StoredEvaluation } from '../storage/record';
import { attempt, type StorageResult } from '../storage/result';
import { resourceKey } from '../net/resource';

// Importing colleagues' files (or a backup) into the dashboard. Each file is all or nothing: a bad one is named with
// its reason and adds nothing; a good one is written in one transaction of its own (its evaluations, their summaries
// and its consolidations together), so a failed write or a stop adds nothing of that file and keeps the files written
// before it whole. Files are read, parsed and written one after the other: one file's objects in memory at a time, the
// next file's bytes read while the current one is written. The page runs this in a Worker (import-worker.ts).

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

/** Where an import stands, after each file: what the page shows while it runs. */
export interface ImportProgress {
  /** Files done (imported, refused or left after a stop), of `totalFiles`. */
  files: number;
  totalFiles: number;
  /** Evaluations added so far. */
  evaluations: number;
  /** Bytes of the files done, of `totalBytes` (the time left is estimated from them). */
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
  /** Estimated from the bytes done so far; absent before the first file is done. */
  leftMs?: number;
  /** Where the time went so far (ms): waiting for the files' bytes, JSON.parse with the schema's check, the writes. */
  spent: { readMs: number; checkMs: number; writeMs: number };
}

export interface ImportControl {
  onProgress?: (p: ImportProgress) => void;
  /** Asked before each file and before its write: once true, no further file is written. */
  stopped?: () => boolean;
  clock?: () => number;
}

type Read = { fileName: string; ok: true; file: ExportFile } | (FileOutcome & { ok: false });

const refusal = (fileName: string, messageKey: string, params: string[]): FileOutcome & { ok: false } => ({ fileName, ok: false, added: 0, duplicates: 0, consolidations: 0, messageKey, params });

async function readOne(source: ImportSource, text: Promise<string> | undefined, spent: ImportProgress['spent'], clock: () => number): Promise<Read> {
  if (source.size > MAX_IMPORT_BYTES) return refusal(source.name, 'import_tooLarge', [String(Math.round(source.size / 1024 / 1024)), '20']);
  let content: string;
  let t = clock();
  try {
    content = await (text ?? source.text());
  } catch (error) {
    return refusal(source.name, 'import_unreadable', [error instanceof Error ? error.message : String(error)]);
  } finally {
    spent.readMs += clock() - t;
  }
  t = clock();
  const r = readExportFile(content);
  spent.checkMs += clock() - t;
  return r.ok ? { fileName: source.name, ok: true, file: r.file } : refusal(source.name, r.messageKey, r.params);
}

/**
 * The stored record of an evaluation the file's schema has just accepted (exportFileSchema, done evaluations): built
 * as toRecord builds it, without parsing the evaluation a second time (validated once).
 */
function importedRecord(e: Evaluation, now: number, origin: RecordOrigin, resourceSite: (url: string) => string): StoredEvaluation {
  const url = resourceKey(e.resource.url);
  const site = resourceSite(e.resource.url) || e.resource.site;
  const title = e.resource.title;
  return { id: e.id, url, site, title, createdAt: now, updatedAt: now, status: 'done', verdict: e.verdict?.level ?? '', search: searchText(title, site, url), evaluation: e, origin };
}

/** Writes one parsed file in one transaction: its new evaluations with their summaries, and its newer decisions. */
async function writeFile(db: LoupeDb, evaluations: StoredEvaluation[], consolidations: StoredConsolidation[], stopped: () => boolean, folderKey?: string, now = Date.now()): Promise<Omit<FileOutcome, 'fileName' | 'ok'>> {
  return db.transaction('rw', [db.evaluations, db.summaries, db.resources, db.consolidations, db.importedFiles], async () => {
    const count = { added: 0, duplicates: 0, consolidations: 0 };
    // The same evaluation twice in the file: added once. The same evaluation already here (an earlier file, a second
    // import, the person's own record): kept as it is, refused by the add itself (addNewEvaluations), so that the
    // records are sent at once, while this transaction may still wait for the other lane's.
    const seen = new Set<string>();
    const once: StoredEvaluation[] = [];
    for (const record of evaluations) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      once.push(record);
    }
    count.added = (await addNewEvaluations(db, once)).length;
    count.duplicates = evaluations.length - count.added;
    const here = await db.consolidations.bulkGet(consolidations.map((c) => c.url));
    const newer = new Map<string, StoredConsolidation>();
    for (const [i, c] of consolidations.entries()) {
      const before = newer.get(c.url) ?? here[i];
      if (before && before.decidedAt >= c.decidedAt) continue;
      newer.set(c.url, c);
      count.consolidations++;
    }
    await db.consolidations.bulkPut([...newer.values()]);
    // A folder's file is marked read only with what it brought: a refused file is tried again next time.
    if (folderKey) await db.importedFiles.put({ key: folderKey, importedAt: now });
    // A stop asked while the file was being written: thrown here, the transaction adds nothing of it.
    if (stopped()) throw new StoppedImport();
    return count;
  });
}

class StoppedImport extends Error {}

export async function importFiles(db: LoupeDb, sources: ImportSource[], now: number, control: ImportControl = {}): Promise<StorageResult<FileOutcome[]>> {
  const clock = control.clock ?? (() => Date.now());
  const stopped = control.stopped ?? (() => false);
  const start = clock();
  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  const progress: ImportProgress = { files: 0, totalFiles: sources.length, evaluations: 0, bytes: 0, totalBytes, elapsedMs: 0, spent: { readMs: 0, checkMs: 0, writeMs: 0 } };
  const { resourceSite } = await import('../net/resource');
  const outcomes: FileOutcome[] = [];
  const readable = (s: ImportSource | undefined) => (s && s.size <= MAX_IMPORT_BYTES ? s.text() : undefined);
  // The next file's bytes are read while the current one is parsed and written; a failed read is told with its file.
  let next = readable(sources[0]);
  next?.catch(() => undefined);
  return attempt(async () => {
    for (const [i, source] of sources.entries()) {
      const text = next;
      next = readable(sources[i + 1]);
      next?.catch(() => undefined);
      if (stopped()) {
        outcomes.push(refusal(source.name, 'import_stopped', []));
      } else {
        const r = await readOne(source, text, progress.spent, clock);
        if (!r.ok) outcomes.push(r);
        else {
          const origin = { kind: 'imported' as const, importedAt: now, fileName: r.fileName.slice(0, 500) };
          const evaluations = r.file.evaluations.map((e) => importedRecord(e, now, origin, resourceSite));
          // Records are built before the transaction: IndexedDB commits a transaction that waits on anything else.
          const consolidations = await Promise.all((r.file.consolidations ?? []).map((c) => toConsolidationRecord(c, origin)));
          const t = clock();
          try {
            const count = stopped() ? undefined : await writeFile(db, evaluations, consolidations, stopped, source.folderKey, now);
            outcomes.push(count ? { fileName: r.fileName, ok: true, ...count } : refusal(source.name, 'import_stopped', []));
            if (count) progress.evaluations += count.added;
          } catch (error) {
            if (!(error instanceof StoppedImport)) throw error;
            outcomes.push(refusal(source.name, 'import_stopped', []));
          } finally {
            progress.spent.writeMs += clock() - t;
          }
        }
      }
      progress.files++;
      progress.bytes += source.size;
      progress.elapsedMs = clock() - start;
      progress.leftMs = progress.bytes > 0 ? (progress.elapsedMs / progress.bytes) * (totalBytes - progress.bytes) : undefined;
      control.onProgress?.({ ...progress, spent: { ...progress.spent } });
    }
    return outcomes;
  });
}
