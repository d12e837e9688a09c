import type { LoupeDb } from '../storage/db';
import { attempt, type StorageResult } from '../storage/result';
import { importFiles, type FileOutcome, type ImportSource } from './import-files';

// A whole folder imported again and again (a Nextcloud / apps.education.fr folder synced on the referent's computer):
// only the export files that are new or changed since the last time are read, each all or nothing as any import.
// A file is known by its path in the folder, its size and its date: a colleague's file replaced by a newer export is
// read again (its evaluations already here are recognised as duplicates).

export interface FolderFile {
  /** Path inside the folder, as the browser gives it (`webkitRelativePath`). */
  path: string;
  size: number;
  lastModified: number;
  text: () => Promise<string>;
}

export interface FolderOutcome {
  /** JSON files already imported, not read again. */
  known: number;
  /** Files that are not export files (other extensions, the sync client's hidden files). */
  ignored: number;
  outcomes: FileOutcome[];
}

export const folderKey = (f: Pick<FolderFile, 'path' | 'size' | 'lastModified'>) => `${f.path}\u0000${f.size}\u0000${f.lastModified}`;

/** An export file: `.json`, not hidden (`.sync_*`, `.~lock.*#`, `.owncloudsync.log` and the like live beside them). */
const isExportFile = (path: string) => {
  const parts = path.split('/');
  return /\.json$/i.test(path) && !parts.some((p) => p.startsWith('.'));
};

export async function importFolder(db: LoupeDb, files: readonly FolderFile[], now: number): Promise<StorageResult<FolderOutcome>> {
  const candidates = files.filter((f) => isExportFile(f.path));
  const ignored = files.length - candidates.length;
  const seen = await attempt(() => db.importedFiles.bulkGet(candidates.map(folderKey)));
  if (!seen.ok) return seen;
  const fresh = candidates.filter((_, i) => seen.value[i] === undefined);
  const sources: ImportSource[] = fresh.map((f) => ({ name: f.path, size: f.size, text: f.text, folderKey: folderKey(f) }));
  const imported = sources.length > 0 ? await importFiles(db, sources, now) : { ok: true as const, value: [] };
  if (!imported.ok) return imported;
  return { ok: true, value: { known: candidates.length - fresh.length, ignored, outcomes: imported.value } };
}
