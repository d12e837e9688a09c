import { AXES } from '../model/assessment';
import { GRID } from '../grid/grid';
import { csvCell } from './export-file';
import { axisLabel, categoryLabel, criterionLabel, fr, frenchDate, levelLabel, ratingLabel, severityLabel, verdictLabel } from './fr-labels';
import type { Evaluation } from '../detectors/finding';
import type { ExportFile } from './schema';

// CSV for the spreadsheets French schools use: French Excel and LibreOffice split on ";" by default (a "," option for
// the others), read UTF-8 only after a BOM, and every cell goes through csvCell (quoted, formulas neutralised).

export type CsvSeparator = ';' | ',';
export interface CsvOptions {
  separator?: CsvSeparator;
}

function toText(rows: readonly (readonly string[])[], opts: CsvOptions): string {
  const sep = opts.separator ?? ';';
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(sep)).join('\r\n') + '\r\n';
}

const resourceHeaders = () => [fr('csv_evaluationId'), fr('csv_url'), fr('csv_site'), fr('csv_title'), fr('csv_inspectedAt')];
const resourceCells = (e: Evaluation) => [e.id, e.resource.url, e.resource.site, e.resource.title, frenchDate(e.inspectedAt)];

/** The column headers of evaluationRowsCsv, in order (the tests and the dashboard read them by name). */
export function evaluationHeaders(): string[] {
  return [
    ...resourceHeaders(),
    fr('csv_publisher'),
    fr('csv_level'),
    fr('csv_subject'),
    fr('csv_verdict'),
    fr('csv_verdictBy'),
    fr('csv_verdictSuggested'),
    fr('csv_verdictReason'),
    fr('csv_blocking'),
    ...AXES.map((a) => fr('csv_score', [axisLabel(a)])),
    ...GRID.map((c) => criterionLabel(c.id)),
    fr('eval_comment'),
    fr('csv_evaluator'),
    fr('csv_role'),
    fr('csv_school'),
  ];
}

function evaluationRow(e: Evaluation): string[] {
  const v = e.verdict;
  const byId = new Map((e.grid ?? []).map((c) => [c.id, c]));
  const scores = new Map((v?.scores ?? []).map((s) => [s.axis, s.score]));
  const blocking = v?.blocking ?? (e.grid ?? []).filter((c) => c.blocking).map((c) => c.id);
  const comments = (e.grid ?? []).filter((c) => c.comment?.trim()).map((c) => `${criterionLabel(c.id)} : ${c.comment}`);
  return [
    ...resourceCells(e),
    e.resource.publisher ?? '',
    e.context?.level ? levelLabel(e.context.level) : '',
    e.context?.subject ?? '',
    v ? verdictLabel(v.level) : '',
    v ? fr(v.source === 'person' ? 'csv_verdictByPerson' : 'csv_verdictByLoupe') : '',
    v ? verdictLabel(v.suggested) : '',
    v?.reason ?? '',
    blocking.map(criterionLabel).join(' | '),
    // A number the spreadsheet can sort; empty when no criterion of the axis is rated.
    ...AXES.map((a) => (scores.get(a) == null ? '' : String(scores.get(a)))),
    ...GRID.map((c) => {
      const r = byId.get(c.id)?.rating;
      return r ? ratingLabel(r) : '';
    }),
    comments.join('\n'),
    e.author?.name ?? '',
    e.author?.role ?? '',
    e.author?.school ?? '',
  ];
}

/** One row per evaluation: the grid's 26 criteria, the verdict and who decided it, the axis scores, who evaluated. */
export function evaluationRowsCsv(file: ExportFile, opts: CsvOptions = {}): string {
  return toText([evaluationHeaders(), ...file.evaluations.map(evaluationRow)], opts);
}

export function findingHeaders(): string[] {
  return [...resourceHeaders(), fr('csv_findingId'), fr('csv_category'), fr('csv_severity'), fr('csv_message'), fr('csv_evidence'), fr('csv_note')];
}

/** One row per finding, with the person's note on it: the detail behind the evaluations. */
export function findingRowsCsv(file: ExportFile, opts: CsvOptions = {}): string {
  const rows: string[][] = [findingHeaders()];
  for (const e of file.evaluations) {
    for (const f of e.findings) {
      const evidence = f.evidence.map((ev) => ev.url ?? ev.selector ?? ev.text ?? '').filter(Boolean).join(' | ');
      rows.push([...resourceCells(e), f.id, categoryLabel(f.category), severityLabel(f.severity), f.message, evidence, e.findingNotes?.[f.id] ?? '']);
    }
  }
  return toText(rows, opts);
}
