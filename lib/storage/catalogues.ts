import { type CatalogueFile, type CatalogueError, type Subscription, subscriptionSchema } from '../model/catalogue';
import type { CatalogueTables, StoredCatalogue } from './catalogue-db';
import { attempt, type StorageResult } from './result';

// Subscribed catalogues (schema version 6): the subscription row says where the file comes from, when it was last
// checked, and the last failure; the catalogue row is the last good copy, replaced only by a copy that passed every
// check. Removing a subscription removes its copy in the same transaction.

export function addSubscription(db: CatalogueTables, url: string, by: Subscription['by'], now: number): Promise<StorageResult<Subscription>> {
  return attempt(() =>
    db.transaction('rw', db.subscriptions, async () => {
      const had = await db.subscriptions.get(url);
      // A policy's subscription stays the policy's; the person re-adding one keeps its history.
      const row = subscriptionSchema.parse(had ? { ...had, by: had.by === 'policy' ? 'policy' : by } : { url, by, addedAt: now });
      await db.subscriptions.put(row);
      return row;
    }),
  );
}

/** Removes the subscription and its copy; a policy's subscription is not the person's to remove. */
export function removeSubscription(db: CatalogueTables, url: string, by: Subscription['by'] = 'person'): Promise<StorageResult<boolean>> {
  return attempt(() =>
    db.transaction('rw', db.subscriptions, db.catalogues, async () => {
      const had = await db.subscriptions.get(url);
      if (!had || (had.by === 'policy' && by !== 'policy')) return false;
      await db.subscriptions.delete(url);
      await db.catalogues.delete(url);
      return true;
    }),
  );
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

/**
 * Keeps a checked copy as the subscription's; answers false (and stores nothing) when the subscription was removed
 * while the file was on its way.
 */
export function storeCatalogue(db: CatalogueTables, url: string, file: CatalogueFile, validators: Validators, now: number): Promise<StorageResult<boolean>> {
  return attempt(() =>
    db.transaction('rw', db.subscriptions, db.catalogues, async () => {
      const sub = await db.subscriptions.get(url);
      if (!sub) return false;
      await db.catalogues.put({ source: url, storedAt: now, file });
      const { error: _dropped, etag: _e, lastModified: _l, academie: _a, ...rest } = sub;
      await db.subscriptions.put({
        ...rest,
        checkedAt: now,
        updatedAt: now,
        entries: file.entries.length,
        ...(file.academie ? { academie: file.academie } : {}),
        ...(validators.etag ? { etag: validators.etag } : {}),
        ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
      });
      return true;
    }),
  );
}

/** A 304: the copy kept is current. */
export function markChecked(db: CatalogueTables, url: string, now: number): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db.subscriptions.where('url').equals(url).modify((s) => {
      s.checkedAt = now;
      delete s.error;
    });
  });
}

/** A failed refresh: said on the subscription; the copy is not touched. */
export function markFailed(db: CatalogueTables, url: string, error: CatalogueError): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db.subscriptions.where('url').equals(url).modify((s) => {
      s.error = error;
    });
  });
}

export function listSubscriptions(db: CatalogueTables): Promise<StorageResult<Subscription[]>> {
  return attempt(async () => {
    const rows = await db.subscriptions.orderBy('url').toArray();
    return rows.flatMap((r) => {
      const parsed = subscriptionSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  });
}

/** The copies kept, in the subscriptions' order (what the panel's lookup indexes). */
export function storedCatalogues(db: CatalogueTables): Promise<StorageResult<StoredCatalogue[]>> {
  return attempt(() => db.catalogues.orderBy('source').toArray());
}
