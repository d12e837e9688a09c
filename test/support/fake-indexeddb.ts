import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';

// Storage tests on fake-indexeddb. Each test gets a new IDBFactory: the databases of the test before it are not
// deleted one by one but left behind with their factory, so no test sees another's records, whatever names it used
// (the schema-upgrade tests open older versions of the database under the same name).

/** A new, empty IndexedDB for both the global and Dexie (Dexie keeps the factory it found on load otherwise). */
export function emptyIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
}

/**
 * Before each test: an empty IndexedDB and `open()` on it (the test keeps what `open` assigns). After each: that
 * database closed and spies restored, so a failure-injecting spy on IDBObjectStore never outlives a failed test.
 * `reset()` starts again from an empty IndexedDB within a test (a restore "on another browser").
 */
export function useFakeIndexedDb<T extends Dexie>(open: () => T): { reset: () => T } {
  let current: T | undefined;
  const start = () => {
    emptyIndexedDb();
    current = open();
    return current;
  };
  beforeEach(() => void start());
  afterEach(() => {
    current?.close();
    current = undefined;
    vi.restoreAllMocks();
  });
  return {
    reset: () => {
      current?.close();
      return start();
    },
  };
}

/** A storage call's value, or the test fails with the storage error it answered. */
export const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`storage failed: ${JSON.stringify(r.error)}`);
  return r.value;
};
