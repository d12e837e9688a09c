import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Consolidation } from '../../lib/model/consolidation';
import { type Evaluation, withDataKind } from '../../lib/detectors/finding';
import { consolidationFor, deleteConsolidation, listConsolidations, restoreConsolidation, saveConsolidation } from '../../lib/storage/consolidations';
import { rate, suggestedGrid, withSuggestedGrid } from '../../lib/grid/state';
import { LoupeDb } from '../../lib/storage/db';
import { classifyStorageError } from '../../lib/storage/errors';
import {
  deleteEvaluation,
  duplicateEvaluation,
  getEvaluation,
  historyOf,
  latestOf,
  listEvaluations,
  listSummaries,
  restoreEvaluation,
  saveEvaluation,
} from '../../lib/storage/evaluations';
import { filterAndSort } from '../../lib/storage/list-view';
import { storedEvaluationSchema, type StoredConsolidation, type StoredEvaluation, searchText } from '../../lib/storage/record';
import { gradedOf, SUMMARY_VERSION, type EvaluationSummary, hasStoredShape, schemaChecked } from '../../lib/storage/read-model';
import { generateEvaluations } from '../support/evaluations';
import { hasMessage } from '../../lib/i18n/messages';
import { resourceKey, resourceSite } from '../../lib/net/resource';
import { evaluationV2toV3 } from '../../lib/export/migrate';
import { FIXTURE_V5, withKinds, writeV5 } from '../helpers/storage-v5';
import { CatalogueDb } from '../../lib/storage/catalogue-db';
import { CURRENT_VERSION } from '../../lib/storage/versions';
import { addSubscription } from '../../lib/storage/catalogues';

// The evaluations database on fake-indexeddb: each test gets a fresh IndexedDB, so no test sees another's records.

const FIXTURE = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/storage/v1-database.json'), 'utf8')) as {
  stores: Record<string, string>;
  evaluations: { id: string; evaluation: Evaluation }[];
};
const FIXTURE_V2 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/storage/v2-database.json'), 'utf8')) as {
  stores: Record<string, string>;
  evaluations: StoredEvaluation[];
};
const FIXTURE_V3 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/storage/v3-database.json'), 'utf8')) as {
  stores: Record<string, string>;
  evaluations: StoredEvaluation[];
  consolidations: StoredConsolidation[];
};
/** An evaluation stored by an earlier version as version 5 keeps it: typed parameters, one meaning of "site". */
const asV5 = <E extends Evaluation>(e: E): E => {
  const typed = evaluationV2toV3(e);
  return { ...typed, resource: { ...typed.resource, site: resourceSite(e.resource.url) } };
};
/** A stored record as version 5 keeps it, and its consolidation (lib/storage/db.ts, version 5). */
const recordAsV5 = (r: StoredEvaluation): StoredEvaluation => {
  const site = resourceSite(r.evaluation.resource.url);
  return { ...r, site, search: searchText(r.title, site, r.url), evaluation: asV5(r.evaluation) };
};
const consolidationAsV5 = (c: StoredConsolidation): StoredConsolidation => {
  const site = resourceSite(c.consolidation.resource.url);
  return { ...c, site, consolidation: { ...c.consolidation, resource: { ...c.consolidation.resource, site } } };
};

const sample = (id: string, url = 'https://www.editeur-exemple.fr/ressource?session=SECRET', title = 'Ressource de mathématiques'): Evaluation => ({
  ...asV5(FIXTURE.evaluations[1]!.evaluation),
  id,
  resource: { url, site: new URL(url).host, title },
});

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-test')));



