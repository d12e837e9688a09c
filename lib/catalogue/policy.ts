import type { CatalogueTables } from '../storage/catalogue-db';
import { attempt, type StorageResult } from '../storage/result';
import { subscribableUrl } from './fetch';

// The académie's catalogues (policy key `catalogues`): followed like the person's own, but theirs to remove only by
// changing the policy. A catalogue the policy no longer lists is removed with its copy; one the person had already
// added becomes the policy's. An address that is not https:// is left out (the settings page names it).

export function syncPolicyCatalogues(db: CatalogueTables, urls: readonly string[], now: number): Promise<StorageResult<{ added: string[]; removed: string[] }>> {
  const wanted = new Set(urls.flatMap((u) => (subscribableUrl(u) ? [subscribableUrl(u)!.href] : [])));
  return attempt(() =>
    db.transaction('rw', db.subscriptions, db.catalogues, async () => {
      const added: string[] = [];
      const removed: string[] = [];
      const existing = new Map((await db.subscriptions.toArray()).map((s) => [s.url, s]));
      for (const url of wanted) {
        const had = existing.get(url);
        if (!had) {
          await db.subscriptions.put({ url, by: 'policy', addedAt: now });
          added.push(url);
        } else if (had.by !== 'policy') await db.subscriptions.put({ ...had, by: 'policy' });
      }
      for (const [url, s] of existing) {
        if (s.by === 'policy' && !wanted.has(url)) {
          await db.subscriptions.delete(url);
          await db.catalogues.delete(url);
          removed.push(url);
        }
      }
      return { added, removed };
    }),
  );
}
