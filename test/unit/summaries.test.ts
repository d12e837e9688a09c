import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { filterEvaluations, indexEvaluations } from '../../lib/consolidate/filter';
import { groupByResource } from '../../lib/consolidate/group';
import { consolidateResource } from '../../lib/consolidate/resource';
import { consolidatedCsv } from '../../lib/dashboard/consolidated-csv';
import { toExportFile } from '../../lib/export/export-file';
import type { Evaluation } from '../../lib/detectors/finding';
import { backupFile, restoreBackup } from '../../lib/import/backup';
import { importFiles, type ImportSource } from '../../lib/import/import-files';
import { LoupeDb } from '../../lib/storage/db';
import { deleteEvaluation, duplicateEvaluation, listSummaries, restoreEvaluation, saveEvaluation, SUMMARY_PAGE } from '../../lib/storage/evaluations';
import { deleteResource, restoreResource } from '../../lib/storage/resources';
import { gradedOf, SUMMARY_VERSION, summaryOf } from '../../lib/storage/read-model';
import type { StoredEvaluation } from '../../lib/storage/record';
import { generateEvaluations } from '../support/evaluations';

// The summaries table (schema version 4) kept in step with `evaluations` by every write path, in the same
// transaction: a write that fails leaves neither. On fake-indexeddb.

let db: LoupeDb;
const fake = useFakeIndexedDb(() => (db = new LoupeDb('loupe-summaries-test')));

/** Every evaluation has the summary of what it holds now, and no summary is left without its evaluation. */
async function expectInStep(): Promise<number> {
  const records = await db.evaluations.toArray();
  const summaries = await db.summaries.toArray();
  expect(summaries.map((s) => s.id).sort()).toEqual(records.map((r) => r.id).sort());
  for (const r of records) expect(summaries.find((s) => s.id === r.id)).toEqual(summaryOf(r));
  return records.length;
}

const source = (name: string, text: string): ImportSource => ({ name, size: text.length, text: async () => text });
const fileOf = (evaluations: Evaluation[]) => JSON.stringify(toExportFile(evaluations, { now: 0, version: 'test' }));

/** Makes every write of one method on one object store fail, as a full disk would. */
function failOn(store: string, method: 'put' | 'add' | 'delete') {
  const original = IDBObjectStore.prototype[method] as (...a: unknown[]) => IDBRequest;
  return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
    if (this.name === store) throw new DOMException('disk full', 'QuotaExceededError');
    return original.apply(this, args);
  } as never);
}

/** Two evaluations of one resource, each with a verdict. */
const two = () => generateEvaluations(12, 31, { resources: 1, evaluators: 2 }).filter((e) => e.verdict).slice(0, 2) as [Evaluation, Evaluation];

describe('summaries follow every write of an evaluation', () => {
  it('saving (side panel, grid): a new evaluation, then each change of it', async () => {
    const [e] = two();
    ok(await saveEvaluation(db, { ...e, verdict: undefined }, 'draft', 1000));
    expect(await expectInStep()).toBe(1);
    expect((await db.summaries.get(e.id))!).toMatchObject({ status: 'draft', verdict: '', updatedAt: 1000 });
    ok(await saveEvaluation(db, e, 'done', 2000));
    await expectInStep();
    expect((await db.summaries.get(e.id))!).toMatchObject({ status: 'done', verdict: e.verdict!.level, updatedAt: 2000, createdAt: 1000, v: SUMMARY_VERSION });
  });

  it('deleting an evaluation, undo, and duplicating it', async () => {
    const [e, f] = two();
    ok(await saveEvaluation(db, e, 'done', 1));
    ok(await saveEvaluation(db, f, 'done', 2));
    const gone = ok(await deleteEvaluation(db, e.id))!;
    expect(await expectInStep()).toBe(1);
    expect(await db.summaries.get(e.id)).toBeUndefined();
    ok(await restoreEvaluation(db, gone));
    expect(await expectInStep()).toBe(2);
    ok(await duplicateEvaluation(db, f.id, 'copy-of-f-0001', 3));
    expect(await expectInStep()).toBe(3);
    expect((await db.summaries.get('copy-of-f-0001'))!).toMatchObject({ status: 'draft', updatedAt: 3 });
  });

  it('deleting a resource from the dashboard, and undo', async () => {
    const evaluations = generateEvaluations(6, 32, { resources: 2, evaluators: 3 });
    for (const e of evaluations) ok(await saveEvaluation(db, e, 'done', 1));
    const [group] = groupByResource(evaluations);
    const removed = ok(await deleteResource(db, group!.evaluationIds, group!.key));
    expect(await expectInStep()).toBe(6 - group!.evaluationIds.length);
    ok(await restoreResource(db, removed));
    expect(await expectInStep()).toBe(6);
  });

  it('importing files: added ones get their summary, a duplicate leaves the one here as it is', async () => {
    const evaluations = generateEvaluations(5, 33);
    ok(await saveEvaluation(db, evaluations[0]!, 'draft', 1));
    const before = await db.summaries.get(evaluations[0]!.id);
    const outcomes = ok(await importFiles(db, [source('a.json', fileOf(evaluations))], 50));
    expect(outcomes[0]).toMatchObject({ added: 4, duplicates: 1 });
    expect(await expectInStep()).toBe(5);
    expect(await db.summaries.get(evaluations[0]!.id)).toEqual(before);
    expect((await db.summaries.get(evaluations[1]!.id))!.origin).toEqual({ kind: 'imported', importedAt: 50, fileName: 'a.json' });
  });

  it('restoring a backup on another browser', async () => {
    for (const e of generateEvaluations(4, 34)) ok(await saveEvaluation(db, e, 'done', 1));
    const file = ok(await backupFile(db, 10, 'test'));
    fake.reset();
    db = new LoupeDb('loupe-summaries-test');
    ok(await restoreBackup(db, source('backup.json', JSON.stringify(file)), 20));
    expect(await expectInStep()).toBe(4);
  });
});

