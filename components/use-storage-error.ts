import { useState } from 'preact/hooks';
import type { StorageError } from '@/lib/storage/errors';
import type { StorageResult } from '@/lib/storage/result';

/**
 * A page's last storage error, said on the page: `settle` takes a storage call's result, keeps its error (or clears
 * the one before when it succeeded) and hands back its value, so each action is one line.
 */
export function useStorageError() {
  const [error, setError] = useState<StorageError | undefined>();
  const settle = <T>(r: StorageResult<T>): T | undefined => {
    setError(r.ok ? undefined : r.error);
    return r.ok ? r.value : undefined;
  };
  return { error, settle };
}

export type Settle = ReturnType<typeof useStorageError>['settle'];
