import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toExportFile } from '../../lib/export/export-file';
import type { Consolidation } from '../../lib/model/consolidation';
import type { Evaluation } from '../../lib/detectors/finding';
import { backupFile, restoreBackup } from '../../lib/import/backup';
import { importFiles, type ImportProgress, type ImportSource } from '../../lib/import/import-files';
import { hasMessage } from '../../lib/i18n/messages';
import { listConsolidations } from '../../lib/storage/consolidations';
import { LoupeDb } from '../../lib/storage/db';
import { getEvaluation, listEvaluations, listSummaries, saveEvaluation } from '../../lib/storage/evaluations';
import { generateEvaluations } from '../support/evaluations';

// Importing colleagues' files into the dashboard, on fake-indexeddb: each file all or nothing, good files together in
// one transaction, duplicates recognised, hostile content stored as inert text.

const V1 = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8');

let db: LoupeDb;
const fake = useFakeIndexedDb(() => (db = new LoupeDb('loupe-import-test')));

const source = (name: string, text: string, size = text.length): ImportSource & { read: ReturnType<typeof vi.fn> } => {
  const read = vi.fn(async () => text);
  return { name, size, text: read, read };
};
const fileOf = (evaluations: Evaluation[], consolidations: Consolidation[] = []) =>
  JSON.stringify({ ...toExportFile(evaluations, { now: 0, version: 'test' }), ...(consolidations.length ? { consolidations } : {}) });
const ids = async () => ok(await listEvaluations(db)).records.map((r) => r.id).sort();

