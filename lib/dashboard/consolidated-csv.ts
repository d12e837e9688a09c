import { csvCell } from '../export/export-file';
import { criterionLabel, fr, frenchDate, verdictLabel } from '../export/fr-labels';
import type { Consolidation } from '../model/consolidation';
import type { GradedEvaluation } from '../storage/read-model';
import type { ResourceGroup } from '../consolidate/group';
import { consolidateResource } from '../consolidate/resource';
import { VERDICTS } from '../model/assessment';

// The dashboard's consolidated CSV: one row per resource, for the referents' spreadsheet. French headers and values
// (the labels the panel uses), ";" because French spreadsheets split on it, a decimal comma they read as a number,
// a BOM so they read UTF-8, every cell through csvCell (untrusted text never runs).

/** The column headers, in order (the tests read the rows by them). */
function consolidatedHeaders(): string[] {
  return [
    fr('csv_title'),
    fr('csv_url'),
    fr('csv_site'),
    fr('csv_evaluations'),
    fr('csv_evaluators'),
    ...VERDICTS.map((v) => fr('csv_verdictCount', [verdictLabel(v)])),
    fr('csv_alpha'),
    fr('csv_alphaRatings'),
    fr('csv_blocking'),
    fr('csv_referentVerdict'),
    fr('csv_referentReason'),
    fr('csv_referentBlocking'),
    fr('csv_referentDate'),
  ];
}

const decimal = (x: number) => x.toFixed(2).replace('.', ',');

export function consolidatedCsv(groups: readonly ResourceGroup[], byId: ReadonlyMap<string, GradedEvaluation>, decisions: ReadonlyMap<string, Consolidation>): string {
  const rows: string[][] = [consolidatedHeaders()];
  for (const g of groups) {
    const c = consolidateResource(g.evaluationIds.flatMap((id) => byId.get(id) ?? []));
    const d = decisions.get(g.key);
    rows.push([
      g.title,
      g.url,
      g.site,
      String(g.evaluations),
      String(g.evaluators),
      ...VERDICTS.map((v) => String(g.verdicts[v])),
      c.agreement.alpha === null ? '' : decimal(c.agreement.alpha),
      String(c.agreement.pairable),
      // "Traceurs et tiers (qui, quel pays) (4)": the point, and how many evaluations raised it.
      c.blocking.map((b) => `${criterionLabel(b.criterion)} (${b.evaluations})`).join(' | '),
      d ? verdictLabel(d.level) : '',
      d?.reason ?? '',
      (d?.blocking ?? []).map(criterionLabel).join(' | '),
      d ? frenchDate(d.decidedAt) : '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
