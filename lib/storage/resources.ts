import type { LoupeDb } from './db';
import { deleteEvaluations, putEvaluations } from './evaluations';
import { storedConsolidationSchema, storedEvaluationSchema, type StoredConsolidation, type StoredEvaluation } from './record';
import { attempt, type StorageResult } from './result';

// A resource deleted from the dashboard: its evaluations and its referent's decision go together, in one
// transaction, or none of them does. Deleting them one call at a time could fail half-way (a full disk, a closed
// database) and leave a resource with some of its evaluations, its consolidation resting on ones that are gone.

export interface RemovedResource {
  evaluations: StoredEvaluation[];
  consolidation?: StoredConsolidation;
}

/** Deletes these evaluations and the decision on `url`, all or nothing; hands back what was there, for undo. */
export function deleteResource(db: LoupeDb, evaluationIds: readonly string[], url: string): Promise<StorageResult<RemovedResource>> {
  return attempt(() =>
    db.transaction('rw', db.evaluations, db.summaries, db.resources, db.consolidations, async () => {
      const evaluations: StoredEvaluation[] = [];
      for (const id of evaluationIds) {
        const row = await db.evaluations.get(id);
        if (!row) continue;
        await deleteEvaluations(db, [id]);
        evaluations.push(row);
      }
      const consolidation = await db.consolidations.get(url);
      if (consolidation) await db.consolidations.delete(url);
      return { evaluations, consolidation };
    }),
  );
}

/** Puts a deleted resource back exactly as it was, all or nothing too. */
export function restoreResource(db: LoupeDb, removed: RemovedResource): Promise<StorageResult<RemovedResource>> {
  return attempt(async () => {
    // Parsed before the transaction: a record refused by the schema writes nothing.
    const evaluations = removed.evaluations.map((r) => storedEvaluationSchema.parse(r));
    const consolidation = removed.consolidation && storedConsolidationSchema.parse(removed.consolidation);
    await db.transaction('rw', db.evaluations, db.summaries, db.resources, db.consolidations, async () => {
      await putEvaluations(db, evaluations);
      if (consolidation) await db.consolidations.put(consolidation);
    });
    return removed;
  });
}
