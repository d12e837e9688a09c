import { browser } from 'wxt/browser';
import type { ResourceGroup } from '@/lib/consolidate/group';
import { consolidatedCsv } from '@/lib/dashboard/consolidated-csv';
import { toExportFile } from '@/lib/export/export-file';
import { exportFileSchema } from '@/lib/export/schema';
import type { Consolidation } from '@/lib/model/consolidation';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { getEvaluations } from '@/lib/storage/evaluations';
import { schemaChecked, type GradedEvaluation } from '@/lib/storage/read-model';
import { saveFile } from '@/components/save-file';
import type { Settle } from '@/components/use-storage-error';

// The resources the filters show, exported: their evaluations whole with the referent's decisions (JSON, to share or
// import elsewhere), or one line per resource (CSV, for a spreadsheet).

export function ExportBar(props: { groups: ResourceGroup[]; byId: ReadonlyMap<string, GradedEvaluation>; decisions: ReadonlyMap<string, Consolidation>; settle: Settle }) {
  const { groups, byId, decisions, settle } = props;
  const bundle = async () => {
    const records = settle(await getEvaluations(loupeDb(), groups.flatMap((g) => g.evaluationIds)));
    if (!records) return;
    const shown = schemaChecked(records.map((x) => x.evaluation as Evaluation));
    const exported = toExportFile(shown, { now: Date.now(), version: browser.runtime.getManifest().version });
    const file = exportFileSchema.parse({ ...exported, consolidations: groups.flatMap((g) => decisions.get(g.key) ?? []) });
    saveFile('loupe-consolidation.json', JSON.stringify(file, null, 2), 'application/json');
  };
  const csv = () => saveFile('loupe-consolidation.csv', consolidatedCsv(groups, byId, decisions), 'text/csv;charset=utf-8');
  return (
    <p>
      <button type="button" class="secondary" data-testid="export-bundle" onClick={() => void bundle()}>
        {t('dash_exportBundle')}
      </button>{' '}
      <button type="button" class="secondary" data-testid="export-csv" onClick={csv}>
        {t('dash_exportCsv')}
      </button>
    </p>
  );
}
