import { csvCell } from '../export/export-file';
import type { Consolidation } from '../export/schema';
import type { GradedEvaluation } from '../storage/summary';
import type { ResourceGroup } from '../consolidate/group';
import { consolidateResource } from '../consolidate/resource';
import { VERDICTS } from '../grid/verdict';

// The dashboard's consolidated CSV: one row per resource, for the referents' spreadsheet. ";" because French
// spreadsheets split on it, a BOM so they read UTF-8, every cell through csvCell (untrusted text never runs).

export const CONSOLIDATED_COLUMNS = ['title', 'url', 'site', 'evaluations', 'evaluators', ...VERDICTS.map((v) => `verdict_${v}`), 'alpha', 'blocking_points', 'referent_verdict', 'referent_reason'] as const;

export function consolidatedCsv(groups: readonly ResourceGroup[], byId: ReadonlyMap<string, GradedEvaluation>, decisions: ReadonlyMap<string, Consolidation>): string {
  const rows: string[][] = [[...CONSOLIDATED_COLUMNS]];
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
      c.agreement.alpha === null ? '' : c.agreement.alpha.toFixed(2),
      c.blocking.map((b) => `${b.criterion} (${b.evaluations})`).join(' | '),
      d?.level ?? '',
      d?.reason ?? '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
