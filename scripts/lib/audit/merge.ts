import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toExportFile } from '../../../lib/export/export-file';
import { exportFileSchema, type ExportFile } from '../../../lib/export/schema';
import { type Evaluation } from '../../../lib/detectors/finding';

// The per-page files of one or many audit runs (shards on several machines, CI jobs) into one export bundle that the
// dashboard imports. A file that is not a Loupe export is named and left out; nothing else is lost.

export interface MergeResult {
  bundle: ExportFile;
  files: number;
  duplicates: number;
  unreadable: { path: string; why: string }[];
}

function jsonFiles(dir: string, skip: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return jsonFiles(p, skip);
      return e.isFile() && e.name.endsWith('.json') && resolve(p) !== skip ? [p] : [];
    })
    .sort();
}

export function mergeFolders(dirs: string[], out: string, now = Date.now()): MergeResult {
  const byId = new Map<string, Evaluation>();
  const unreadable: MergeResult['unreadable'] = [];
  let files = 0;
  let duplicates = 0;
  let version: string | undefined;
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      unreadable.push({ path: dir, why: 'dossier introuvable / folder not found' });
      continue;
    }
    for (const path of jsonFiles(dir, resolve(out))) {
      let parsed;
      try {
        parsed = exportFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      } catch (error) {
        unreadable.push({ path, why: (error as Error).message });
        continue;
      }
      if (!parsed.success) {
        unreadable.push({ path, why: parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        continue;
      }
      files++;
      version ??= parsed.data.generator.version;
      for (const e of parsed.data.evaluations) {
        // The same evaluation reached twice (a bundle and its parts, a shard copied twice) is kept once.
        if (byId.has(e.id)) duplicates++;
        else byId.set(e.id, e);
      }
    }
  }
  // The files already went through the export's URL stripping; a person who kept query strings meant it.
  const bundle = exportFileSchema.parse(toExportFile([...byId.values()], { now, version: version ?? '0.0.0', keepQuery: true }));
  return { bundle, files, duplicates, unreadable };
}