describe('importing many files', () => {
  it('names a bad file with its reason, imports the good ones, and adds nothing of the bad one', async () => {
    const good = generateEvaluations(6, 3);
    const outcomes = ok(
      await importFiles(db, [source('a.json', fileOf(good.slice(0, 3))), source('broken.json', '{"format":'), source('b.json', fileOf(good.slice(3)))], 1000),
    );
    expect(outcomes.map((o) => [o.fileName, o.ok, o.added])).toEqual([
      ['a.json', true, 3],
      ['broken.json', false, 0],
      ['b.json', true, 3],
    ]);
    expect(outcomes[1]!.messageKey).toBe('import_notJson');
    expect(await ids()).toEqual(good.map((e) => e.id).sort());
    const r = ok(await getEvaluation(db, good[0]!.id))!;
    expect(r.origin).toEqual({ kind: 'imported', importedAt: 1000, fileName: 'a.json' });
    expect(r.status).toBe('done');
  });

  it('refuses a file that is not Loupe, a newer version, or has an invalid field', async () => {
    const [e] = generateEvaluations(1, 4);
    const bad = { ...JSON.parse(fileOf([e!])), evaluations: [{ ...e, inspectedAt: 'yesterday' }] };
    const outcomes = ok(
      await importFiles(db, [source('x.json', '{"hello":1}'), source('new.json', JSON.stringify({ format: 'loupe-evaluations', version: 99 })), source('f.json', JSON.stringify(bad))], 1),
    );
    expect(outcomes.map((o) => o.messageKey)).toEqual(['import_invalid', 'import_newerVersion', 'import_invalid']);
    expect(outcomes[2]!.params![0]).toContain('inspectedAt');
    expect(await ids()).toEqual([]);
  });

  it('recognises evaluations already present and keeps the person’s own record', async () => {
    const evs = generateEvaluations(4, 5);
    ok(await saveEvaluation(db, { ...evs[0]!, resource: { ...evs[0]!.resource, title: 'Mine' } }, 'done', 5));
    const first = ok(await importFiles(db, [source('a.json', fileOf(evs))], 10));
    expect(first[0]).toMatchObject({ added: 3, duplicates: 1 });
    const again = ok(await importFiles(db, [source('a-copy.json', fileOf(evs))], 20));
    expect(again[0]).toMatchObject({ ok: true, added: 0, duplicates: 4 });
    expect(await ids()).toHaveLength(4);
    const mine = ok(await getEvaluation(db, evs[0]!.id))!;
    expect(mine.title).toBe('Mine');
    expect(mine.origin).toBeUndefined();
  });

  it('adds an evaluation twice in a file once, and keeps the summary of one already here', async () => {
    const evs = generateEvaluations(3, 15);
    ok(await saveEvaluation(db, { ...evs[2]!, resource: { ...evs[2]!.resource, title: 'Mine' } }, 'done', 5));
    const outcomes = ok(await importFiles(db, [source('a.json', fileOf([evs[0]!, evs[1]!, evs[0]!, evs[2]!]))], 10));
    expect(outcomes[0]).toMatchObject({ ok: true, added: 2, duplicates: 2 });
    expect(await ids()).toEqual(evs.map((e) => e.id).sort());
    const summaries = ok(await listSummaries(db)).summaries;
    expect(summaries.map((s) => [s.id, s.title, s.origin?.kind]).sort()).toEqual(
      [
        [evs[0]!.id, evs[0]!.resource.title, 'imported'],
        [evs[1]!.id, evs[1]!.resource.title, 'imported'],
        [evs[2]!.id, 'Mine', undefined],
      ].sort(),
    );
  });

  it('migrates a version 1 file', async () => {
    const outcomes = ok(await importFiles(db, [source('v1-demo.json', V1)], 1));
    expect(outcomes[0]).toMatchObject({ ok: true, added: JSON.parse(V1).evaluations.length });
    expect(await ids()).toEqual(JSON.parse(V1).evaluations.map((e: { id: string }) => e.id).sort());
  });

  it('refuses a 30 MB file before reading it', async () => {
    const big = source('huge.json', '{}', 30 * 1024 * 1024);
    const outcomes = ok(await importFiles(db, [big], 1));
    expect(outcomes[0]).toMatchObject({ ok: false, messageKey: 'import_tooLarge' });
    expect(big.read).not.toHaveBeenCalled();
    expect(hasMessage('import_tooLarge', 'fr') && hasMessage('import_tooLarge', 'en')).toBe(true);
  });

  it('keeps __proto__ and constructor keys from polluting anything', async () => {
    const [e] = generateEvaluations(1, 6);
    const text = fileOf([e!]).replace('"evaluations":', '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"evaluations":');
    expect(text).toContain('__proto__');
    const outcomes = ok(await importFiles(db, [source('proto.json', text)], 1));
    expect(outcomes[0]!.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await ids()).toEqual([e!.id]);
  });

  it('stores script tags, javascript: URLs, bidi and zero-width characters as inert text', async () => {
    const [e] = generateEvaluations(1, 7);
    const title = '<script>alert(1)</script>\u202Egnp.exe\u200B<img src=x onerror=alert(2)>';
    const hostile = { ...e!, resource: { ...e!.resource, title }, notes: 'javascript:alert(3)' } as Evaluation;
    ok(await importFiles(db, [source('hostile.json', fileOf([hostile]))], 1));
    const r = ok(await getEvaluation(db, e!.id))!;
    expect(r.title).toBe(title);
    expect(r.evaluation.resource.title).toBe(title);
  });

  it('a failing write leaves the database unchanged', async () => {
    const [mine] = generateEvaluations(1, 8);
    ok(await saveEvaluation(db, mine!, 'done', 1));
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    // The third record fails: the two before it must not stay.
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const r = await importFiles(db, [source('a.json', fileOf(generateEvaluations(5, 9)))], 2);
    add.mockRestore();
    expect(calls).toBe(3);
    expect(r.ok).toBe(false);
    expect(await ids()).toEqual([mine!.id]);
  });
});

