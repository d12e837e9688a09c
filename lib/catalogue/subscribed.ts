import { listSubscriptions, storedCatalogues } from '../storage/catalogues';
import type { CatalogueTables } from '../storage/catalogue-db';
import { attempt, type StorageResult } from '../storage/result';
import { indexCatalogues, type CatalogueIndex } from './lookup';

// The panel's index of every subscribed catalogue, built once and rebuilt only when a copy changed: the
// subscriptions (a few small rows) are read for each inspection, the copies (megabytes) only when one is new.

let cached: { key: string; index: CatalogueIndex } | undefined;

export function subscribedIndex(db: CatalogueTables): Promise<StorageResult<CatalogueIndex>> {
  return attempt(async () => {
    const subs = await listSubscriptions(db);
    if (!subs.ok) throw new Error(subs.error.detail);
    const key = subs.value.map((s) => `${s.url}@${s.updatedAt ?? ''}`).join('\n');
    if (cached?.key === key) return cached.index;
    const copies = await storedCatalogues(db);
    if (!copies.ok) throw new Error(copies.error.detail);
    const index = indexCatalogues(copies.value.map((c) => ({ source: c.source, ...(c.file.academie ? { academie: c.file.academie } : {}), entries: c.file.entries })));
    cached = { key, index };
    return index;
  });
}
