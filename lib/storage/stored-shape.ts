import { evaluationSchema } from '../detectors/finding';
import { LEVELS, ratingSchema, AXES, VERDICTS } from '../model/assessment';
import { STATUSES, type StoredEvaluation } from './record';
import { authorOk, isNum, isObj, optStr, str } from './type-checks';

// A cheap check of a stored evaluation read back for the dashboard, instead of storedEvaluationSchema on each of
// thousands of records (in Node, 8 µs a record with no findings with zod's compiled parsers, 35 µs without them, as
// where eval is refused, e.g. under an extension page's CSP; far more with findings). It is safe because of where
// the record comes from:
// - the database is the extension's own (its origin): no web page and no content script can write into it;
// - every write parses the record first (toRecord, restoreEvaluation and restoreResource use storedEvaluationSchema,
//   a done evaluation evaluationSchema; an import parses the file with exportFileSchema before that);
// so a record that breaks the schema comes from a bug or an older build, never from a page. Against that, this
// checks the type of every field that listing, filtering, grouping and the rows' agreement read, so such a record is
// left out before any of that code meets it. What it does not look into (findings and their data, notes,
// screenshots) is parsed with the schema where it is read: a resource's detail and the exports (App.tsx).
// Everything is rendered as text, never HTML, whatever the check.

const oneOf = (list: readonly string[]) => {
  const set = new Set<unknown>(list);
  return (v: unknown) => set.has(v);
};
const isStatus = oneOf(STATUSES);
const isVerdict = oneOf(VERDICTS);
const isLevel = oneOf(LEVELS);
const isAxis = oneOf(AXES);
const isRating = oneOf(ratingSchema.options);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function criterionOk(c: unknown): boolean {
  return isObj(c) && str(c.id) && isAxis(c.axis) && isRating(c.rating) && (c.blocking === undefined || typeof c.blocking === 'boolean');
}

function evaluationOk(e: unknown): boolean {
  if (!isObj(e) || !str(e.id) || (e.id as string).length < 8) return false;
  const r = e.resource;
  if (!isObj(r) || !str(r.url) || !str(r.site) || !str(r.title)) return false;
  if (!str(e.inspectedAt) || !ISO_DATE.test(e.inspectedAt as string)) return false;
  if (!Array.isArray(e.findings)) return false;
  if (e.grid !== undefined && !(Array.isArray(e.grid) && e.grid.every(criterionOk))) return false;
  const v = e.verdict;
  if (v !== undefined && !(isObj(v) && isVerdict(v.level) && Array.isArray(v.blocking) && v.blocking.every(str))) return false;
  const c = e.context;
  if (c !== undefined && !(isObj(c) && (c.level === undefined || isLevel(c.level)) && optStr(c.subject))) return false;
  return authorOk(e.author);
}

/** Whether a row read from the evaluations table has what the dashboard's list reads, with the right types. */
export function hasStoredShape(row: unknown): row is StoredEvaluation {
  return (
    isObj(row) &&
    str(row.id) &&
    str(row.url) &&
    str(row.site) &&
    str(row.title) &&
    isNum(row.createdAt) &&
    isNum(row.updatedAt) &&
    isStatus(row.status) &&
    (row.verdict === '' || isVerdict(row.verdict)) &&
    str(row.search) &&
    (row.origin === undefined || isObj(row.origin)) &&
    evaluationOk(row.evaluation)
  );
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
