import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../lib/catalogue/publish';
import { LoupeDb } from '../../lib/storage/db';
import { addSubscription, listSubscriptions, markChecked, markFailed, removeSubscription, storeCatalogue, storedCatalogues } from '../../lib/storage/catalogues';
import { generateDecisions } from '../support/catalogue';

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-test')));
const URL_A = 'https://dane.exemple.fr/catalogue.json';
const file = catalogueOf(generateDecisions(20, 2), { academie: 'Académie de Lyon' });

describe('subscribed catalogues in the database', () => {
  it('keeps the last good copy through failures and 304s, and says the last error until a success', async () => {
    ok(await addSubscription(db, URL_A, 'person', 1000));
    expect(ok(await storeCatalogue(db, URL_A, file, { etag: '"v1"', lastModified: 'Mon, 07 Dec 2026 10:00:00 GMT' }, 2000))).toBe(true);
    ok(await markFailed(db, URL_A, { code: 'http', at: 3000, status: 503 }));
    let [sub] = ok(await listSubscriptions(db));
    expect(sub).toMatchObject({ url: URL_A, by: 'person', updatedAt: 2000, checkedAt: 2000, etag: '"v1"', entries: 20, academie: 'Académie de Lyon', error: { code: 'http', status: 503 } });
    expect(ok(await storedCatalogues(db))).toEqual([{ source: URL_A, storedAt: 2000, file }]);
    ok(await markChecked(db, URL_A, 4000));
    [sub] = ok(await listSubscriptions(db));
    expect(sub).toMatchObject({ checkedAt: 4000, updatedAt: 2000 });
    expect(sub!.error).toBeUndefined();
  });

  it('removes a subscription with its copy, stores nothing for a removed one, and leaves a policy\'s to the policy', async () => {
    ok(await addSubscription(db, URL_A, 'person', 1000));
    ok(await storeCatalogue(db, URL_A, file, {}, 2000));
    ok(await addSubscription(db, 'https://academie.fr/c.json', 'policy', 1000));
    ok(await addSubscription(db, 'https://academie.fr/c.json', 'person', 1500));
    expect(ok(await removeSubscription(db, 'https://academie.fr/c.json'))).toBe(false);
    expect(ok(await removeSubscription(db, URL_A))).toBe(true);
    expect(await db.catalogues.count()).toBe(0);
    expect(ok(await storeCatalogue(db, URL_A, file, {}, 3000))).toBe(false);
    expect(await db.catalogues.count()).toBe(0);
    expect(ok(await listSubscriptions(db)).map((s) => [s.url, s.by])).toEqual([['https://academie.fr/c.json', 'policy']]);
  });
});