describe('evaluations storage', () => {
  it('saves an evaluation, then updates it as the person types, keeping its creation date', async () => {
    const e = sample('eval-aaaa');
    const first = ok(await saveEvaluation(db, e, 'draft', 1000));
    expect(first).toMatchObject({ url: 'editeur-exemple.fr/ressource', site: 'editeur-exemple.fr', createdAt: 1000, status: 'draft' });
    const grid = rate(suggestedGrid(e, {}), 'programmes', 'conforme', 'Programme de cycle 3');
    ok(await saveEvaluation(db, { ...e, grid, context: { users: 'pupils' } }, 'draft', 2000));
    const back = ok(await getEvaluation(db, 'eval-aaaa'))!;
    expect(back).toMatchObject({ createdAt: 1000, updatedAt: 2000 });
    expect(back.evaluation.grid!.find((c) => c.id === 'programmes')).toMatchObject({ rating: 'conforme', comment: 'Programme de cycle 3' });
    expect(ok(await listEvaluations(db)).records).toHaveLength(1);
  });

  it('keeps an override without its comment as a draft, but will not mark it done', async () => {
    const e = withSuggestedGrid(sample('eval-bbbb'));
    const grid = rate(e.grid!, 'privacy', 'non-conforme');
    expect(ok(await saveEvaluation(db, { ...e, grid }, 'draft', 1)).status).toBe('draft');
    const done = await saveEvaluation(db, { ...e, grid }, 'done', 2);
    expect(done).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(ok(await getEvaluation(db, 'eval-bbbb'))!.status).toBe('draft');
  });

  it('finds the history of a resource by its normalised address, and the same site as related', async () => {
    ok(await saveEvaluation(db, sample('old-eval', 'https://www.editeur-exemple.fr/ressource/'), 'done', 1));
    ok(await saveEvaluation(db, sample('draft-eval', 'http://editeur-exemple.fr/ressource#top'), 'draft', 2));
    ok(await saveEvaluation(db, sample('other-eval', 'https://maths.editeur-exemple.fr/exercices'), 'done', 3));
    ok(await saveEvaluation(db, sample('elsewhere-eval', 'https://autre-site.fr/ressource'), 'done', 4));
    const h = ok(await historyOf(db, 'https://editeur-exemple.fr/ressource?x=1', 'none-eval'));
    expect(h.same.map((r) => r.id)).toEqual(['draft-eval', 'old-eval']);
    expect(h.site.map((r) => r.id)).toEqual(['other-eval']);
    expect(ok(await latestOf(db, 'https://www.editeur-exemple.fr/ressource'))!.id).toBe('draft-eval');
    expect(resourceKey('HTTPS://WWW.Editeur-Exemple.fr:8443/a/b/?q#f')).toBe('editeur-exemple.fr:8443/a/b');
  });

  it('deletes with undo, and duplicates into a new draft', async () => {
    ok(await saveEvaluation(db, sample('xxxx-eval'), 'done', 1));
    const removed = ok(await deleteEvaluation(db, 'xxxx-eval'))!;
    expect(ok(await listEvaluations(db)).records).toHaveLength(0);
    ok(await restoreEvaluation(db, removed));
    expect(ok(await getEvaluation(db, 'xxxx-eval'))).toEqual(removed);
    const copy = ok(await duplicateEvaluation(db, 'xxxx-eval', 'xxxx-eval-copy', 5));
    expect(copy).toMatchObject({ id: 'xxxx-eval-copy', status: 'draft', createdAt: 5 });
    expect(copy.evaluation.id).toBe('xxxx-eval-copy');
    expect(ok(await listEvaluations(db)).records.map((r) => r.id).sort()).toEqual(['xxxx-eval', 'xxxx-eval-copy']);
  });

  it('a full quota leaves the earlier records intact and says so in French and English', async () => {
    ok(await saveEvaluation(db, sample('kept-eval'), 'done', 1));
    const before = ok(await getEvaluation(db, 'kept-eval'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = await saveEvaluation(db, { ...sample('kept-eval'), resource: { url: 'https://editeur-exemple.fr/ressource', site: 'editeur-exemple.fr', title: 'Changed' } }, 'draft', 2);
    const added = await saveEvaluation(db, sample('new-eval'), 'draft', 3);
    expect(put).toHaveBeenCalled();
    put.mockRestore();
    expect(failed).toMatchObject({ ok: false, error: { kind: 'quota', messageKey: 'storageError_quota' } });
    expect(added.ok).toBe(false);
    expect(ok(await getEvaluation(db, 'kept-eval'))).toEqual(before);
    expect(ok(await listEvaluations(db)).records.map((r) => r.id)).toEqual(['kept-eval']);
    expect(hasMessage('storageError_quota', 'fr') && hasMessage('storageError_quota', 'en')).toBe(true);
  });

  it('names a blocked, corrupted or unavailable database, each with a message', () => {
    const cases: [unknown, string][] = [
      [new Error('something else'), 'unknown'],
      [Object.assign(new Error('xxxx-eval'), { name: 'DatabaseClosedError', inner: { name: 'VersionError' } }), 'blocked'],
      [Object.assign(new Error('xxxx-eval'), { name: 'OpenFailedError', inner: { name: 'UnknownError' } }), 'corrupted'],
      [Object.assign(new Error('xxxx-eval'), { name: 'MissingAPIError' }), 'unavailable'],
      [Object.assign(new Error('xxxx-eval'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), 'quota'],
    ];
    for (const [error, kind] of cases) {
      const e = classifyStorageError(error);
      expect(e.kind).toBe(kind);
      expect(hasMessage(e.messageKey, 'fr') && hasMessage(e.messageKey, 'en'), e.messageKey).toBe(true);
    }
  });

  it('lists a record the schema refuses as unreadable without hiding the others or deleting it', async () => {
    ok(await saveEvaluation(db, sample('good-eval'), 'done', 1));
    await db.evaluations.put({ id: 'broken', url: 'xxxx-eval', updatedAt: 2 } as never);
    const l = ok(await listEvaluations(db));
    expect(l.records.map((r) => r.id)).toEqual(['good-eval']);
    expect(l.unreadable).toBe(1);
    expect(await db.evaluations.count()).toBe(2);
  });
});

describe("the dashboard's cheap check on reading back", () => {
  // Each breaks a field the list, the filters, the grouping or a row's agreement reads.
  const breakages: [string, (r: StoredEvaluation) => void][] = [
    ['a rating off the scale', (r) => ((r.evaluation.grid![0] as { rating: string }).rating = 'super')],
    ['a grid that is not a list', (r) => ((r.evaluation as { grid: unknown }).grid = { 0: r.evaluation.grid![0] })],
    ['an unknown verdict', (r) => ((r.evaluation.verdict as { level: string }).level = 'bof')],
    ['an author name that is a number', (r) => ((r.evaluation as { author: unknown }).author = { name: 42 })],
    ['an unknown school level', (r) => ((r.evaluation.context as { level: string }).level = 'cm2')],
    ['an inspection date that is not one', (r) => (r.evaluation.inspectedAt = 'hier')],
    ['no resource', (r) => delete (r.evaluation as { resource?: unknown }).resource],
    ['findings that are not a list', (r) => ((r.evaluation as { findings: unknown }).findings = 'none')],
    ['a date of change that is text', (r) => ((r as { updatedAt: unknown }).updatedAt = '2026')],
  ];

  it('accepts exactly what the schema accepts on stored records and refuses each broken field, as unreadable', async () => {
    const generated = generateEvaluations(40, 7);
    for (const [i, e] of generated.entries()) ok(await saveEvaluation(db, e, 'done', i));
    ok(await saveEvaluation(db, sample('draft-eval-1'), 'draft', 100));
    const good = await db.evaluations.toArray();
    for (const row of [...good, ...FIXTURE_V2.evaluations.map(recordAsV5)]) expect(hasStoredShape(row), row.id).toBe(storedEvaluationSchema.safeParse(row).success);

    for (const [what, spoil] of breakages) {
      const row = structuredClone(good.find((r) => r.evaluation.verdict && r.evaluation.author)!);
      row.id = `broken-${what}`;
      spoil(row);
      expect(hasStoredShape(row), what).toBe(false);
      expect(storedEvaluationSchema.safeParse(row).success, what).toBe(false);
      await db.evaluations.put(row);
    }
    const shape = ok(await listEvaluations(db, 'shape'));
    const schema = ok(await listEvaluations(db));
    expect(shape.unreadable).toBe(breakages.length);
    expect(shape.records.map((r) => r.id)).toEqual(schema.records.map((r) => r.id));
    expect(shape.records).toHaveLength(good.length);
    expect(await db.evaluations.count()).toBe(good.length + breakages.length);
  });

  it('leaves findings to the schema, where a detail or an export reads them', async () => {
    const [a, b] = generateEvaluations(2, 3);
    ok(await saveEvaluation(db, a!, 'done', 1));
    ok(await saveEvaluation(db, b!, 'done', 2));
    const row = (await db.evaluations.get(b!.id))!;
    (row.evaluation.findings as unknown[]).push({ id: 'trackers/x', detector: 'trackers', data: { trackers: 'not a list' } });
    await db.evaluations.put(row);
    const listed = ok(await listEvaluations(db, 'shape')).records.map((r) => r.evaluation);
    expect(listed).toHaveLength(2);
    expect(schemaChecked(listed).map((e) => e.id)).toEqual([a!.id]);
  });
});

describe('schema upgrade', () => {
  it('opens a database written by version 1 and finds every record, with the version 2 fields filled', async () => {
    const v1 = new Dexie('loupe-test');
    v1.version(1).stores(FIXTURE.stores);
    await v1.table('evaluations').bulkAdd(FIXTURE.evaluations);
    v1.close();

    const records = ok(await listEvaluations(db)).records;
    expect(db.verno).toBe(6);
    expect(records.map((r) => r.id).sort()).toEqual(FIXTURE.evaluations.map((r) => r.id).sort());
    for (const r of records) {
      const original = FIXTURE.evaluations.find((x) => x.id === r.id)!;
      expect(r.evaluation).toEqual(asV5(original.evaluation));
      expect(r.search).toContain(r.title.toLowerCase());
      expect(r.verdict).toBe(original.evaluation.verdict?.level ?? '');
      expect(storedEvaluationSchema.safeParse(r).success).toBe(true);
    }
    expect(records.find((r) => r.id === 'v1-eval-0001')!.verdict).not.toBe('');
    expect(await db.evaluations.where('verdict').equals('').count()).toBe(2);
  });
});

describe('schema upgrade from version 2', () => {
  it('opens a database written by version 2 with every record unchanged, and an empty table of consolidations', async () => {
    const v2 = new Dexie('loupe-test');
    v2.version(2).stores(FIXTURE_V2.stores);
    await v2.table('evaluations').bulkAdd(FIXTURE_V2.evaluations);
    v2.close();

    const listing = ok(await listEvaluations(db));
    expect(db.verno).toBe(6);
    expect(listing.unreadable).toBe(0);
    expect(listing.records).toHaveLength(FIXTURE_V2.evaluations.length);
    for (const original of FIXTURE_V2.evaluations) expect(listing.records.find((r) => r.id === original.id)).toEqual(recordAsV5(original));
    expect(listing.records.some((r) => r.status === 'draft')).toBe(true);
    expect(ok(await listConsolidations(db))).toEqual([]);
    // The new table works on the upgraded database.
    ok(await saveConsolidation(db, consolidation('2026-11-01T10:00:00.000Z'), { kind: 'own' }));
    expect(await db.consolidations.count()).toBe(1);
  });
});

/** What a summary must say of its record, read from the record here (not through summaryOf). */
function expectSummaryOf(summary: EvaluationSummary | undefined, r: StoredEvaluation): void {
  const e = r.evaluation;
  expect(summary).toBeDefined();
  expect(summary).toMatchObject({
    id: r.id,
    v: SUMMARY_VERSION,
    url: r.url,
    site: r.site,
    title: r.title,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.status,
    verdict: r.verdict,
    search: r.search,
    resource: { url: e.resource.url, site: e.resource.site, title: e.resource.title },
    inspectedAt: e.inspectedAt,
    blocking: e.verdict?.blocking ?? [],
    findings: e.findings.length,
    counts: e.summary,
  });
  expect(summary!.origin).toEqual(r.origin);
  expect(summary!.level).toBe(e.context?.level);
  expect(summary!.subject).toBe(e.context?.subject);
  expect(summary!.author).toEqual(e.author);
  const g = gradedOf(summary!);
  expect(g.grid).toEqual(e.grid?.map((c) => ({ id: c.id, axis: c.axis, rating: c.rating, ...(c.blocking ? { blocking: true } : {}) })));
  expect(g.verdict).toEqual(e.verdict ? { level: e.verdict.level, blocking: e.verdict.blocking } : undefined);
  // Small beside its record: what the dashboard no longer reads on load.
  expect(JSON.stringify(summary).length).toBeLessThan(Math.max(2000, JSON.stringify(r).length / 4));
}

const FIXTURE_V4 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/storage/v4-database.json'), 'utf8')) as {
  stores: Record<string, string>;
  evaluations: StoredEvaluation[];
  consolidations: StoredConsolidation[];
  summaries: EvaluationSummary[];
};

describe('schema upgrade from version 4', () => {
  it('types every message parameter, gives every record one meaning of "site", and loses nothing else', async () => {
    const v4 = new Dexie('loupe-test');
    v4.version(4).stores(FIXTURE_V4.stores);
    await v4.table('evaluations').bulkAdd(FIXTURE_V4.evaluations);
    await v4.table('consolidations').bulkAdd(FIXTURE_V4.consolidations);
    await v4.table('summaries').bulkAdd(FIXTURE_V4.summaries);
    v4.close();

    await db.open();
    expect(db.verno).toBe(6);
    const rows = await db.evaluations.toArray();
    expect(rows).toHaveLength(FIXTURE_V4.evaluations.length);
    for (const original of FIXTURE_V4.evaluations) {
      const row = rows.find((r) => r.id === original.id)!;
      expect(row).toEqual(recordAsV5(original));
      // Every parameter typed, every French text as it was written.
      for (const [i, f] of row.evaluation.findings.entries()) {
        expect(f.params.every((p) => typeof p === 'object')).toBe(true);
        expect(f.message).toBe(original.evaluation.findings[i]!.message);
      }
      expect(storedEvaluationSchema.safeParse(row).success).toBe(true);
      expectSummaryOf(await db.summaries.get(original.id), row);
    }
    // The version 4 fixture holds a real inspection whose French parameters are rebuilt from data (trackers, weight).
    const findings = rows.flatMap((r) => r.evaluation.findings);
    expect(findings.find((f) => f.messageKey.startsWith('trackers_org_'))?.params[2]).toHaveProperty('country');
    expect(findings.find((f) => f.messageKey === 'pageWeight_summary')?.params[1]).toHaveProperty('bytes');
    expect(await db.consolidations.toArray()).toEqual(expect.arrayContaining(FIXTURE_V4.consolidations.map(consolidationAsV5)));
    expect(ok(await listSummaries(db))).toMatchObject({ rebuilt: 0, unreadable: 0 });
  });
});

describe('schema upgrade from version 5', () => {
  it('adds the subscribed catalogues and keeps every record as it was', async () => {
    await writeV5('loupe-test');

    await db.open();
    expect(db.verno).toBe(6);
    // Version 5 wrote findings' data without their kind: the upgrade adds it, and nothing else changes.
    const expected = FIXTURE_V5.evaluations.map(withKinds);
    expect(expected).not.toEqual(FIXTURE_V5.evaluations);
    expect(await db.evaluations.toArray()).toEqual(expect.arrayContaining(expected));
    expect(await db.evaluations.count()).toBe(FIXTURE_V5.evaluations.length);
    expect(await db.consolidations.toArray()).toEqual(expect.arrayContaining(FIXTURE_V5.consolidations));
    expect(await db.summaries.toArray()).toEqual(expect.arrayContaining(FIXTURE_V5.summaries));
    expect(ok(await listSummaries(db))).toMatchObject({ rebuilt: 0, unreadable: 0 });
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.catalogues.count()).toBe(0);
    expect(await db.importedFiles.count()).toBe(0);
  });
});

describe("the background's catalogue database (same database, no upgrades)", () => {
  it('refuses to upgrade a version 5 database and leaves it whole, for the next extension page to upgrade', async () => {
    await writeV5('loupe-test');
    const light = new CatalogueDb('loupe-test');
    await expect(light.open()).rejects.toThrow(/version 6 upgrade/);
    light.close();
    // Still version 5, nothing rewritten: the full database then runs the upgrade as if the background had not tried.
    const still = new Dexie('loupe-test');
    await still.open();
    expect(still.verno).toBe(5);
    expect(await still.table('evaluations').toArray()).toEqual(expect.arrayContaining(FIXTURE_V5.evaluations));
    still.close();
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.evaluations.toArray()).toEqual(expect.arrayContaining(FIXTURE_V5.evaluations.map(withKinds)));
    expect(await db.resources.count()).toBeGreaterThan(0);
  });

  it('opens a current database beside the pages: a subscription one writes, the other reads', async () => {
    await db.open();
    const light = new CatalogueDb('loupe-test');
    ok(await addSubscription(light, 'https://dane.exemple.fr/catalogue.json', 'person', 1000));
    expect(light.verno).toBe(db.verno);
    expect((await db.subscriptions.toArray()).map((s) => s.url)).toEqual(['https://dane.exemple.fr/catalogue.json']);
    light.close();
  });

  it('creates a database that was never opened at the current version, which the pages then open as theirs', async () => {
    const light = new CatalogueDb('loupe-test');
    ok(await addSubscription(light, 'https://dane.exemple.fr/catalogue.json', 'policy', 1000));
    light.close();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.subscriptions.count()).toBe(1);
    expect(await db.evaluations.count()).toBe(0);
  });
});

