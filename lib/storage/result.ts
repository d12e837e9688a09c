import { classifyStorageError, type StorageError } from './errors';

// Every storage call answers a result instead of throwing, so a page can show a clear message and keep what is on
// screen.

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

export async function attempt<T>(fn: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: classifyStorageError(error) };
  }
}
