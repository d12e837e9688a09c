import Dexie, { type Table, type Transaction } from 'dexie';
import { searchText, storedEvaluationSchema, type StoredConsolidation, type StoredEvaluation } from './record';
import { aggregatesOf, hasStoredShape, isCurrentSummary, summaryOf, type EvaluationSummary, type ResourceAggregate } from './read-model';
import { withDataKind } from '../detectors/finding';
import { evaluationV2toV3 } from '../export/migrate';
import type { Subscription } from '../model/catalogue';
import type { StoredCatalogue } from './catalogue-db';
import { DB_NAME, SCHEMA_VERSIONS } from './versions';

/**
 * A file of a synced folder already imported (schema version 6): its path in the folder, size and date, so that
 * importing the folder again takes only the files that are new or changed.
 */
export interface ImportedFile {
  key: string;
  importedAt: number;
}

// The extension's IndexedDB, through Dexie. Every version stays declared with its upgrade, as Dexie requires to
// open a database left by any earlier release; test/unit/storage.test.ts opens a fixture of each earlier version.
// The tables of each version are in versions.ts (shared with the background's catalogue-db.ts); their upgrades here.

export { DB_NAME } from './versions';

type Upgrade = (tx: Transaction) => PromiseLike<unknown> | void;

const UPGRADES: Record<number, Upgrade> = {
  // Version 2: the verdict and a search text beside the evaluation, so "Mes évaluations" sorts and searches
  // without reading every evaluation's findings.
  2: (tx) =>
    tx
      .table('evaluations')
      .toCollection()
      .modify((r: StoredEvaluation) => {
        r.verdict = r.evaluation?.verdict?.level ?? '';
        r.search = searchText(r.title ?? '', r.site ?? '', r.url ?? '');
      }),
  // Version 3 (no upgrade): referents' consolidated verdicts, one per resource (normalised address), set in the
  // dashboard or imported from a referent's bundle. Evaluations gain an optional `origin` (absent = the person's own),
  // so no record needs rewriting.
  // Version 4: a small summary beside each evaluation (lib/storage/read-model.ts), so the dashboard reads a few
  // hundred bytes per evaluation instead of its whole inspection; every write of `evaluations` writes it in the same
  // transaction. Filled here from the evaluations already stored; they are not rewritten.
  4: async (tx) => {
    // Summaries are small: gathered while the records stream by, then written at once (a failed write aborts
    // the upgrade, and the database stays at version 3 with everything in it).
    const all: EvaluationSummary[] = [];
    await tx
      .table('evaluations')
      .toCollection()
      .each((r: StoredEvaluation) => {
        // Only records the dashboard would show: one the schema refuses stays without a summary and is counted
        // as unreadable, as before.
        if (hasStoredShape(r) || storedEvaluationSchema.safeParse(r).success) all.push(summaryOf(r));
      });
    await tx.table('summaries').bulkPut(all);
  },
  // Version 5 (export format 3): message parameters typed ({count}, {text}, {country}…, lib/model/message.ts) and
  // one meaning of "site" (lib/net/resource.ts: the registrable domain, private suffixes counted). Every record,
  // its summary and every consolidation are rewritten in the upgrade's one transaction: a failure leaves version 4.
  5: async (tx) => {
    // tldts is a lazy chunk; waitFor keeps the upgrade's transaction open while it loads.
    const { resourceSite } = await Dexie.waitFor(import('../net/resource'));
    const summaries: EvaluationSummary[] = [];
    await tx
      .table('evaluations')
      .toCollection()
      .modify((r: StoredEvaluation) => {
        const e = evaluationV2toV3(r.evaluation);
        const url = e?.resource?.url;
        if (typeof url === 'string') {
          r.site = resourceSite(url) || r.site;
          e.resource = { ...e.resource, site: r.site };
          r.search = searchText(r.title ?? '', r.site, r.url ?? '');
        }
        r.evaluation = e;
        if (hasStoredShape(r) || storedEvaluationSchema.safeParse(r).success) summaries.push(summaryOf(r));
      });
    await tx.table('summaries').bulkPut(summaries);
    await tx
      .table('consolidations')
      .toCollection()
      .modify((c: StoredConsolidation) => {
        const url = c.consolidation?.resource?.url;
        if (typeof url !== 'string') return;
        c.site = resourceSite(url) || c.site;
        c.consolidation = { ...c.consolidation, resource: { ...c.consolidation.resource, site: c.site } };
      });
  },
  // Version 6, one version for two things never released apart:
  // - issue 24: subscribed catalogues. The subscription (address, who added it, validators, last error) apart from
  //   its last good copy, so that a failed refresh rewrites a few bytes, never the copy; and the files of a synced
  //   folder already imported;
  // - issue 27: one row per resource (lib/storage/read-model.ts ResourceAggregate: its latest inspection and its
  //   finished evaluations' ids), so the dashboard reads its first screen before the rest; every write of
  //   `summaries` writes it in the same transaction. Filled here from the summaries. A summary of another version
  //   is left out, as the dashboard leaves it: its rebuild (listSummaries) refreshes its resource;
  // - and the records written by version 5 before every variant of a finding's data named its kind get it back
  //   (withDataKind, lib/detectors/finding.ts); nothing else is rewritten.
  6: async (tx) => {
    await tx.table('evaluations').toCollection().modify((r: { evaluation?: { findings?: unknown[] } }) => {
      if (Array.isArray(r.evaluation?.findings)) r.evaluation.findings = r.evaluation.findings.map(withDataKind);
    });
    const summaries = (await tx.table('summaries').toArray()).filter(isCurrentSummary);
    await tx.table('resources').bulkPut(aggregatesOf(summaries));
  },
};

export class LoupeDb extends Dexie {
  evaluations!: Table<StoredEvaluation, string>;
  consolidations!: Table<StoredConsolidation, string>;
  summaries!: Table<EvaluationSummary, string>;
  subscriptions!: Table<Subscription, string>;
  catalogues!: Table<StoredCatalogue, string>;
  importedFiles!: Table<ImportedFile, string>;
  resources!: Table<ResourceAggregate, string>;

  constructor(name = DB_NAME) {
    // No query cache: Dexie's default deep-copies every live query's result to protect its cache, 80 ms of the
    // dashboard's thread for 10,000 summaries at each read (npm run bench, dashboard-page); live queries read again
    // after each change instead, as they did before Dexie 4.
    super(name, { cache: 'disabled' });
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      const upgrade = UPGRADES[v.version];
      if (v.upgrades !== (upgrade !== undefined)) throw new Error(`Dexie version ${v.version}: versions.ts and db.ts disagree on its upgrade`);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: LoupeDb | undefined;

/** The one database of the extension's pages (side panel, "Mes évaluations", dashboard). */
export function loupeDb(): LoupeDb {
  shared ??= new LoupeDb();
  return shared;
}