describe('schema upgrade from version 3', () => {
  it('opens a database written by version 3 with every evaluation and consolidation unchanged, and a right summary of each evaluation', async () => {
    const v3 = new Dexie('loupe-test');
    v3.version(3).stores(FIXTURE_V3.stores);
    await v3.table('evaluations').bulkAdd(FIXTURE_V3.evaluations);
    await v3.table('consolidations').bulkAdd(FIXTURE_V3.consolidations);
    v3.close();

    await db.open();
    expect(db.verno).toBe(6);
    const rows = await db.evaluations.toArray();
    expect(rows).toHaveLength(FIXTURE_V3.evaluations.length);
    for (const original of FIXTURE_V3.evaluations) expect(rows.find((r) => r.id === original.id)).toEqual(recordAsV5(original));
    expect(await db.consolidations.toArray()).toEqual(expect.arrayContaining(FIXTURE_V3.consolidations.map(consolidationAsV5)));
    expect(await db.consolidations.count()).toBe(FIXTURE_V3.consolidations.length);
    expect(ok(await listConsolidations(db))).toHaveLength(FIXTURE_V3.consolidations.length);

    expect(await db.summaries.count()).toBe(FIXTURE_V3.evaluations.length);
    for (const original of FIXTURE_V3.evaluations) expectSummaryOf(await db.summaries.get(original.id), recordAsV5(original));
    // What the dashboard reads: every evaluation, nothing to rebuild.
    const listing = ok(await listSummaries(db));
    expect(listing).toMatchObject({ rebuilt: 0, unreadable: 0 });
    expect(listing.summaries).toHaveLength(FIXTURE_V3.evaluations.length);
    // The fixture covers what the summaries carry: drafts, imports with their origin, authors, grids, findings.
    expect(FIXTURE_V3.evaluations.some((r) => r.status === 'draft')).toBe(true);
    expect(FIXTURE_V3.evaluations.some((r) => r.origin?.kind === 'imported' && r.evaluation.author && r.evaluation.grid?.some((c) => c.blocking) !== undefined)).toBe(true);
    expect(FIXTURE_V3.evaluations.some((r) => r.evaluation.findings.length >= 25)).toBe(true);
  });

  it('leaves a version 3 database as it was when the upgrade cannot finish', async () => {
    const v3 = new Dexie('loupe-test');
    v3.version(3).stores(FIXTURE_V3.stores);
    await v3.table('evaluations').bulkAdd(FIXTURE_V3.evaluations);
    v3.close();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'summaries') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(db.open()).rejects.toThrow();
    db.close();
    vi.restoreAllMocks();
    const again = new Dexie('loupe-test');
    again.version(3).stores(FIXTURE_V3.stores);
    await again.open();
    expect(again.verno).toBe(3);
    expect(await again.table('evaluations').toArray()).toEqual(expect.arrayContaining(FIXTURE_V3.evaluations));
    again.close();
  });
});

