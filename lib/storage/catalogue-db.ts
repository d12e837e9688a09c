import Dexie, { type Table } from 'dexie';
import type { CatalogueFile, Subscription } from '../model/catalogue';
import { DB_NAME, SCHEMA_VERSIONS } from './versions';

/** The last good copy of a subscribed catalogue (schema version 6), one row per subscription. */
export interface StoredCatalogue {
  source: string;
  storedAt: number;
  file: CatalogueFile;
}

/** What the catalogue code reads and writes: the full database (db.ts) and the background's both give it. */
export interface CatalogueTables {
  subscriptions: Table<Subscription, string>;
  catalogues: Table<StoredCatalogue, string>;
  transaction: Dexie['transaction'];
}

/** Thrown by an upgrade the background leaves to the extension's pages. */
export class UpgradeLeftToPages extends Error {
  constructor(version: number) {
    super(`Loupe's database needs its version ${version} upgrade, which an extension page runs`);
    this.name = 'UpgradeLeftToPages';
  }
}

/**
 * The background's view of the extension's database: the same database, the same versions, only the catalogue
 * tables. It never upgrades records: their upgrades need the whole domain model (every detector's schema, the
 * export's migrations), which would make the background's script two megabytes instead of a few dozen kilobytes.
 * Opening a database of an older version aborts (the upgrade's transaction rolls back, nothing is lost); the next
 * page of Loupe to open it runs the upgrade, and the background's next refresh goes through.
 */
export class CatalogueDb extends Dexie implements CatalogueTables {
  subscriptions!: Table<Subscription, string>;
  catalogues!: Table<StoredCatalogue, string>;

  constructor(name = DB_NAME) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrades) {
        declared.upgrade(() => {
          throw new UpgradeLeftToPages(v.version);
        });
      }
    }
  }
}

let shared: CatalogueDb | undefined;

/** The background's one connection. */
export function catalogueDb(): CatalogueDb {
  shared ??= new CatalogueDb();
  return shared;
}
