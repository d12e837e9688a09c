import type { CatalogueError, Subscription } from '../model/catalogue';
import { listSubscriptions, markChecked, markFailed, storeCatalogue } from '../storage/catalogues';
import type { CatalogueTables } from '../storage/catalogue-db';
import { fetchCatalogue, type FetchDeps } from './fetch';

// One refresh of one subscription: a new copy replaces the old only once it passed every check; a 304 confirms it;
// a failure is written on the subscription and the copy stays. The background runs this on its alarm and on demand.

export type RefreshOutcome = { url: string; kind: 'updated' | 'not-modified' | 'gone' } | { url: string; kind: 'failed'; error: CatalogueError };

export async function refreshSubscription(db: CatalogueTables, sub: Pick<Subscription, 'url' | 'etag' | 'lastModified'>, deps: FetchDeps, now: () => number = Date.now): Promise<RefreshOutcome> {
  const got = await fetchCatalogue(sub.url, { etag: sub.etag, lastModified: sub.lastModified }, deps);
  if (got.kind === 'not-modified') {
    await markChecked(db, sub.url, now());
    return { url: sub.url, kind: 'not-modified' };
  }
  if (got.kind === 'failed') {
    const error = { ...got.error, at: now() };
    await markFailed(db, sub.url, error);
    return { url: sub.url, kind: 'failed', error };
  }
  const stored = await storeCatalogue(db, sub.url, got.file, got.validators, now());
  if (!stored.ok) {
    // The database refused the copy (disk full…): said like any other failure, the old copy stays.
    const error: CatalogueError = { code: 'network', at: now(), detail: stored.error.messageKey };
    await markFailed(db, sub.url, error);
    return { url: sub.url, kind: 'failed', error };
  }
  return { url: sub.url, kind: stored.value ? 'updated' : 'gone' };
}

/** Every subscription (or the one named), one after the other: a catalogue server is not hit in parallel. */
export async function refreshAll(db: CatalogueTables, deps: FetchDeps, only?: string): Promise<RefreshOutcome[]> {
  const subs = await listSubscriptions(db);
  if (!subs.ok) return [];
  const out: RefreshOutcome[] = [];
  for (const s of subs.value) if (!only || s.url === only) out.push(await refreshSubscription(db, s, deps));
  return out;
}