const consolidation = (decidedAt: string, level: Consolidation['level'] = 'deconseillee', url = 'https://www.editeur-exemple.fr/ressource/?x=1'): Consolidation => ({
  resource: { url, site: 'editeur-exemple.fr', title: 'Ressource de mathématiques' },
  level,
  reason: 'Publicité et compte élève',
  blocking: ['ads', 'account'],
  by: { name: 'Référente', role: 'RUPN' },
  decidedAt,
  evaluationIds: ['eval-1', 'eval-2'],
});

describe('consolidated verdicts', () => {
  it('finds the referent verdict by the resource address, whatever its form', async () => {
    ok(await saveConsolidation(db, consolidation('2026-11-01T10:00:00.000Z'), { kind: 'imported', importedAt: 5, fileName: 'bundle.json' }));
    const found = ok(await consolidationFor(db, 'http://editeur-exemple.fr/ressource#haut'))!;
    expect(found).toMatchObject({ url: 'editeur-exemple.fr/ressource', site: 'editeur-exemple.fr', origin: { kind: 'imported', fileName: 'bundle.json' } });
    expect(found.consolidation.level).toBe('deconseillee');
    expect(ok(await consolidationFor(db, 'https://editeur-exemple.fr/autre'))).toBeUndefined();
  });

  it('keeps the newer decision: an older bundle imported later does not overwrite it', async () => {
    ok(await saveConsolidation(db, consolidation('2026-11-10T10:00:00.000Z', 'avec-reserves'), { kind: 'own' }));
    const kept = ok(await saveConsolidation(db, consolidation('2026-10-01T10:00:00.000Z', 'deconseillee'), { kind: 'own' }));
    expect(kept.consolidation.level).toBe('avec-reserves');
    ok(await saveConsolidation(db, consolidation('2026-12-01T10:00:00.000Z', 'deconseillee'), { kind: 'own' }));
    expect(ok(await consolidationFor(db, 'https://editeur-exemple.fr/ressource'))!.consolidation.level).toBe('deconseillee');
  });

  it('deletes a decision and puts it back on undo', async () => {
    const saved = ok(await saveConsolidation(db, consolidation('2026-11-01T10:00:00.000Z'), { kind: 'own' }));
    const gone = ok(await deleteConsolidation(db, saved.url))!;
    expect(ok(await listConsolidations(db))).toEqual([]);
    ok(await restoreConsolidation(db, gone));
    expect(ok(await listConsolidations(db))).toEqual([saved]);
  });

  it('refuses a decision without a written reason', async () => {
    const r = await saveConsolidation(db, { ...consolidation('2026-11-01T10:00:00.000Z'), reason: '  ' }, { kind: 'own' });
    expect(r.ok).toBe(false);
    expect(await db.consolidations.count()).toBe(0);
  });
});

