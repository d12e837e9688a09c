import type { Consolidation } from '../model/consolidation';
import type { LoupeDb } from './db';
import { siteOf } from './evaluations';
import { storedConsolidationSchema, type RecordOrigin, type StoredConsolidation } from './record';
import { attempt, type StorageResult } from './result';
import { resourceKey } from '../net/resource';

// Referents' consolidated verdicts: one per resource, the newest decision wins (a referent revises it; an imported
// bundle older than what is here does not overwrite it).

export async function toConsolidationRecord(c: Consolidation, origin: RecordOrigin): Promise<StoredConsolidation> {
  return storedConsolidationSchema.parse({
    url: resourceKey(c.resource.url),
    site: (await siteOf(c.resource.url)) || c.resource.site,
    decidedAt: Date.parse(c.decidedAt),
    origin,
    consolidation: c,
  });
}

/** Keeps the newer of the stored decision and this one; answers the one kept. */
export function saveConsolidation(db: LoupeDb, c: Consolidation, origin: RecordOrigin): Promise<StorageResult<StoredConsolidation>> {
  return attempt(async () => {
    const record = await toConsolidationRecord(c, origin);
    return db.transaction('rw', db.consolidations, async () => {
      const existing = await db.consolidations.get(record.url);
      if (existing && existing.decidedAt > record.decidedAt) return existing;
      await db.consolidations.put(record);
      return record;
    });
  });
}

/** The referent's verdict on the resource at this address, if any (records the schema refuses are ignored). */
export function consolidationFor(db: LoupeDb, resourceUrl: string): Promise<StorageResult<StoredConsolidation | undefined>> {
  return attempt(async () => {
    const parsed = storedConsolidationSchema.safeParse(await db.consolidations.get(resourceKey(resourceUrl)));
    return parsed.success ? parsed.data : undefined;
  });
}

export function listConsolidations(db: LoupeDb): Promise<StorageResult<StoredConsolidation[]>> {
  return attempt(async () => {
    const rows = await db.consolidations.orderBy('decidedAt').reverse().toArray();
    return rows.flatMap((r) => {
      const parsed = storedConsolidationSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  });
}

/** Deletes a decision and hands it back, so the page can offer to undo (put it back with `restoreConsolidation`). */
export function deleteConsolidation(db: LoupeDb, url: string): Promise<StorageResult<StoredConsolidation | undefined>> {
  return attempt(() =>
    db.transaction('rw', db.consolidations, async () => {
      const row = await db.consolidations.get(url);
      await db.consolidations.delete(url);
      return row;
    }),
  );
}

export function restoreConsolidation(db: LoupeDb, record: StoredConsolidation): Promise<StorageResult<StoredConsolidation>> {
  return attempt(async () => {
    await db.consolidations.put(storedConsolidationSchema.parse(record));
    return record;
  });
}
