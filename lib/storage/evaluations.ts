import type { BulkError } from 'dexie';
import { evaluationSchema, type Evaluation } from '../detectors/finding';
import type { LoupeDb } from './db';
import { unreadableRecord } from './errors';
import { searchText, storedEvaluationSchema, type StoredEvaluation } from './record';
import { attempt, type StorageResult } from './result';
import { aggregatesOf, hasStoredShape, isCurrentSummary, summaryOf, type EvaluationSummary } from './read-model';
import { resourceKey } from '../net/resource';

export type { StorageResult };

// The evaluations the person keeps: saved as they type (drafts), marked done, listed, found again by resource or
// site, duplicated, deleted and restored. Each write is one IndexedDB transaction, so a failed write leaves the
// earlier records as they were. Every write of `evaluations` writes its summary (lib/storage/summary.ts) in that same
// transaction, through putEvaluations / deleteEvaluations: the dashboard never sees one without the other.

/**
 * Rebuilds the per-resource aggregates of these resource keys from their summaries (read-model.ts
 * ResourceAggregate); inside a transaction holding `summaries` and `resources`. One read by the `url` index.
 */
export async function refreshResources(db: LoupeDb, keys: Iterable<string>): Promise<void> {
  const wanted = [...new Set(keys)];
  if (!wanted.length) return;
  const summaries = (await db.summaries.where('url').anyOf(wanted).toArray()).filter(isCurrentSummary);
  const fresh = aggregatesOf(summaries);
  const kept = new Set(fresh.map((a) => a.key));
  await db.resources.bulkPut(fresh);
  await db.resources.bulkDelete(wanted.filter((k) => !kept.has(k)));
}

/**
 * Adds new evaluations' summaries to their resources' aggregates, without reading the resources' other summaries (an
 * import of thousands would read them all back): the ids are new (bulkAdd refused any already there), so each
 * aggregate is the stored one plus these. Inside a transaction holding `resources`.
 */
async function addToResources(db: LoupeDb, summaries: EvaluationSummary[]): Promise<void> {
  const fresh = aggregatesOf(summaries);
  if (!fresh.length) return;
  const stored = await db.resources.bulkGet(fresh.map((a) => a.key));
  await db.resources.bulkPut(
    fresh.map((a, i) => {
      const before = stored[i];
      return before ? { key: a.key, last: Math.max(before.last, a.last), ids: [...before.ids, ...a.ids].sort() } : a;
    }),
  );
}

/** Puts records, their summaries and their resources' aggregates; inside a transaction holding the three tables. */
export async function putEvaluations(db: LoupeDb, records: StoredEvaluation[], how: 'put' | 'add' = 'put'): Promise<void> {
  if (how === 'add') {
    await db.evaluations.bulkAdd(records);
    return summariseAdded(db, records);
  }
  // A record that changes resource (its address edited) leaves the old one: both are refreshed.
  const before = await db.summaries.bulkGet(records.map((r) => r.id));
  await db.evaluations.bulkPut(records);
  await db.summaries.bulkPut(records.map(summaryOf));
  await refreshResources(db, [...records.map((r) => r.url), ...before.flatMap((s) => (s ? [s.url] : []))]);
}

/**
 * Adds the records whose ids are not in the table yet, with their summaries and their resources' aggregates; a record
 * whose id is there (an earlier import, the person's own) is left as it is. Answers the records added. Inside a
 * transaction holding the three tables. The records are added first, without reading the table before: IndexedDB
 * refuses an id already there (ConstraintError, that record alone), and the adds are cloned and sent at once, while
 * the transaction may still be waiting for another one on the same tables (an import's other lane), instead of after
 * a read that waits for it. The ids must differ from each other (a duplicate would count as one already here).
 */
