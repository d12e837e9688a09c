import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The latest answer of a database read, read again whenever a write (from this page, another page of the extension or
 * its import worker) touches what it read: Dexie's liveQuery as a Preact hook, since dexie-react-hooks is written for
 * React. `undefined` until the first answer. The read answers a StorageResult (lib/storage/result.ts) rather than
 * throwing; it must not write (Dexie refuses a write inside a liveQuery). No read (`undefined`): the query is paused,
 * and its last answer kept.
 */
export function useLiveQuery<T>(read: (() => Promise<T>) | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!read) return;
    const subscription = liveQuery(read).subscribe({ next: (v) => setValue(() => v) });
    return () => subscription.unsubscribe();
    // `read` is a new function at every render: its inputs are `deps`.
  }, deps);
  return value;
}
