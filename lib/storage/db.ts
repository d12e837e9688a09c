import Dexie, { type Table } from 'dexie';
import { searchText } from './record';
import type { StoredEvaluation } from './record';

// The extension's IndexedDB, through Dexie. Every version stays declared with its upgrade, as Dexie requires to
// open a database left by any earlier release; test/unit/storage.test.ts opens a version 1 fixture.

export const DB_NAME = 'loupe';

export class LoupeDb extends Dexie {
  evaluations!: Table<StoredEvaluation, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: evaluations by id, resource address, site and date.
    this.version(1).stores({ evaluations: 'id, url, site, updatedAt' });
    // Version 2: the verdict and a search text beside the evaluation, so "Mes évaluations" sorts and searches
    // without reading every evaluation's findings.
    this.version(2)
      .stores({ evaluations: 'id, url, site, updatedAt, verdict' })
      .upgrade((tx) =>
        tx
          .table('evaluations')
          .toCollection()
          .modify((r: StoredEvaluation) => {
            r.verdict = r.evaluation?.verdict?.level ?? '';
            r.search = searchText(r.title ?? '', r.site ?? '', r.url ?? '');
          }),
      );
  }
}

let shared: LoupeDb | undefined;

/** The one database of the extension's pages (side panel, "Mes évaluations"). */
export function loupeDb(): LoupeDb {
  shared ??= new LoupeDb();
  return shared;
}
