import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncPolicyCatalogues } from '../../lib/catalogue/policy';
import { ACCESS, LEVELS, PLACES, USERS } from '../../lib/model/assessment';
import { POLICY_KEYS, readPolicy } from '../../lib/model/policy';
import { addSubscription, listSubscriptions, removeSubscription, storeCatalogue } from '../../lib/storage/catalogues';
import { catalogueOf } from '../../lib/catalogue/publish';
import { LoupeDb } from '../../lib/storage/db';
import { generateDecisions } from '../support/catalogue';

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-test')));

describe("the académie's policy (storage.managed)", () => {
  it('keeps every well-typed key and names each wrong one, never guessing', () => {
    const read = readPolicy({
      catalogues: 'https://dane.ac-lyon.fr/catalogue.json',
      academie: 'Académie de Lyon',
      referentContact: 42,
      defaultContext: { users: 'pupils', level: 'sixième' },
      allowObserve: 'non',
      unknown: true,
    });
    expect(read.policy).toEqual({ academie: 'Académie de Lyon' });
    expect(read.refused).toEqual([
      { key: 'catalogues', path: 'catalogues' },
      { key: 'referentContact', path: 'referentContact' },
      { key: 'defaultContext', path: 'defaultContext.level' },
      { key: 'allowObserve', path: 'allowObserve' },
    ]);
    expect(readPolicy({ catalogues: ['https://a.fr/c.json'], defaultContext: { users: 'pupils', level: 'cycle3' }, allowObserve: false })).toEqual({
      policy: { catalogues: ['https://a.fr/c.json'], defaultContext: { users: 'pupils', level: 'cycle3' }, allowObserve: false },
      refused: [],
    });
    expect(readPolicy(undefined)).toEqual({ policy: {}, refused: [] });
    expect(readPolicy(['x'])).toEqual({ policy: {}, refused: [] });
  });

  it("Chrome's managed_schema declares the same keys and values as the zod schema", () => {
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    const ctx = schema.properties.defaultContext.properties;
    expect(ctx.users.enum).toEqual([...USERS]);
    expect(ctx.level.enum).toEqual([...LEVELS]);
    expect(ctx.place.enum).toEqual([...PLACES]);
    expect(ctx.access.enum).toEqual([...ACCESS]);
    expect(schema.properties.allowObserve.type).toBe('boolean');
  });

  it("follows the policy's catalogues, which the person cannot remove, and drops the ones it no longer lists", async () => {
    const A = 'https://dane.ac-lyon.fr/catalogue.json';
    const B = 'https://lycee.fr/catalogue.json';
    ok(await addSubscription(db, B, 'person', 1));
    expect(ok(await syncPolicyCatalogues(db, [A, B, 'http://pas-https.fr/c.json'], 2))).toEqual({ added: [A], removed: [] });
    expect(ok(await listSubscriptions(db)).map((s) => [s.url, s.by])).toEqual([
      [A, 'policy'],
      [B, 'policy'],
    ]);
    expect(ok(await removeSubscription(db, A))).toBe(false);
    ok(await storeCatalogue(db, A, catalogueOf(generateDecisions(3)), {}, 3));
    expect(ok(await syncPolicyCatalogues(db, [B], 4))).toEqual({ added: [], removed: [A] });
    expect(await db.catalogues.count()).toBe(0);
    expect(ok(await listSubscriptions(db)).map((s) => s.url)).toEqual([B]);
  });
});