describe('one transaction per file, progress and stop', () => {
  it('keeps a file written before a failing one whole, and adds nothing of the failing file', async () => {
    const evs = generateEvaluations(6, 11);
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    // The fifth record is the second file's second: the first file (3 records) is committed by then.
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (++calls === 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const r = await importFiles(db, [source('a.json', fileOf(evs.slice(0, 3))), source('b.json', fileOf(evs.slice(3)))], 2);
    add.mockRestore();
    expect(r.ok).toBe(false);
    expect(await ids()).toEqual(evs.slice(0, 3).map((e) => e.id).sort());
  });

  it('says after each file how many files and evaluations are done and the time left', async () => {
    const evs = generateEvaluations(6, 12);
    const files = [source('a.json', fileOf(evs.slice(0, 2))), source('b.json', fileOf(evs.slice(2, 6))), source('bad.json', '{')];
    let now = 0;
    const seen: ImportProgress[] = [];
    ok(await importFiles(db, files, 1, { onProgress: (p) => seen.push(p), clock: () => (now += 100) }));
    expect(seen.map((p) => [p.files, p.totalFiles, p.evaluations])).toEqual([
      [1, 3, 2],
      [2, 3, 6],
      [3, 3, 6],
    ]);
    const total = files.reduce((n, f) => n + f.size, 0);
    expect(seen[0]!.totalBytes).toBe(total);
    // The time left follows from the time taken by the bytes done so far.
    expect(seen[0]!.elapsedMs).toBeGreaterThan(0);
    expect(seen[0]!.leftMs).toBeCloseTo((seen[0]!.elapsedMs / files[0]!.size) * (total - files[0]!.size));
    expect(seen[2]!.leftMs).toBe(0);
    // Where the time went: reading, parsing with the check, writing, each counted, within the time taken.
    const { readMs, checkMs, writeMs } = seen[2]!.spent;
    expect(readMs > 0 && checkMs > 0 && writeMs > 0).toBe(true);
    expect(readMs + checkMs + writeMs).toBeLessThanOrEqual(seen[2]!.elapsedMs);
  });

  it('a stop between files keeps the files done and leaves the others wholly out', async () => {
    const evs = generateEvaluations(6, 13);
    let done = 0;
    const outcomes = ok(
      await importFiles(db, [source('a.json', fileOf(evs.slice(0, 3))), source('b.json', fileOf(evs.slice(3)))], 1, {
        onProgress: () => done++,
        stopped: () => done >= 1,
      }),
    );
    expect(outcomes.map((o) => [o.fileName, o.ok, o.added, o.messageKey])).toEqual([
      ['a.json', true, 3, undefined],
      ['b.json', false, 0, 'import_stopped'],
    ]);
    expect(await ids()).toEqual(evs.slice(0, 3).map((e) => e.id).sort());
    expect(hasMessage('import_stopped', 'fr') && hasMessage('import_stopped', 'en')).toBe(true);
  });

  it('a stop asked while a file is being written adds nothing of that file', async () => {
    const evs = generateEvaluations(3, 14);
    let asked = 0;
    // Asked before the file, before its write, then inside its transaction once written: stopped there.
    const outcomes = ok(await importFiles(db, [source('a.json', fileOf(evs))], 1, { stopped: () => ++asked >= 3 }));
    expect(asked).toBe(3);
    expect(outcomes[0]).toMatchObject({ ok: false, added: 0, messageKey: 'import_stopped' });
    expect(await ids()).toEqual([]);
    expect(ok(await listSummaries(db)).summaries).toEqual([]);
  });
});

describe('backup and restore', () => {
  it('backs up every evaluation and consolidation, and restores them into an empty database', async () => {
    const evs = generateEvaluations(5, 10);
    const c: Consolidation = {
      resource: evs[0]!.resource,
      level: 'recommandee',
      reason: 'Vu en conseil pédagogique',
      blocking: [],
      decidedAt: '2026-11-30T10:00:00.000Z',
      evaluationIds: [evs[0]!.id],
    } as Consolidation;
    ok(await importFiles(db, [source('a.json', fileOf(evs, [c]))], 1));
    const backup = ok(await backupFile(db, 2, 'test'));
    expect(backup.evaluations).toHaveLength(5);
    expect(backup.consolidations).toHaveLength(1);
    fake.reset();
    const outcomes = ok(await restoreBackup(db, source('sauvegarde.json', JSON.stringify(backup)), 3));
    expect(outcomes[0]).toMatchObject({ ok: true, added: 5, consolidations: 1 });
    expect(await ids()).toEqual(evs.map((e) => e.id).sort());
    expect(ok(await listConsolidations(db))).toHaveLength(1);
  });
});
