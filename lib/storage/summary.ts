import { type Criterion, type EvaluationVerdict, AXES, type Axis, type LEVELS, type VerdictLevel } from '../model/assessment';
import type { Evaluation } from '../detectors/finding';
import type { RecordOrigin, StoredEvaluation } from './record';
import { authorOk, isNum, isObj, optStr, str } from './type-checks';

// One small record per evaluation (table `summaries`, schema version 4), derived from it and written in the same
// transaction: what the dashboard's list, filters, search, grouping and per-row agreement read, so that opening it
// reads a few hundred bytes per evaluation instead of the whole inspection (tens of kilobytes with its findings).
// The evaluation stays the truth: a summary missing, of another version or damaged is rebuilt from it (listSummaries in
// evaluations.ts), never the other way round.

/** Bumped when what a summary holds changes: summaries of another version are rebuilt from their records. */
export const SUMMARY_VERSION = 1;

type Level = (typeof LEVELS)[number];
type Rating = Criterion['rating'];

export interface EvaluationSummary {
  /** The evaluation's id, the key (as in `evaluations`). */
  id: string;
  v: number;
  /** The stored record's own fields (normalised address, registrable domain, dates, status, verdict, search). */
  url: string;
  site: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  status: StoredEvaluation['status'];
  verdict: VerdictLevel | '';
  search: string;
  origin?: RecordOrigin;
  /** The evaluation's resource as it says it (grouping reads its site and address). */
  resource: { url: string; site: string; title: string };
  inspectedAt: string;
  level?: Level;
  subject?: string;
  /** Who evaluated (the dashboard's evaluator identity and filter). */
  author?: { name?: string; role?: string; school?: string };
  /** The verdict's blocking points. */
  blocking: string[];
  /** The grid, compact: per criterion its rating letter, axis letter, `!` if blocking (else `.`), then its id. */
  grid?: string[];
  /** How many findings, and the inspection's counts by severity. */
  findings: number;
  counts: { blocking: number; problem: number; review: number; info: number };
}

const RATING_CODES: Record<Rating, string> = { conforme: 'c', partiel: 'p', 'non-conforme': 'n', 'a-verifier': 'v', 'non-applicable': 'a', 'non-evalue': 'e' };
const RATING_OF = new Map(Object.entries(RATING_CODES).map(([r, c]) => [c, r as Rating]));
const AXIS_CODE = new Map<string, string>(AXES.map((a, i) => [a, String(i)]));

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function encodeCriterion(c: Pick<Criterion, 'id' | 'axis' | 'rating' | 'blocking'>): string {
  return `${RATING_CODES[c.rating] ?? 'e'}${AXIS_CODE.get(c.axis) ?? '_'}${c.blocking ? '!' : '.'}${c.id}`;
}

export interface CompactCriterion {
  id: string;
  axis: Axis;
  rating: Rating;
  blocking?: boolean;
}

export function decodeCriterion(s: string): CompactCriterion {
  const axis = AXES[Number(s[1])] as Axis;
  return { id: s.slice(3), axis, rating: RATING_OF.get(s[0]!) ?? 'non-evalue', ...(s[2] === '!' ? { blocking: true } : {}) };
}

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
  if (Array.isArray(e.grid)) out.grid = e.grid.map(encodeCriterion);
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
  context?: { level?: Level; subject?: string };
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
    if (s.grid) g.grid = s.grid.map(decodeCriterion);
    graded.set(s, g);
  }
  return g;
}


/**
 * Whether a row of `summaries` is one this build wrote, with the types the dashboard reads. A row that is not (an
 * older summary version, a damaged row) is rebuilt from its evaluation, as a missing one is.
 */
export function isCurrentSummary(row: unknown): row is EvaluationSummary {
  if (!isObj(row) || row.v !== SUMMARY_VERSION) return false;
  const r = row.resource;
  const a = row.author;
  const c = row.counts;
  return (
    str(row.id) &&
    str(row.url) &&
    str(row.site) &&
    str(row.title) &&
    isNum(row.createdAt) &&
    isNum(row.updatedAt) &&
    str(row.status) &&
    str(row.verdict) &&
    str(row.search) &&
    isObj(r) &&
    str(r.url) &&
    str(r.site) &&
    str(r.title) &&
    str(row.inspectedAt) &&
    optStr(row.level) &&
    optStr(row.subject) &&
    authorOk(a) &&
    Array.isArray(row.blocking) &&
    row.blocking.every(str) &&
    (row.grid === undefined || (Array.isArray(row.grid) && row.grid.every((g) => str(g) && (g as string).length >= 3))) &&
    isNum(row.findings) &&
    isObj(c) &&
    (row.origin === undefined || isObj(row.origin))
  );
}