export async function addNewEvaluations(db: LoupeDb, records: StoredEvaluation[]): Promise<StoredEvaluation[]> {
  const refused = new Set<number>();
  try {
    await db.evaluations.bulkAdd(records);
  } catch (error) {
    // Any other failure (or a failure of the whole call) is thrown, and the transaction adds nothing.
    if ((error as Error | undefined)?.name !== 'BulkError') throw error;
    for (const [pos, failure] of Object.entries((error as BulkError).failuresByPos)) {
      if (failure?.name !== 'ConstraintError') throw error;
      refused.add(Number(pos));
    }
  }
  const added = refused.size ? records.filter((_, i) => !refused.has(i)) : records;
  await summariseAdded(db, added);
  return added;
}

/** The summaries of records just added (new ids), and their resources' aggregates; inside the same transaction. */
async function summariseAdded(db: LoupeDb, records: StoredEvaluation[]): Promise<void> {
  const summaries = records.map(summaryOf);
  await db.summaries.bulkPut(summaries);
  await addToResources(db, summaries);
}

/** Deletes records, their summaries and refreshes their resources' aggregates; inside a transaction holding all three. */
export async function deleteEvaluations(db: LoupeDb, ids: string[]): Promise<void> {
  const before = await db.summaries.bulkGet(ids);
  await db.evaluations.bulkDelete(ids);
  await db.summaries.bulkDelete(ids);
  await refreshResources(db, before.flatMap((s) => (s ? [s.url] : [])));
}

/** The resource's site (lib/net/resource.ts, loaded on first save so the panel's first script stays small). */
export async function siteOf(url: string): Promise<string> {
  const { resourceSite } = await import('../net/resource');
  return resourceSite(url);
}

export async function toRecord(evaluation: Evaluation, status: StoredEvaluation['status'], now: number, createdAt = now): Promise<StoredEvaluation> {
  const url = resourceKey(evaluation.resource.url);
  const site = (await siteOf(evaluation.resource.url)) || evaluation.resource.site;
  const title = evaluation.resource.title;
  return storedEvaluationSchema.parse({
    id: evaluation.id,
    url,
    site,
    title,
    createdAt,
    updatedAt: now,
    status,
    verdict: evaluation.verdict?.level ?? '',
    search: searchText(title, site, url),
    // A finished evaluation meets the export's rules (an override has its comment); a draft may not yet.
    evaluation: status === 'done' ? evaluationSchema.parse(evaluation) : evaluation,
  });
}

/** Saves (creates or replaces) one evaluation; its creation date is kept across saves. */
export function saveEvaluation(db: LoupeDb, evaluation: Evaluation, status: StoredEvaluation['status'], now: number): Promise<StorageResult<StoredEvaluation>> {
  return attempt(async () => {
    // Built before the transaction: IndexedDB commits a transaction that waits on anything but its own requests.
    const record = await toRecord(evaluation, status, now);
    return db.transaction('rw', db.evaluations, db.summaries, db.resources, async () => {
      const existing = await db.evaluations.get(evaluation.id);
      const kept = { ...record, createdAt: existing?.createdAt ?? record.createdAt };
      await putEvaluations(db, [kept]);
      return kept;
    });
  });
}

function parseStored(row: unknown, id: string): StoredEvaluation {
  const r = storedEvaluationSchema.safeParse(row);
  if (!r.success) throw unreadableRecord(id);
  return r.data;
}

export interface Listing {
  records: StoredEvaluation[];
  /** Records the schema refuses (written by a broken build, edited by hand): kept in the database, not shown. */
  unreadable: number;
}

/**
 * How a listing checks what it reads back: `schema` parses every record (zod); `shape` is the dashboard's cheap check
 * (lib/storage/stored-shape.ts says why it is safe, and what is left to parse where it is read).
 */
export type ReadCheck = 'schema' | 'shape';

function readable(rows: unknown[], check: ReadCheck = 'schema'): Listing {
  const records: StoredEvaluation[] = [];
  let unreadable = 0;
  for (const row of rows) {
    if (check === 'shape' && hasStoredShape(row)) {
      records.push(row);
      continue;
    }
    // The schema decides for a row the cheap check refuses: it may be valid in a way the check does not foresee.
    const r = storedEvaluationSchema.safeParse(row);
    if (r.success) records.push(r.data);
    else unreadable++;
  }
  return { records, unreadable };
}