describe('all or nothing', () => {
  it('a save whose summary cannot be written writes no evaluation either, and the other way round', async () => {
    const [e, f] = two();
    ok(await saveEvaluation(db, e, 'done', 1));
    failOn('summaries', 'put');
    expect((await saveEvaluation(db, f, 'done', 2)).ok).toBe(false);
    expect((await saveEvaluation(db, { ...e, verdict: undefined }, 'done', 3)).ok).toBe(false);
    vi.restoreAllMocks();
    expect(await db.evaluations.get(f.id)).toBeUndefined();
    expect((await db.evaluations.get(e.id))!.updatedAt).toBe(1);
    await expectInStep();
    failOn('evaluations', 'put');
    expect((await saveEvaluation(db, f, 'done', 4)).ok).toBe(false);
    vi.restoreAllMocks();
    expect(await expectInStep()).toBe(1);
  });

  it('an import whose summaries cannot be written adds nothing', async () => {
    failOn('summaries', 'put');
    const r = await importFiles(db, [source('a.json', fileOf(generateEvaluations(3, 35)))], 1);
    vi.restoreAllMocks();
    expect(r.ok).toBe(false);
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
  });

  it('a delete or an undo that fails half-way leaves the evaluations and their summaries as they were', async () => {
    const evaluations = generateEvaluations(4, 36, { resources: 1, evaluators: 2 });
    for (const e of evaluations) ok(await saveEvaluation(db, e, 'done', 1));
    const before = await db.summaries.toArray();
    failOn('summaries', 'delete');
    expect((await deleteEvaluation(db, evaluations[0]!.id)).ok).toBe(false);
    expect((await deleteResource(db, evaluations.map((e) => e.id), 'x')).ok).toBe(false);
    vi.restoreAllMocks();
    expect(await expectInStep()).toBe(4);
    expect(await db.summaries.toArray()).toEqual(before);
    const removed = ok(await deleteResource(db, evaluations.map((e) => e.id), 'x'));
    failOn('summaries', 'put');
    expect((await restoreResource(db, removed)).ok).toBe(false);
    vi.restoreAllMocks();
    expect(await expectInStep()).toBe(0);
  });
});

