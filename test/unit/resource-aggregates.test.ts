import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { groupByResource } from '../../lib/consolidate/group';
import { toExportFile } from '../../lib/export/export-file';
import { importFiles } from '../../lib/import/import-files';
import { LoupeDb } from '../../lib/storage/db';
import { deleteEvaluation, duplicateEvaluation, listSummaries, restoreEvaluation, saveEvaluation } from '../../lib/storage/evaluations';
import { firstScreen } from '../../lib/storage/first-screen';
import { aggregatesOf, gradedOf, isCurrentSummary, type ResourceAggregate } from '../../lib/storage/read-model';
import { deleteResource, restoreResource } from '../../lib/storage/resources';
import { generateEvaluations } from '../support/evaluations';
import { FIXTURE_V5, writeV5 } from '../helpers/storage-v5';

// The per-resource aggregate table (schema version 6): filled from the summaries by the upgrade, kept equal to what
// the summaries say after every write path, and enough to paint the dashboard's first screen as the whole list does.

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-aggregates')));

const byKey = (a: ResourceAggregate, b: ResourceAggregate) => (a.key < b.key ? -1 : 1);

/** The table equals the aggregates of every current summary: nothing missing, nothing stale, nothing left over. */
async function expectAggregatesFollowSummaries(): Promise<ResourceAggregate[]> {
  const expected = aggregatesOf((await db.summaries.toArray()).filter(isCurrentSummary)).sort(byKey);
  const stored = (await db.resources.toArray()).sort(byKey);
  expect(stored).toEqual(expected);
  return stored;
}


describe('schema upgrade from version 5', () => {
  it('adds one aggregate per resource with finished evaluations, drafts left out, and changes nothing else', async () => {
    await writeV5('loupe-aggregates');

    await db.open();
    expect(db.verno).toBe(6);
    // Every record kept (with its data kinds added): test/unit/storage.test.ts, schema upgrade from version 5.
    const stored = await expectAggregatesFollowSummaries();
    // The fixture has drafts (one beside a finished evaluation of its resource) and a resource with four finished.
    const done = FIXTURE_V5.summaries.filter((s) => s.status === 'done');
    expect(done.length).toBeLessThan(FIXTURE_V5.summaries.length);
    expect(stored.reduce((n, a) => n + a.ids.length, 0)).toBe(done.length);
    expect(stored.find((a) => a.key === 'editeur-0.fr/code/0')).toEqual({ key: 'editeur-0.fr/code/0', last: Date.parse('2025-11-19T14:10:52.000Z'), ids: ['gen-21-000000', 'gen-21-000001', 'gen-21-000002', 'gen-55-v5'] });
    expect(stored.find((a) => a.key === 'editeur-exemple.fr/ressource')?.ids).toEqual(['v1-eval-0001']);
    expect(new Set(stored.map((a) => a.key))).toEqual(new Set(done.map((s) => s.url)));
  });

  it('leaves a version 5 database as it was when the upgrade cannot finish', async () => {
    await writeV5('loupe-aggregates', ['evaluations', 'summaries']);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(db.open()).rejects.toThrow();
    put.mockRestore();
    db.close();
    const again = new Dexie('loupe-aggregates');
    await again.open();
    expect(again.verno).toBe(5);
    expect(await again.table('evaluations').count()).toBe(FIXTURE_V5.evaluations.length);
    again.close();
  });
});

describe('every write path keeps the aggregates', () => {
  it('saves, address changes, drafts, deletes, undo, duplicates, imports, resource removal and summary rebuilds', async () => {
    const evs = generateEvaluations(12, 31, { resources: 4, evaluators: 3 });
    for (const e of evs.slice(0, 4)) ok(await saveEvaluation(db, e, 'done', 1));
    await expectAggregatesFollowSummaries();
    // A draft counts for nothing; marked done, it counts.
    ok(await saveEvaluation(db, evs[4]!, 'draft', 2));
    await expectAggregatesFollowSummaries();
    ok(await saveEvaluation(db, evs[4]!, 'done', 3));
    await expectAggregatesFollowSummaries();
    // Its address edited: it leaves its old resource for another.
    ok(await saveEvaluation(db, { ...evs[4]!, resource: { ...evs[4]!.resource, url: 'https://ailleurs.example/nouvelle' } }, 'done', 4));
    const moved = await expectAggregatesFollowSummaries();
    expect(moved.find((a) => a.key === 'ailleurs.example/nouvelle')?.ids).toEqual([evs[4]!.id]);
    const removed = ok(await deleteEvaluation(db, evs[4]!.id))!;
    expect((await expectAggregatesFollowSummaries()).some((a) => a.key === 'ailleurs.example/nouvelle')).toBe(false);
    ok(await restoreEvaluation(db, removed));
    await expectAggregatesFollowSummaries();
    ok(await duplicateEvaluation(db, evs[0]!.id, 'copie-0001', 5));
    await expectAggregatesFollowSummaries();
    ok(await importFiles(db, [{ name: 'a.json', size: 1, text: async () => JSON.stringify(toExportFile(evs.slice(5), { now: 0, version: 't' })) }], 6));
    await expectAggregatesFollowSummaries();
    const key = (await db.evaluations.get(evs[0]!.id))!.url;
    const ids = (await db.evaluations.where('url').equals(key).toArray()).map((r) => r.id);
    const gone = ok(await deleteResource(db, ids, key));
    expect((await expectAggregatesFollowSummaries()).some((a) => a.key === key)).toBe(false);
    ok(await restoreResource(db, gone));
    await expectAggregatesFollowSummaries();
    // Summaries lost (an older build's database): rebuilt on reading, their resources with them.
    await db.transaction('rw', db.summaries, db.resources, async () => {
      await db.summaries.clear();
      await db.resources.clear();
    });
    ok(await listSummaries(db));
    expect((await expectAggregatesFollowSummaries()).length).toBeGreaterThan(0);
  });

  it('refuses a write path that forgets the table: no transaction writes summaries without it', async () => {
    const [e] = generateEvaluations(1, 32);
    const { putEvaluations } = await import('../../lib/storage/evaluations');
    const record = (await import('../../lib/storage/evaluations')).toRecord(e!, 'done', 1);
    await expect(db.transaction('rw', db.evaluations, db.summaries, async () => putEvaluations(db, [await record]))).rejects.toThrow();
    expect(await db.evaluations.count()).toBe(0);
  });
});

describe('the first screen', () => {
  it('shows the same first rows as the whole list, from the newest resources and their evaluations only', async () => {
    const evs = generateEvaluations(60, 33, { resources: 25, evaluators: 6 });
    ok(await importFiles(db, [{ name: 'a.json', size: 1, text: async () => JSON.stringify(toExportFile(evs, { now: 0, version: 't' })) }], 1));
    const whole = groupByResource(ok(await listSummaries(db)).summaries.filter((s) => s.status === 'done').map(gradedOf));
    const first = ok(await firstScreen(db, 10));
    expect(first.resources).toBe(whole.length);
    const rows = groupByResource(first.summaries.map(gradedOf));
    expect(rows.slice(0, 10).map((g) => [g.key, g.evaluations, g.evaluators, g.verdicts])).toEqual(whole.slice(0, 10).map((g) => [g.key, g.evaluations, g.evaluators, g.verdicts]));
    // It read the evaluations of those resources, not all of them.
    expect(first.summaries.length).toBeLessThan(evs.length);
  });
});