/** Every evaluation, most recently changed first. */
export function listEvaluations(db: LoupeDb, check: ReadCheck = 'schema'): Promise<StorageResult<Listing>> {
  return attempt(async () => readable(await db.evaluations.orderBy('updatedAt').reverse().toArray(), check));
}

export interface SummaryListing {
  /** One per readable evaluation, most recently changed first. */
  summaries: EvaluationSummary[];
  /** Evaluations the schema refuses: kept in the database, not shown. */
  unreadable: number;
  /** Summaries rebuilt from their evaluation on this read (missing, stale or of another version). */
  rebuilt: number;
}

const newestSummaryFirst = (a: EvaluationSummary, b: EvaluationSummary) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Every evaluation's summary, for the dashboard: the summaries table, checked against the evaluations' keys (one
 * request, not the records). An evaluation whose summary is missing, of another summary version (an older build) or
 * damaged is read whole, checked as the dashboard checks records, and summarised again; the rebuilt summaries are
 * written back. A summary whose evaluation is gone is not shown. A summary cannot be older than its record otherwise:
 * every write of a record here writes its summary in the same transaction (putEvaluations, deleteEvaluations), and
 * an older build cannot write into this database (IndexedDB refuses to open a newer version than it declares).
 * Read with getAll and getAllKeys on the stores, not with an index cursor: one request for 10,000 rows instead of
 * 10,000 cursor steps (fake-indexeddb took 36 s on those), and an index's keys cost more than the store's in Chromium.
 */
/**
 * The current summaries (isCurrentSummary), read per page of this many in key order and checked as each page
 * arrives: the browser turns a read's rows into objects in one task, and 10,000 summaries read and checked at once
 * held the dashboard for 300 to 500 ms after its first screen and after an import (npm run bench, dashboard-page);
 * a page of 2,000 is under 100 ms.
 */
export const SUMMARY_PAGE = 2_000;

async function currentSummaries(table: LoupeDb['summaries']): Promise<EvaluationSummary[]> {
  const kept: EvaluationSummary[] = [];
  for (let last: string | undefined; ; ) {
    const page: unknown[] = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(SUMMARY_PAGE).toArray();
    for (const row of page) if (isCurrentSummary(row)) kept.push(row);
    if (page.length < SUMMARY_PAGE) return kept;
    last = (page[page.length - 1] as { id: string }).id;
  }
}

export function listSummaries(db: LoupeDb): Promise<StorageResult<SummaryListing>> {
  return attempt(async () => {
    // Two reads side by side, not one transaction: a browser runs them at once (each costs 150-200 ms on 10,000
    // evaluations in Chromium). A write landing between them is harmless: a summary it adds without its key here
    // is not shown until the next read, a record without its summary is summarised from itself, a summary left
    // without its record is not shown.
    const [current, ids] = await Promise.all([currentSummaries(db.summaries), db.evaluations.toCollection().primaryKeys()]);
    const byId = new Map<string, EvaluationSummary>();
    for (const s of current) byId.set(s.id, s);
    const summaries: EvaluationSummary[] = [];
    const stale: string[] = [];
    for (const id of ids) {
      const s = byId.get(id);
      if (s) summaries.push(s);
      else stale.push(id);
    }
    let unreadable = 0;
    const rebuilt: EvaluationSummary[] = [];
    if (stale.length) {
      const records = readable((await db.evaluations.bulkGet(stale)).filter((r) => r !== undefined), 'shape');
      unreadable = stale.length - records.records.length;
      for (const r of records.records) rebuilt.push(summaryOf(r));
      // Written back only where the record has not changed meanwhile (another page may have saved it since). A
      // failed write-back loses nothing: the summaries are shown, and rebuilt again on the next read.
      await db
        .transaction('rw', db.evaluations, db.summaries, db.resources, async () => {
          const now = await db.evaluations.bulkGet(rebuilt.map((s) => s.id));
          const kept = rebuilt.filter((s, i) => now[i]?.updatedAt === s.updatedAt);
          await db.summaries.bulkPut(kept);
          await refreshResources(db, kept.map((s) => s.url));
        })
        .catch(() => undefined);
      summaries.push(...rebuilt);
    }
    return { summaries: summaries.sort(newestSummaryFirst), unreadable, rebuilt: rebuilt.length };
  });
}