describe('reading summaries for the dashboard', () => {
  it('rebuilds a missing, damaged or older-version summary from its evaluation, and never shows an orphan', async () => {
    const evaluations = generateEvaluations(5, 37);
    for (const [i, e] of evaluations.entries()) ok(await saveEvaluation(db, e, 'done', 10 - i));
    const [a, b, c] = evaluations as [Evaluation, Evaluation, Evaluation];
    // As an older build, or a write that went round lib/storage, would leave them.
    await db.summaries.delete(a.id);
    await db.summaries.put({ ...(await db.summaries.get(b.id))!, resource: undefined } as never);
    await db.summaries.update(c.id, { v: (SUMMARY_VERSION - 1) as never });
    await db.summaries.put({ ...(await db.summaries.get(c.id))!, id: 'orphan-0001', v: SUMMARY_VERSION });

    const listing = ok(await listSummaries(db));
    expect(listing.rebuilt).toBe(3);
    expect(listing.unreadable).toBe(0);
    expect(listing.summaries.map((s) => s.id).sort()).toEqual(evaluations.map((e) => e.id).sort());
    expect(listing.summaries.find((x) => x.id === b.id)!.resource).toEqual(b.resource);
    // Most recently changed first, rebuilt ones among the others.
    expect(listing.summaries.map((x) => x.id)).toEqual(evaluations.map((e) => e.id));
    // Written back: the next read rebuilds nothing.
    await db.summaries.delete('orphan-0001');
    expect(await expectInStep()).toBe(5);
    expect(ok(await listSummaries(db)).rebuilt).toBe(0);
  });

  it('reads every summary past one page of the read, a stale one on a page boundary rebuilt', async () => {
    // Read per page (SUMMARY_PAGE) so that the dashboard's thread is never held for the whole table at once.
    const n = SUMMARY_PAGE * 2 + 3;
    const evaluations = generateEvaluations(n, 39);
    const files = Array.from({ length: Math.ceil(n / 500) }, (_, i) => source(`${i}.json`, fileOf(evaluations.slice(i * 500, (i + 1) * 500))));
    ok(await importFiles(db, files, 1));
    const ids = (await db.summaries.toCollection().primaryKeys()).sort();
    expect(ids.length).toBe(n);
    // The last summary of the first page, as an older build would have left it.
    await db.summaries.update(ids[SUMMARY_PAGE - 1]!, { v: (SUMMARY_VERSION - 1) as never });
    const listing = ok(await listSummaries(db));
    expect(listing.summaries.length).toBe(n);
    expect(new Set(listing.summaries.map((s) => s.id)).size).toBe(n);
    expect(listing.rebuilt).toBe(1);
  });

  it('counts an evaluation the schema refuses as unreadable, without a summary, and keeps it in the database', async () => {
    const [e] = two();
    ok(await saveEvaluation(db, e, 'done', 1));
    const broken = { ...(await db.evaluations.get(e.id))!, status: 'lost' } as unknown as StoredEvaluation;
    await db.evaluations.put(broken);
    await db.summaries.clear();
    const listing = ok(await listSummaries(db));
    expect(listing).toMatchObject({ summaries: [], unreadable: 1 });
    expect(await db.evaluations.count()).toBe(1);
  });
});

describe('the dashboard on summaries', () => {
  it('lists, filters, groups, rates agreement and exports the CSV exactly as on whole evaluations', async () => {
    const evaluations = generateEvaluations(300, 38, { resources: 40, evaluators: 12 });
    ok(await importFiles(db, [source('a.json', fileOf(evaluations))], 1));
    const graded = ok(await listSummaries(db)).summaries.map(gradedOf);
    const whole = (await db.evaluations.orderBy('updatedAt').reverse().toArray()).map((r) => r.evaluation as Evaluation);
    const filters = [{}, { query: 'geometrie' }, { verdict: 'deconseillee' as const }, { level: 'cycle3' as const }, { subject: 'math' }, { since: Date.parse('2024-06-01') }];
    for (const f of filters) {
      const a = groupByResource(filterEvaluations(indexEvaluations(graded), f));
      const b = groupByResource(filterEvaluations(indexEvaluations(whole), f));
      expect(a).toEqual(b);
      expect(a.length, JSON.stringify(f)).toBeGreaterThan(0);
    }
    const groups = groupByResource(whole);
    const byGraded = new Map(graded.map((e) => [e.id, e]));
    const byWhole = new Map(whole.map((e) => [e.id, e]));
    for (const g of groups) {
      const a = consolidateResource(g.evaluationIds.map((id) => byGraded.get(id)!));
      const b = consolidateResource(g.evaluationIds.map((id) => byWhole.get(id)!));
      expect(a.agreement).toEqual(b.agreement);
      expect(a.blocking).toEqual(b.blocking);
      expect(a.spreads).toEqual(b.spreads);
    }
    expect(consolidatedCsv(groups, byGraded, new Map())).toBe(consolidatedCsv(groups, byWhole, new Map()));
  });
});
