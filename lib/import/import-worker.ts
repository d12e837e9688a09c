import { loupeDb } from '../storage/db';
import type { StorageResult } from '../storage/result';
import { importFiles, type FileOutcome, type ImportProgress } from './import-files';

// The dashboard's import, off the page's main thread: the files are read, parsed and checked (once) here, and written
// to the extension's IndexedDB from here, one transaction per file. The page's list follows by itself (Dexie tells
// the page's live queries of writes made in a worker of the same origin). The page only posts the files, a stop, and
// shows the progress posted back. Nothing leaves the machine: no fetch, no import of anything remote.

export type ToImportWorker = { kind: 'import'; files: File[]; now: number } | { kind: 'stop' };
export type FromImportWorker = { kind: 'progress'; progress: ImportProgress } | { kind: 'done'; result: StorageResult<FileOutcome[]> };

// The worker's global scope, typed as much as used here (the project's types are the page's, not a worker's).
const scope = self as unknown as { postMessage(m: FromImportWorker): void; onmessage: ((e: MessageEvent<ToImportWorker>) => void) | null };

let stop = false;
const post = (m: FromImportWorker) => scope.postMessage(m);

scope.onmessage = (event) => {
  const m = event.data;
  if (m.kind === 'stop') {
    stop = true;
    return;
  }
  stop = false;
  const sources = m.files.map((f) => ({ name: f.name, size: f.size, text: () => f.text() }));
  void importFiles(loupeDb(), sources, m.now, { onProgress: (progress) => post({ kind: 'progress', progress }), stopped: () => stop, clock: () => performance.now() }).then((result) => post({ kind: 'done', result }));
};
