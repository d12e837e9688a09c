// The tables and indexes of every version of the extension's database, in one place: the full database
// (lib/storage/db.ts) gives each version its upgrade; the background's catalogue database (catalogue-db.ts) declares
// the same versions so that both open the same IndexedDB, but leaves every upgrade to the full one. Dexie needs every
// version ever released declared, in order, to open a database left by any earlier release.

const STORES_3 = { evaluations: 'id, url, site, updatedAt, verdict', consolidations: 'url, site, decidedAt' };
const STORES_5 = { ...STORES_3, summaries: 'id, updatedAt, url, site, status' };

export const DB_NAME = 'loupe';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** The version rewrites records when an older database is opened (db.ts gives the function). */
  upgrades: boolean;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { evaluations: 'id, url, site, updatedAt' }, upgrades: false },
  { version: 2, stores: { evaluations: 'id, url, site, updatedAt, verdict' }, upgrades: true },
  { version: 3, stores: STORES_3, upgrades: false },
  { version: 4, stores: STORES_5, upgrades: true },
  { version: 5, stores: STORES_5, upgrades: true },
  { version: 6, stores: { ...STORES_5, resources: 'key, last', subscriptions: 'url', catalogues: 'source', importedFiles: 'key' }, upgrades: true },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
