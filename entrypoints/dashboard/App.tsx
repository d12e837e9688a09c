import { useMemo, useState } from 'preact/hooks';
import { filterEvaluations } from '@/lib/consolidate/filter';
import { groupByResource } from '@/lib/consolidate/group';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { restoreResource, type RemovedResource } from '@/lib/storage/resources';
import { CataloguePublish } from './CataloguePublish';
import { ExportBar } from './ExportBar';
import { Filters, filterOf, useFilterForm } from './Filters';
import { ImportZone } from './ImportZone';
import { ResourceDetail } from './ResourceDetail';
import { ResourceList } from './ResourceList';
import { useListPaintMark } from './paint-marks';
import { useDashboardData } from './use-dashboard-data';

// "Tableau de bord": colleagues' evaluations imported and gathered per resource, how far they agree, and the
// referent's consolidated verdict. The data (use-dashboard-data.ts) is read live from the database; this page lays out
// the import zone, the filters, the list with its export bar, and the opened resource.

export function App() {
  const [importing, setImporting] = useState(false);
  const { loaded, index, byId, decisions, partial, error, settle } = useDashboardData(importing);
  const [form, changeFilter] = useFilterForm();
  const [open, setOpen] = useState<string | undefined>();
  const [undo, setUndo] = useState<RemovedResource | undefined>();

  // The unfiltered list is grouped once per read: clearing a filter shows it again without regrouping.
  const filtered = Object.values(form).some(Boolean);
  const allGroups = useMemo(() => groupByResource(index.map((x) => x.evaluation)), [index]);
  const groups = useMemo(() => (filtered ? groupByResource(filterEvaluations(index, filterOf(form))) : allGroups), [index, form, allGroups]);
  useListPaintMark(loaded, groups, !partial);
  const group = open ? groups.find((g) => g.key === open) : undefined;

  const putBack = async () => {
    if (undo && settle(await restoreResource(loupeDb(), undo))) setUndo(undefined);
  };

  return (
    <main class="dashboard" data-testid="page:dashboard">
      <h1>{t('dash_title')}</h1>
      <p>
        <a href="/evaluations.html">{t('list_title')}</a> · <a href="/options.html">{t('settings_title')}</a>
      </p>
      {error && (
        <p class="error" role="alert" data-testid="storage-error">
          {t(error.messageKey, error.detail)}
        </p>
      )}
      <ImportZone settle={settle} onRunning={setImporting} />
      <CataloguePublish decisions={decisions} />
      {undo && (
        <p role="status">
          {t('dash_deleted', undo.evaluations.length)}{' '}
          <button type="button" data-testid="undo" onClick={() => void putBack()}>
            {t('dash_undo')}
          </button>
        </p>
      )}
      {group ? (
        <ResourceDetail
          key={group.key}
          group={group}
          byId={byId}
          decision={decisions.get(group.key)}
          settle={settle}
          onDeleted={(removed) => {
            setUndo(removed);
            setOpen(undefined);
          }}
          onClose={() => setOpen(undefined)}
        />
      ) : (
        <section aria-labelledby="resources-title">
          <h2 id="resources-title">{t('dash_resources')}</h2>
          <Filters form={form} onChange={changeFilter} index={index} />
          {/* Before the whole list is read, the count of every resource comes from their aggregates. */}
          <p data-testid="resource-count">{t('dash_resourceCount', partial && !filtered ? partial.resources : groups.length)}</p>
          <ExportBar groups={groups} byId={byId} decisions={decisions} settle={settle} />
          <ResourceList groups={groups} byId={byId} decisions={decisions} onOpen={setOpen} />
        </section>
      )}
    </main>
  );
}
