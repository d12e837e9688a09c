import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCatalogue, subscribableUrl, type FetchDeps } from '../../lib/catalogue/fetch';
import { refreshAll } from '../../lib/catalogue/refresh';
import { catalogueOf, catalogueText } from '../../lib/catalogue/publish';
import { addSubscription, listSubscriptions, storedCatalogues } from '../../lib/storage/catalogues';
import { LoupeDb } from '../../lib/storage/db';
import { generateDecisions } from '../support/catalogue';
import { catalogueServer, truncated, withValidators, type CatalogueServer } from '../support/catalogue-server';

// Every way a subscribed catalogue can fail, served by a real HTTP server on 127.0.0.1 and fetched by Node's fetch
// (the same WHATWG fetch the background uses): each gives its one reason, and the last good copy stays.

let server: CatalogueServer;
let other: CatalogueServer;
let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-test')));
const v1 = catalogueText(catalogueOf(generateDecisions(30, 1), { academie: 'Académie de Lyon' }));
const v2 = catalogueText(catalogueOf(generateDecisions(31, 2), { academie: 'Académie de Lyon' }));
let current = v1;
let etag = '"v1"';

beforeAll(async () => {
  server = await catalogueServer();
  other = await catalogueServer('localhost');
  server.route('/catalogue.json', withValidators(() => current, () => etag));
  server.route('/erreur.json', (_q, r) => void r.writeHead(503).end('indisponible'));
  server.route('/page.html', (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Portail</title>'));
  server.route('/schema.json', (_q, r) => void r.writeHead(200).end(JSON.stringify({ format: 'loupe-catalogue', version: 1, publishedAt: 'hier', entries: [] })));
  server.route('/tout.json', (_q, r) => void r.writeHead(200).end(v1.replace(/"site":"editeur-\d+\.fr"/, '"site":"gouv.fr"')));
  server.route('/enorme.json', (_q, r) => void r.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end());
  server.route('/flot.json', (_q, r) => {
    // No length announced: the limit is applied while the answer streams.
    r.writeHead(200, { 'content-type': 'application/json' });
    r.end('['.padEnd(5000, ' '));
  });
  server.route('/coupe.json', truncated(v1));
  server.route('/ailleurs.json', (_q, r) => void r.writeHead(302, { location: `${other.origin}/catalogue.json` }).end());
  server.route('/deplace.json', (_q, r) => void r.writeHead(301, { location: '/catalogue.json' }).end());
  server.route('/lent.json', () => undefined);
  other.route('/catalogue.json', (_q, r) => void r.writeHead(200).end(v2));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const deps = (over: Partial<FetchDeps> = {}): FetchDeps => ({ fetch: globalThis.fetch, hasPermission: async () => true, timeoutMs: 2000, maxBytes: 1000_000, ...over });

describe('fetching a subscribed catalogue', () => {
  it('accepts https addresses, and plain http on this computer only', () => {
    expect(subscribableUrl('https://dane.ac-lyon.fr/catalogue.json')?.origin).toBe('https://dane.ac-lyon.fr');
    expect(subscribableUrl('http://dane.ac-lyon.fr/catalogue.json')).toBeUndefined();
    expect(subscribableUrl('http://127.0.0.1:8080/c.json')?.origin).toBe('http://127.0.0.1:8080');
    expect(subscribableUrl('https://moi:secret@dane.fr/c.json')).toBeUndefined();
    expect(subscribableUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('sends its validators and takes a 304 as "unchanged"', async () => {
    const first = await fetchCatalogue(`${server.origin}/catalogue.json`, {}, deps());
    expect(first).toMatchObject({ kind: 'fresh', validators: { etag: '"v1"', lastModified: 'Mon, 07 Dec 2026 10:00:00 GMT' } });
    const again = await fetchCatalogue(`${server.origin}/catalogue.json`, first.kind === 'fresh' ? first.validators : {}, deps());
    expect(again).toEqual({ kind: 'not-modified' });
    const last = server.seen.at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Mon, 07 Dec 2026 10:00:00 GMT');
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers.referer).toBeUndefined();
  });

  it.each([
    ['/erreur.json', { code: 'http', status: 503 }],
    ['/page.html', { code: 'not-json' }],
    ['/schema.json', { code: 'schema', detail: 'publishedAt' }],
    ['/tout.json', { code: 'too-broad', detail: 'gouv.fr' }],
    ['/enorme.json', { code: 'too-large', bytes: 50 * 1024 * 1024 }],
    ['/coupe.json', { code: 'truncated' }],
    ['/ailleurs.json', { code: 'redirected' }],
    ['/lent.json', { code: 'timeout' }],
  ] as const)('%s fails with its reason', async (path, error) => {
    const got = await fetchCatalogue(`${server.origin}${path}`, {}, deps({ timeoutMs: 800 }));
    expect(got).toEqual({ kind: 'failed', error: expect.objectContaining(error) });
  });

  it('refuses a stream that grows past the limit, follows a redirect within the origin, names the other origin', async () => {
    expect(await fetchCatalogue(`${server.origin}/flot.json`, {}, deps({ maxBytes: 1000 }))).toEqual({ kind: 'failed', error: { code: 'too-large', bytes: expect.any(Number) } });
    expect(await fetchCatalogue(`${server.origin}/deplace.json`, {}, deps())).toMatchObject({ kind: 'fresh' });
    expect(await fetchCatalogue(`${server.origin}/ailleurs.json`, {}, deps())).toEqual({ kind: 'failed', error: { code: 'redirected', detail: other.origin } });
  });

  it('asks nothing of a server whose permission was withdrawn', async () => {
    const before = server.seen.length;
    expect(await fetchCatalogue(`${server.origin}/catalogue.json`, {}, deps({ hasPermission: async () => false }))).toEqual({ kind: 'failed', error: { code: 'permission', detail: server.origin } });
    expect(server.seen.length).toBe(before);
  });
});

describe('refreshing subscriptions', () => {
  it('keeps the last good copy through every failure, says the last error, and replaces the copy when the file changes', async () => {
    const good = `${server.origin}/catalogue.json`;
    ok(await addSubscription(db, good, 'person', 1));
    current = v1;
    etag = '"v1"';
    expect(await refreshAll(db, deps())).toEqual([{ url: good, kind: 'updated' }]);
    const copy = ok(await storedCatalogues(db))[0]!;
    expect(copy.file.entries).toHaveLength(30);

    // The server now fails in turn; the copy stays, the error is said.
    let withdrawn = true;
    expect((await refreshAll(db, deps({ hasPermission: async () => !withdrawn })))[0]).toMatchObject({ kind: 'failed', error: { code: 'permission' } });
    expect(ok(await listSubscriptions(db))[0]!.error).toMatchObject({ code: 'permission' });
    expect(ok(await storedCatalogues(db))[0]).toEqual(copy);
    withdrawn = false;
    expect(await refreshAll(db, deps())).toEqual([{ url: good, kind: 'not-modified' }]);
    expect(ok(await listSubscriptions(db))[0]!.error).toBeUndefined();

    current = v2;
    etag = '"v2"';
    expect(await refreshAll(db, deps())).toEqual([{ url: good, kind: 'updated' }]);
    expect(ok(await storedCatalogues(db))[0]!.file.entries).toHaveLength(31);
    expect(ok(await listSubscriptions(db))[0]).toMatchObject({ etag: '"v2"', entries: 31 });
  });
});
