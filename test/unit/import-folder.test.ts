import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { toExportFile } from '../../lib/export/export-file';
import { importFolder, type FolderFile } from '../../lib/import/folder';
import { LoupeDb } from '../../lib/storage/db';
import { listEvaluations } from '../../lib/storage/evaluations';
import { generateEvaluations } from '../support/evaluations';

// A synced folder imported again and again: only new or changed export files are read, each all or nothing; a refused
// file is tried again next time, the sync client's hidden files and other files are left alone.

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-folder-test')));

const evals = generateEvaluations(8, 5);
const fileOf = (list: typeof evals) => JSON.stringify(toExportFile(list, { now: 0, version: 'test' }));
const file = (path: string, text: string, lastModified = 1000) => {
  const read = vi.fn(async () => text);
  return { f: { path, size: text.length, lastModified, text: read } satisfies FolderFile, read };
};
const count = async () => ok(await listEvaluations(db)).records.length;

describe('importing a folder', () => {
  it('takes only the files not imported yet, retries a refused one, and reads a replaced file again', async () => {
    const a = file('Évaluations/a.json', fileOf(evals.slice(0, 3)));
    const broken = file('Évaluations/collègue/b.json', '{"format":');
    const lock = file('Évaluations/.~lock.a.json#', 'x');
    const sync = file('Évaluations/.sync/state.json', '{}');
    const notes = file('Évaluations/notes.txt', 'x');
    const first = ok(await importFolder(db, [a.f, broken.f, lock.f, sync.f, notes.f], 10));
    expect(first.known).toBe(0);
    expect(first.ignored).toBe(3);
    expect(first.outcomes.map((o) => [o.fileName, o.ok, o.added])).toEqual([
      ['Évaluations/a.json', true, 3],
      ['Évaluations/collègue/b.json', false, 0],
    ]);
    expect(lock.read).not.toHaveBeenCalled();
    expect(await count()).toBe(3);

    // Again, with the broken file fixed by its author and a new one: a.json is not read again.
    a.read.mockClear();
    const fixed = file('Évaluations/collègue/b.json', fileOf(evals.slice(3, 5)), 2000);
    const c = file('Évaluations/c.json', fileOf(evals.slice(5)));
    const second = ok(await importFolder(db, [a.f, fixed.f, c.f], 20));
    expect(a.read).not.toHaveBeenCalled();
    expect(second.known).toBe(1);
    expect(second.outcomes.map((o) => [o.fileName, o.ok, o.added])).toEqual([
      ['Évaluations/collègue/b.json', true, 2],
      ['Évaluations/c.json', true, 3],
    ]);
    expect(await count()).toBe(8);

    // Nothing new: nothing read.
    const third = ok(await importFolder(db, [a.f, fixed.f, c.f], 30));
    expect(third).toEqual({ known: 3, ignored: 0, outcomes: [] });

    // A file replaced by a newer export (same path, other size and date) is read again; what it held already is a duplicate.
    const replaced = file('Évaluations/a.json', fileOf(evals.slice(0, 4)), 3000);
    const fourth = ok(await importFolder(db, [replaced.f, fixed.f, c.f], 40));
    expect(replaced.read).toHaveBeenCalledOnce();
    expect(fourth.outcomes.map((o) => [o.fileName, o.added, o.duplicates])).toEqual([['Évaluations/a.json', 0, 4]]);
  });

  it('marks nothing read when the write fails: the next import takes the same files', async () => {
    const a = file('d/a.json', fileOf(evals.slice(0, 2)));
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'importedFiles') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    expect((await importFolder(db, [a.f], 10)).ok).toBe(false);
    spy.mockRestore();
    expect(await count()).toBe(0);
    expect(ok(await importFolder(db, [a.f], 20)).outcomes.map((o) => o.added)).toEqual([2]);
  });
});
