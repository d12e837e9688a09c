import { z } from 'zod';
import { evaluationSchema, type Evaluation } from '../detectors/finding';
import { axisSchema, contextSchema, ratingSchema, verdictLevelSchema, authorSchema, type EvaluationVerdict } from '../model/assessment';
import { quickCheck } from '../model/quick-check';
import { draftEvaluationSchema, originSchema, storedEvaluationSchema, type StoredEvaluation } from './record';

// The storage read model, in one module: a stored record (lib/storage/record.ts) and its summary, the small row
// beside it (table `summaries`, schema version 4) that the dashboard's list, filters, search, grouping and per-row
// agreement read, so that opening it reads a few hundred bytes per evaluation instead of the whole inspection. The
// summary is derived from the record and written in the same transaction; the record stays the truth: a summary
// missing, of another version or damaged is rebuilt from it (listSummaries in evaluations.ts), never the other way.
//
// Both are checked on reading back with quick checks derived from their schemas (lib/model/quick-check.ts), not a
// zod parse each: it is safe because of where the rows come from. The database is the extension's own (no page and
// no content script can write into it) and every write parses the record first (toRecord, restoreEvaluation and
// restoreResource use storedEvaluationSchema, a done evaluation evaluationSchema; an import parses the file with
// exportFileSchema before that); so a row that breaks its schema comes from a bug or an older build, never from a
// page. What the checks leave out (findings and their data, notes, screenshots) is parsed with the schema where it
// is read: a resource's detail and the exports. Everything is rendered as text, never HTML.

/** Bumped when what a summary holds changes: summaries of another version are rebuilt from their records. */
export const SUMMARY_VERSION = 2;

const criterionSummarySchema = z.object({ id: z.string(), axis: axisSchema, rating: ratingSchema, blocking: z.boolean().optional() });
export type CompactCriterion = z.infer<typeof criterionSummarySchema>;

export const summarySchema = z.object({
  /** The evaluation's id, the key (as in `evaluations`). */
  id: z.string(),
  v: z.literal(SUMMARY_VERSION),
  /** The stored record's own fields (resource key, site, dates, status, verdict, search). */
  url: z.string(),
  site: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: storedEvaluationSchema.shape.status,
  verdict: storedEvaluationSchema.shape.verdict,
  search: z.string(),
  origin: originSchema.optional(),
  /** The evaluation's resource as it says it (grouping reads its address). */
  resource: z.object({ url: z.string(), site: z.string(), title: z.string() }),
  inspectedAt: z.string(),
  level: contextSchema.shape.level,
  subject: contextSchema.shape.subject,
  /** Who evaluated (the dashboard's evaluator identity and filter). */
  author: authorSchema.optional(),
  /** The verdict's blocking points. */
  blocking: z.array(z.string()),
  /** The grid: per criterion its rating, axis and whether it is a blocking point. */
  grid: z.array(criterionSummarySchema).optional(),
  /** How many findings, and the inspection's counts by severity. */
  findings: z.number(),
  counts: z.object({ blocking: z.number(), problem: z.number(), review: z.number(), info: z.number() }),
});
export type EvaluationSummary = z.infer<typeof summarySchema>;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The summary of a stored evaluation. Total on whatever it is given (a record of an older build may lack a field):
 * it reads, never throws, and the dashboard checks the record itself before it shows the summary.
 */
export function summaryOf(record: StoredEvaluation): EvaluationSummary {
  const e = (record.evaluation ?? {}) as Partial<Evaluation>;
  const r = (e.resource ?? {}) as Partial<Evaluation['resource']>;
  const s = (e.summary ?? {}) as Partial<Evaluation['summary']>;
  const out: EvaluationSummary = {
    id: record.id,
    v: SUMMARY_VERSION,
    url: text(record.url),
    site: text(record.site),
    title: text(record.title),
    createdAt: num(record.createdAt),
    updatedAt: num(record.updatedAt),
    status: record.status,
    verdict: record.verdict ?? '',
    search: text(record.search),
    resource: { url: text(r.url), site: text(r.site), title: text(r.title) },
    inspectedAt: text(e.inspectedAt),
    blocking: Array.isArray(e.verdict?.blocking) ? [...e.verdict.blocking] : [],
    findings: Array.isArray(e.findings) ? e.findings.length : 0,
    counts: { blocking: num(s.blocking), problem: num(s.problem), review: num(s.review), info: num(s.info) },
  };
  if (record.origin) out.origin = record.origin;
  if (e.context?.level) out.level = e.context.level;
  if (e.context?.subject !== undefined) out.subject = e.context.subject;
  if (e.author) out.author = { ...e.author };
  if (Array.isArray(e.grid)) out.grid = e.grid.map((c) => ({ id: c.id, axis: c.axis, rating: c.rating, ...(c.blocking ? { blocking: true } : {}) }));
  return out;
}

