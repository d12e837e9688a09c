import type { FileOutcome, ImportProgress } from '@/lib/import/import-files';
import type { FromImportWorker, ToImportWorker } from '@/lib/import/import-worker';
import { classifyStorageError } from '@/lib/storage/errors';
import type { StorageResult } from '@/lib/storage/result';

// Runs an import in a Worker (lib/import/import-worker.ts), so the page stays responsive while 200 MB of files are
// parsed, checked and written; where no Worker can start, the same import runs in the page.

export interface RunningImport {
  done: Promise<StorageResult<FileOutcome[]>>;
  /** Asks the import to stop: the file being written is either wholly written or not at all, the rest are left. */
  stop(): void;
}

export function startImport(files: File[], now: number, onProgress: (p: ImportProgress) => void): RunningImport {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../../lib/import/import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) return inPage(files, now, onProgress);
  const w = worker;
  let heard = false;
  let fallback: RunningImport | undefined;
  const done = new Promise<StorageResult<FileOutcome[]>>((resolve) => {
    w.onmessage = (e: MessageEvent<FromImportWorker>) => {
      heard = true;
      if (e.data.kind === 'progress') onProgress(e.data.progress);
      else {
        w.terminate();
        resolve(e.data.result);
      }
    };
    w.onerror = (e) => {
      w.terminate();
      // A worker that could not start (a browser refusing module workers) has written nothing: the page imports.
      if (!heard) {
        fallback = inPage(files, now, onProgress);
        resolve(fallback.done);
      } else resolve({ ok: false, error: classifyStorageError(new Error(e.message)) });
    };
  });
  const post = (m: ToImportWorker) => w.postMessage(m);
  post({ kind: 'import', files, now });
  return { done, stop: () => (fallback ? fallback.stop() : post({ kind: 'stop' })) };
}

function inPage(files: File[], now: number, onProgress: (p: ImportProgress) => void): RunningImport {
  let stopped = false;
  const done = Promise.all([import('@/lib/import/import-files'), import('@/lib/storage/db')]).then(([{ importFiles }, { loupeDb }]) =>
    importFiles(
      loupeDb(),
      files.map((f) => ({ name: f.name, size: f.size, text: () => f.text() })),
      now,
      { onProgress, stopped: () => stopped },
    ),
  );
  return { done, stop: () => (stopped = true) };
}
