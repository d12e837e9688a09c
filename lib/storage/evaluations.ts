import { evaluationSchema, type Evaluation } from '../export/schema';
import type { LoupeDb } from './db';
import { unreadableRecord } from './errors';
import { normaliseUrl, searchText, storedEvaluationSchema, type StoredEvaluation } from './record';
import { attempt, type StorageResult } from './result';
import { hasStoredShape } from './stored-shape';

export type { StorageResult };

// The evaluations the person keeps: saved as they type (drafts), marked done, listed, found again by resource or
// site, duplicated, deleted and restored. Each write is one IndexedDB transaction, so a failed write leaves the
// earlier records as they were.

/** Registrable domain (tldts, loaded on first save so the panel's first script stays small). */
export async function siteOf(url: string): Promise<string> {
  const { getDomain, getHostname } = await import('tldts');
  return getDomain(url) ?? getHostname(url) ?? '';
}

export async function toRecord(evaluation: Evaluation, status: StoredEvaluation['status'], now: number, createdAt = now): Promise<StoredEvaluation> {
  const url = normaliseUrl(evaluation.resource.url);
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
    return db.transaction('rw', db.evaluations, async () => {
      const existing = await db.evaluations.get(evaluation.id);
      const kept = { ...record, createdAt: existing?.createdAt ?? record.createdAt };
      await db.evaluations.put(kept);
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
    const url = normaliseUrl(resourceUrl);
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
    db.transaction('rw', db.evaluations, async () => {
      const row = await db.evaluations.get(id);
      await db.evaluations.delete(id);
      return row;
    }),
  );
}

/** Puts back a deleted evaluation exactly as it was. */
export function restoreEvaluation(db: LoupeDb, record: StoredEvaluation): Promise<StorageResult<StoredEvaluation>> {
  return attempt(async () => {
    await db.evaluations.put(storedEvaluationSchema.parse(record));
    return record;
  });
}

/** A copy to start from (another class, another year): a new draft with its own id, the same inspection. */
export function duplicateEvaluation(db: LoupeDb, id: string, newId: string, now: number): Promise<StorageResult<StoredEvaluation>> {
  return attempt(() =>
    db.transaction('rw', db.evaluations, async () => {
      const source = parseStored(await db.evaluations.get(id), id);
      const copy: StoredEvaluation = { ...source, id: newId, createdAt: now, updatedAt: now, status: 'draft', evaluation: { ...source.evaluation, id: newId } };
      await db.evaluations.add(copy);
      return copy;
    }),
  );
}
