import type { FileOutcome, ImportProgress } from '@/lib/import/import-files';
import type { FromImportWorker, ToImportWorker } from '@/lib/import/import-worker';
import { classifyStorageError } from '@/lib/storage/errors';
import type { StorageResult } from '@/lib/storage/result';

// Runs an import in Workers (lib/import/import-worker.ts), so the page stays responsive while 200 MB of files are
// parsed, checked and written; where no Worker can start, the same import runs in the page. Files go to two workers
// (on a machine of two cores or more): the schema's check of one file, most of an import's time, runs while the
// other file is written. Each file is still written in a transaction of its own, whole or not at all; two files'
// transactions on the same tables run one after the other, so an evaluation in both is added once.

export interface RunningImport {
  done: Promise<StorageResult<FileOutcome[]>>;
  /** Asks the import to stop: the file being written is either wholly written or not at all, the rest are left. */
  stop(): void;
}

const LANES = Math.max(1, Math.min(2, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1));

export function startImport(files: File[], now: number, onProgress: (p: ImportProgress) => void): RunningImport {
  const lanes = Math.min(LANES, files.length);
  if (lanes <= 1) return startLane(files, now, onProgress);
  // Files dealt in turn, so each lane gets about as many bytes; outcomes are given back in the files' order.
  const parts = Array.from({ length: lanes }, (_, l) => files.map((f, i) => ({ f, i })).filter((x) => x.i % lanes === l));
  const latest: (ImportProgress | undefined)[] = parts.map(() => undefined);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const merged = (): ImportProgress => {
    const known = latest.filter((p): p is ImportProgress => p !== undefined);
    const sum = (get: (p: ImportProgress) => number) => known.reduce((n, p) => n + get(p), 0);
    const bytes = sum((p) => p.bytes);
    const elapsedMs = Math.max(0, ...known.map((p) => p.elapsedMs));
    return {
      files: sum((p) => p.files),
      totalFiles: files.length,
      evaluations: sum((p) => p.evaluations),
      bytes,
      totalBytes,
      elapsedMs,
      ...(bytes > 0 ? { leftMs: (elapsedMs / bytes) * (totalBytes - bytes) } : {}),
      spent: { readMs: sum((p) => p.spent.readMs), checkMs: sum((p) => p.spent.checkMs), writeMs: sum((p) => p.spent.writeMs) },
    };
  };
  const running = parts.map((part, l) =>
    startLane(
      part.map((x) => x.f),
      now,
      (p) => {
        latest[l] = p;
        onProgress(merged());
      },
    ),
  );
  const done = Promise.all(running.map((r) => r.done)).then((results): StorageResult<FileOutcome[]> => {
    const failed = results.find((r) => !r.ok);
    if (failed) return failed;
    const outcomes: FileOutcome[] = new Array(files.length);
    results.forEach((r, l) => {
      if (r.ok) r.value.forEach((o, k) => (outcomes[parts[l]![k]!.i] = o));
    });
    return { ok: true, value: outcomes };
  });
  return { done, stop: () => running.forEach((r) => r.stop()) };
}

function startLane(files: File[], now: number, onProgress: (p: ImportProgress) => void): RunningImport {
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