/** These evaluations whole (a resource's detail, an export), each checked by the schema; missing ones left out. */
export function getEvaluations(db: LoupeDb, ids: readonly string[]): Promise<StorageResult<StoredEvaluation[]>> {
  return attempt(async () => readable((await db.evaluations.bulkGet([...ids])).filter((r) => r !== undefined)).records);
}

export function getEvaluation(db: LoupeDb, id: string): Promise<StorageResult<StoredEvaluation | undefined>> {
  return attempt(async () => {
    const row = await db.evaluations.get(id);
    return row === undefined ? undefined : parseStored(row, id);
  });
}

export interface History {
  /** Earlier evaluations of the same resource (same normalised address), newest first. */
  same: StoredEvaluation[];
  /** Other pages of the same site. */
  site: StoredEvaluation[];
}

export function historyOf(db: LoupeDb, resourceUrl: string, exceptId?: string): Promise<StorageResult<History>> {
  return attempt(async () => {
    const url = resourceKey(resourceUrl);
    const site = await siteOf(resourceUrl);
    const newest = (a: StoredEvaluation, b: StoredEvaluation) => b.updatedAt - a.updatedAt;
    const same = readable(await db.evaluations.where('url').equals(url).toArray()).records.filter((r) => r.id !== exceptId).sort(newest);
    const bySite = site ? readable(await db.evaluations.where('site').equals(site).toArray()).records : [];
    return { same, site: bySite.filter((r) => r.url !== url).sort(newest) };
  });
}

/** The evaluation to resume for this resource: its newest one, draft or done (the person may start a new one). */
export async function latestOf(db: LoupeDb, resourceUrl: string): Promise<StorageResult<StoredEvaluation | undefined>> {
  const h = await historyOf(db, resourceUrl);
  return h.ok ? { ok: true, value: h.value.same[0] } : h;
}

/** Deletes one evaluation and hands it back, so the page can offer to undo. */
export function deleteEvaluation(db: LoupeDb, id: string): Promise<StorageResult<StoredEvaluation | undefined>> {
  return attempt(() =>
    db.transaction('rw', db.evaluations, db.summaries, db.resources, async () => {
      const row = await db.evaluations.get(id);
      await deleteEvaluations(db, [id]);
      return row;
    }),
  );
}

/** Puts back a deleted evaluation exactly as it was. */
export function restoreEvaluation(db: LoupeDb, record: StoredEvaluation): Promise<StorageResult<StoredEvaluation>> {
  return attempt(async () => {
    const parsed = storedEvaluationSchema.parse(record);
    await db.transaction('rw', db.evaluations, db.summaries, db.resources, () => putEvaluations(db, [parsed]));
    return record;
  });
}

/** A copy to start from (another class, another year): a new draft with its own id, the same inspection. */
export function duplicateEvaluation(db: LoupeDb, id: string, newId: string, now: number): Promise<StorageResult<StoredEvaluation>> {
  return attempt(() =>
    db.transaction('rw', db.evaluations, db.summaries, db.resources, async () => {
      const source = parseStored(await db.evaluations.get(id), id);
      const copy: StoredEvaluation = { ...source, id: newId, createdAt: now, updatedAt: now, status: 'draft', evaluation: { ...source.evaluation, id: newId } };
      await putEvaluations(db, [copy], 'add');
      return copy;
    }),
  );
}
