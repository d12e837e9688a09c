import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportFile } from './schema';
import { type Evaluation } from '../detectors/finding';
import { stripBidi } from '../text/untrusted';
import { stripUrl } from '../net/strip-url';

/**
 * Wraps evaluations in the export envelope, URLs stripped of their query strings and fragments unless asked
 * otherwise; `withoutAuthor` drops who evaluated, for a file shared beyond the school.
 */
export function toExportFile(evaluations: Evaluation[], opts: { now: number; version: string; keepQuery?: boolean; withoutAuthor?: boolean }): ExportFile {
  const stripped = opts.keepQuery ? evaluations : evaluations.map(stripEvaluation);
  const clean = opts.withoutAuthor ? stripped.map(withoutAuthor) : stripped;
  return exportFileSchema.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(opts.now).toISOString(),
    generator: { name: 'Loupe', version: opts.version },
    evaluations: clean,
  });
}

function withoutAuthor(e: unknown): unknown {
  const { author: _, ...rest } = e as Evaluation;
  return rest;
}

/** The evaluation without query strings; untyped until the envelope's schema parses it again. */
function stripEvaluation(e: Evaluation): unknown {
  return {
    ...e,
    resource: { ...e.resource, url: stripUrl(e.resource.url) },
    findings: e.findings.map((f) => ({
      ...f,
      evidence: f.evidence.map((ev) => (ev.url ? { ...ev, url: stripUrl(ev.url) } : ev)),
      ...(f.data ? { data: stripUrlsDeep(f.data) } : {}),
    })),
  };
}

/** Detectors keep URLs in their data too (tracker requests, licence links): strip them wherever they are. */
function stripUrlsDeep(value: unknown): unknown {
  if (typeof value === 'string') return /^(https?|mailto):/i.test(value) ? stripUrl(value) : value;
  if (Array.isArray(value)) return value.map(stripUrlsDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripUrlsDeep(v)]));
  return value;
}

/**
 * Page text is untrusted. A spreadsheet runs a cell that starts with = + - @ (or a tab / CR before one), and one that
 * splits the file on ";" or a tab (French Excel does) sees a new cell after each: every such start is neutralised
 * with an apostrophe, bidi controls are removed, and the cell is quoted.
 */
export function csvCell(v: string): string {
  const safe = stripBidi(v).replace(/(^|[;,\t\r\n])([\t\r ]*)(?=[=+\-@])/g, "$1$2'");
  return `"${safe.replace(/"/g, '""')}"`;
}