describe('the list of "Mes évaluations"', () => {
  const rec = (id: string, title: string, site: string, verdict: StoredEvaluation['verdict'], updatedAt: number): StoredEvaluation =>
    ({ id, title, site, url: `${site}/x`, verdict, updatedAt, createdAt: 0, status: 'done', search: `${title} ${site} ${site}/x`.toLowerCase(), evaluation: FIXTURE.evaluations[0]!.evaluation }) as StoredEvaluation;
  const records = [
    rec('a', 'Fractions', 'maths.fr', 'recommandee', 3),
    rec('b', 'Conjugaison', 'francais.fr', 'deconseillee', 1),
    rec('c', 'Géométrie', 'maths.fr', '', 4),
    rec('d', 'Lecture', 'lire.fr', 'avec-reserves', 2),
  ];
  it('searches by site or title, every word, case-insensitive', () => {
    expect(filterAndSort(records, 'MATHS', 'date').map((r) => r.id)).toEqual(['c', 'a']);
    expect(filterAndSort(records, 'maths fractions', 'date').map((r) => r.id)).toEqual(['a']);
    expect(filterAndSort(records, 'conjugaison', 'date').map((r) => r.id)).toEqual(['b']);
    expect(filterAndSort(records, '', 'date').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('sorts by verdict, worst first, no verdict last', () => {
    expect(filterAndSort(records, '', 'verdict').map((r) => r.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
