import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { groupByResource } from '../../lib/consolidate/group';
import type { Consolidation } from '../../lib/model/consolidation';
import { consolidationFor, saveConsolidation } from '../../lib/storage/consolidations';
import { LoupeDb } from '../../lib/storage/db';
import { listEvaluations, saveEvaluation } from '../../lib/storage/evaluations';
import { deleteResource, restoreResource } from '../../lib/storage/resources';
import { generateEvaluations } from '../support/evaluations';

// Deleting a resource from the dashboard: its evaluations and its referent's decision in one transaction, put back
// together by undo, on fake-indexeddb.

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-removal-test')));

/** Two resources with a few evaluations each, a decision on the first; answers the first resource's group. */
async function twoResources() {
  const evaluations = generateEvaluations(8, 5, { resources: 2, evaluators: 4 });
  for (const e of evaluations) ok(await saveEvaluation(db, e, 'done', 1));
  const [group, other] = groupByResource(evaluations);
  const decision: Consolidation = {
    resource: { url: group!.url, site: group!.site, title: group!.title },
    level: 'deconseillee',
    reason: 'Publicité',
    blocking: [],
    decidedAt: '2026-11-30T10:00:00.000Z',
    evaluationIds: group!.evaluationIds,
  };
  ok(await saveConsolidation(db, decision, { kind: 'own' }));
  return { group: group!, other: other!, all: evaluations.map((e) => e.id).sort() };
}

const storedIds = async () => ok(await listEvaluations(db)).records.map((r) => r.id).sort();
const storedAsIs = async () => ({ evaluations: await db.evaluations.toArray(), consolidations: await db.consolidations.toArray() });

describe('deleting a resource', () => {
  it('deletes its evaluations and its decision, and undo puts every one back as it was', async () => {
    const { group, other, all } = await twoResources();
    expect(group.evaluationIds.length).toBeGreaterThan(2);
    const before = await storedAsIs();
    const removed = ok(await deleteResource(db, group.evaluationIds, group.key));
    expect(removed.evaluations.map((r) => r.id).sort()).toEqual([...group.evaluationIds].sort());
    expect(removed.consolidation?.url).toBe(group.key);
    expect(await storedIds()).toEqual([...other.evaluationIds].sort());
    expect(ok(await consolidationFor(db, group.url))).toBeUndefined();

    ok(await restoreResource(db, removed));
    expect(await storedIds()).toEqual(all);
    const after = await storedAsIs();
    const byId = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(byId(after.evaluations, (r) => r.id)).toEqual(byId(before.evaluations, (r) => r.id));
    expect(after.consolidations).toEqual(before.consolidations);
  });

  it('a delete that fails half-way removes nothing: no evaluation, no decision', async () => {
    const { group, all } = await twoResources();
    const before = await storedAsIs();
    const realDelete = IDBObjectStore.prototype.delete;
    let calls = 0;
    // The second evaluation's delete fails, after the first one's has run in the same transaction.
    const del = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realDelete.apply(this, args);
    });
    const r = await deleteResource(db, group.evaluationIds, group.key);
    del.mockRestore();
    expect(calls).toBe(2);
    expect(r).toMatchObject({ ok: false, error: { kind: 'quota' } });
    expect(await storedIds()).toEqual(all);
    expect(await storedAsIs()).toEqual(before);
    expect(ok(await consolidationFor(db, group.url))?.consolidation.reason).toBe('Publicité');
  });

  it('an undo that cannot write every record writes none of them', async () => {
    const { group, other } = await twoResources();
    const removed = ok(await deleteResource(db, group.evaluationIds, group.key));
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const r = await restoreResource(db, removed);
    put.mockRestore();
    expect(r.ok).toBe(false);
    expect(await storedIds()).toEqual([...other.evaluationIds].sort());
    expect(await db.consolidations.count()).toBe(0);
    // Nothing lost: the same undo succeeds once the disk has room.
    ok(await restoreResource(db, removed));
    expect(await db.evaluations.count()).toBe(8);
    expect(await db.consolidations.count()).toBe(1);
  });
});