/**
 * What the consolidation code reads of an evaluation (lib/consolidate: grouping, filters, evaluator, agreement,
 * blocking points), as a summary gives it back.
 */
export interface GradedEvaluation {
  id: string;
  resource: { url: string; site: string; title: string };
  inspectedAt: string;
  context?: { level?: EvaluationSummary['level']; subject?: string };
  author?: { name?: string; role?: string; school?: string };
  verdict?: Pick<EvaluationVerdict, 'level' | 'blocking'>;
  grid?: CompactCriterion[];
}

const graded = new WeakMap<EvaluationSummary, GradedEvaluation>();

/** The summary as the consolidation code reads an evaluation; one object per summary, so its caches hold. */
export function gradedOf(s: EvaluationSummary): GradedEvaluation {
  let g = graded.get(s);
  if (!g) {
    g = { id: s.id, resource: s.resource, inspectedAt: s.inspectedAt };
    if (s.level !== undefined || s.subject !== undefined) g.context = { ...(s.level ? { level: s.level } : {}), ...(s.subject !== undefined ? { subject: s.subject } : {}) };
    if (s.author) g.author = s.author;
    if (s.verdict) g.verdict = { level: s.verdict, blocking: s.blocking };
    if (s.grid) g.grid = s.grid;
    graded.set(s, g);
  }
  return g;
}


const summaryShape = quickCheck(summarySchema);

/**
 * Whether a row of `summaries` is one this build wrote, with the types the dashboard reads. A row that is not (an
 * older summary version, a damaged row) is rebuilt from its evaluation, as a missing one is.
 */
export function isCurrentSummary(row: unknown): row is EvaluationSummary {
  return summaryShape(row);
}

/** What listing, filtering, grouping and the rows' agreement read of a stored record: its schema, findings unread. */
const storedShape = quickCheck(
  storedEvaluationSchema.extend({
    evaluation: draftEvaluationSchema.pick({ id: true, resource: true, inspectedAt: true, grid: true, verdict: true, context: true, author: true }).extend({ findings: z.array(z.unknown()) }),
  }),
);

/** Whether a row read from the evaluations table has what the dashboard's list reads, with the right types. */
export function hasStoredShape(row: unknown): row is StoredEvaluation {
  return storedShape(row);
}

const parsed = new WeakMap<object, boolean>();

/**
 * The evaluations among these that the export's schema accepts, each parsed once (cached per object): for what reads
 * more than the cheap check looked at (a resource's detail reads findings' data; an export writes everything).
 */
export function schemaChecked<E extends object>(evaluations: readonly E[]): E[] {
  return evaluations.filter((e) => {
    let ok = parsed.get(e);
    if (ok === undefined) parsed.set(e, (ok = evaluationSchema.safeParse(e).success));
    return ok;
  });
}

/**
 * Per resource, what the dashboard's first screen needs to find its rows without reading every summary (table
 * `resources`, schema version 6): the resource's key (the records' `url`, lib/net/resource.ts resourceKey), the time
 * of its latest finished inspection (the list's order) and the ids of its finished evaluations. Kept up to date in
 * the same transaction as the summaries, on every write path (putEvaluations, deleteEvaluations, the summaries' write
 * back): derived from the summaries of that key, never edited by itself. The list's rows are then grouped from those
 * few summaries as the whole list is (lib/consolidate/group.ts), so the first screen shows what the whole list shows.
 */
export interface ResourceAggregate {
  key: string;
  /** Latest finished inspection of the resource, ms since the epoch (-1 when its date does not parse). */
  last: number;
  /** Its finished evaluations' ids. */
  ids: string[];
}

const inspected = (s: EvaluationSummary) => {
  const t = Date.parse(s.inspectedAt);
  return Number.isFinite(t) ? t : -1;
};

/** The aggregates of these summaries' resources: finished evaluations only, as the dashboard lists them. */
export function aggregatesOf(summaries: Iterable<EvaluationSummary>): ResourceAggregate[] {
  const byKey = new Map<string, ResourceAggregate>();
  for (const s of summaries) {
    if (s.status !== 'done') continue;
    let a = byKey.get(s.url);
    if (!a) byKey.set(s.url, (a = { key: s.url, last: -1, ids: [] }));
    a.ids.push(s.id);
    a.last = Math.max(a.last, inspected(s));
  }
  for (const a of byKey.values()) a.ids.sort();
  return [...byKey.values()];
}
