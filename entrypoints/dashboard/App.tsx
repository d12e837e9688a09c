import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { indexEvaluations, filterEvaluations, type EvaluationFilter, type Level } from '@/lib/consolidate/filter';
import { groupByResource } from '@/lib/consolidate/group';
import { evaluatorOf } from '@/lib/consolidate/evaluator';
import { consolidateResource } from '@/lib/consolidate/resource';
import { consolidatedCsv } from '@/lib/dashboard/consolidated-csv';
import { toExportFile } from '@/lib/export/export-file';
import { exportFileSchema } from '@/lib/export/schema';
import type { Consolidation } from '@/lib/model/consolidation';
import type { Evaluation } from '@/lib/detectors/finding';
import { LEVELS, type VerdictLevel } from '@/lib/model/assessment';
import { backupFile, restoreBackup } from '@/lib/import/backup';
import { importFiles, type FileOutcome } from '@/lib/import/import-files';
import { t } from '@/lib/i18n/t';
import { listConsolidations, saveConsolidation } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import type { StorageError } from '@/lib/storage/errors';
import { getEvaluations, listSummaries } from '@/lib/storage/evaluations';
import type { StoredConsolidation } from '@/lib/storage/record';
import { deleteResource, restoreResource, type RemovedResource } from '@/lib/storage/resources';
import { schemaChecked, gradedOf, type EvaluationSummary } from '@/lib/storage/read-model';
import { VerdictOptions } from '@/components/VerdictResult';
import { ResourceDetail } from './ResourceDetail';
import { ResourceList, alphaText } from './ResourceList';
import { markLoaded, useListPaintMark } from './paint-marks';
import { camel } from '@/lib/text/key-case';

// "Tableau de bord": colleagues' evaluations imported and gathered per resource, how far they agree, and the
// referent's consolidated verdict. The list, its filters, grouping and agreement read the evaluations' summaries
// only (lib/storage/summary.ts, a few hundred bytes each); whole evaluations are read for an opened resource's detail
// and for the exports.

function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const version = () => browser.runtime.getManifest().version;
const dayStart = (d: string) => (d ? Date.parse(`${d}T00:00:00`) : undefined);
const dayEnd = (d: string) => (d ? Date.parse(`${d}T23:59:59.999`) : undefined);

export function App() {
  const [summaries, setSummaries] = useState<EvaluationSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [decisions, setDecisions] = useState<StoredConsolidation[]>([]);
  const [error, setError] = useState<StorageError | undefined>();
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [over, setOver] = useState(false);
  const [open, setOpen] = useState<string | undefined>();
  const [undo, setUndo] = useState<RemovedResource | undefined>();
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState('');
  const [subject, setSubject] = useState('');
  const [verdict, setVerdict] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [evaluator, setEvaluator] = useState('');

  const reload = useCallback(async () => {
    const db = loupeDb();
    const [e, c] = await Promise.all([listSummaries(db), listConsolidations(db)]);
    if (!e.ok) return setError(e.error);
    if (!c.ok) return setError(c.error);
    setError(undefined);
    setSummaries(e.value.summaries.filter((s) => s.status === 'done'));
    setDecisions(c.value);
    setLoaded(true);
    markLoaded();
  }, []);
  useEffect(() => void reload(), [reload]);

  const evaluations = useMemo(() => summaries.map(gradedOf), [summaries]);
  const index = useMemo(() => indexEvaluations(evaluations), [evaluations]);
  const byId = useMemo(() => new Map(evaluations.map((e) => [e.id, e])), [evaluations]);
  const decisionMap = useMemo(() => new Map(decisions.map((d) => [d.url, d.consolidation])), [decisions]);
  const evaluators = useMemo(() => {
    const m = new Map<string, string>();
    for (const x of index) if (!m.has(x.evaluator)) m.set(x.evaluator, evaluatorOf(x.evaluation).name || x.evaluator);
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [index]);
  const filter: EvaluationFilter = {
    query: query || undefined,
    level: (level || undefined) as Level | undefined,
    subject: subject || undefined,
    verdict: (verdict || undefined) as EvaluationFilter['verdict'],
    since: dayStart(since),
    until: dayEnd(until),
    evaluator: evaluator || undefined,
  };
  const groups = useMemo(() => groupByResource(filterEvaluations(index, filter)), [index, query, level, subject, verdict, since, until, evaluator]);
  useListPaintMark(loaded, groups);
  const alphaCache = useMemo(() => new Map<string, string>(), [groups]);
  const extras = {
    referent: (key: string) => decisionMap.get(key)?.level,
    alpha: (key: string) => {
      let s = alphaCache.get(key);
      if (s === undefined) {
        const g = groups.find((x) => x.key === key)!;
        const a = consolidateResource(g.evaluationIds.flatMap((id) => byId.get(id) ?? [])).agreement;
        s = alphaText(a.alpha, a.pairable);
        alphaCache.set(key, s);
      }
      return s;
    },
  };

  const runImport = async (files: FileList | File[] | null, restore = false) => {
    if (!files?.length) return;
    const list = [...files].map((f) => ({ name: f.name, size: f.size, text: () => f.text() }));
    const r = restore ? await restoreBackup(loupeDb(), list[0]!, Date.now()) : await importFiles(loupeDb(), list, Date.now());
    if (!r.ok) setError(r.error);
    else setOutcomes(r.value);
    await reload();
  };

  const group = open ? groups.find((g) => g.key === open) : undefined;
  // The detail reads whole evaluations (findings and their data, changes between inspections): read when a resource
  // is opened, each checked by the schema.
  const [detail, setDetail] = useState<{ ids: string; evaluations: Evaluation[] } | undefined>();
  const detailIds = group ? group.evaluationIds.join('\n') : '';
  useEffect(() => {
    if (!detailIds) return setDetail(undefined);
    let current = true;
    void getEvaluations(loupeDb(), detailIds.split('\n')).then((r) => {
      if (!current) return;
      if (!r.ok) return setError(r.error);
      setDetail({ ids: detailIds, evaluations: schemaChecked(r.value.map((x) => x.evaluation as Evaluation)) });
    });
    return () => {
      current = false;
    };
  }, [detailIds]);
  const groupEvaluations = detail?.ids === detailIds ? detail.evaluations : undefined;

  const decide = async (l: VerdictLevel, reason: string) => {
    if (!group) return;
    const c: Consolidation = {
      resource: { url: group.url, site: group.site, title: group.title },
      level: l,
      reason,
      blocking: consolidateResource(group.evaluationIds.flatMap((id) => byId.get(id) ?? [])).blocking.map((b) => b.criterion),
      decidedAt: new Date().toISOString(),
      evaluationIds: group.evaluationIds,
    };
    const r = await saveConsolidation(loupeDb(), c, { kind: 'own' });
    if (!r.ok) setError(r.error);
    await reload();
  };

  const remove = async () => {
    if (!group) return;
    const r = await deleteResource(loupeDb(), group.evaluationIds, group.key);
    if (!r.ok) return setError(r.error);
    setUndo(r.value);
    setOpen(undefined);
    await reload();
  };

  const putBack = async () => {
    if (!undo) return;
    const r = await restoreResource(loupeDb(), undo);
    if (!r.ok) return setError(r.error);
    setUndo(undefined);
    await reload();
  };

  const exportBundle = async () => {
    const r = await getEvaluations(loupeDb(), groups.flatMap((g) => g.evaluationIds));
    if (!r.ok) return setError(r.error);
    const shown = schemaChecked(r.value.map((x) => x.evaluation as Evaluation));
    const file = exportFileSchema.parse({ ...toExportFile(shown, { now: Date.now(), version: version() }), consolidations: groups.flatMap((g) => decisionMap.get(g.key) ?? []) });
    download('loupe-consolidation.json', JSON.stringify(file, null, 2), 'application/json');
  };
  const exportCsv = () => download('loupe-consolidation.csv', consolidatedCsv(groups, byId, decisionMap), 'text/csv;charset=utf-8');
  const backup = async () => {
    const r = await backupFile(loupeDb(), Date.now(), version());
    if (!r.ok) return setError(r.error);
    download(`loupe-sauvegarde-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(r.value), 'application/json');
  };

  return (
    <main class="dashboard" data-testid="page:dashboard">
      <h1>{t('dash_title')}</h1>
      <p>
        <a href="/evaluations.html">{t('list_title')}</a>
      </p>
      {error && (
        <p class="error" role="alert" data-testid="storage-error">
          {t(error.messageKey, error.detail)}
        </p>
      )}
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('dash_import')}</h2>
        <div
          class={over ? 'drop-zone over' : 'drop-zone'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void runImport(e.dataTransfer?.files ?? null);
          }}
        >
          <label>
            {t('dash_importLabel')}{' '}
            <input type="file" multiple accept=".json,application/json" data-testid="import-input" onChange={(e) => void runImport(e.currentTarget.files)} />
          </label>
          <p>{t('dash_dropHint')}</p>
        </div>
        <div role="status" data-testid="import-outcomes">
          {outcomes.length > 0 && (
            <ul>
              {outcomes.map((o, i) => (
                <li key={i} data-testid="import-outcome" data-ok={o.ok}>
                  <strong>{o.fileName}</strong> :{' '}
                  {o.ok ? t('dash_importOk', o.added, o.duplicates, o.consolidations) : t(o.messageKey ?? 'import_invalid', ...(o.params ?? []))}
                </li>
              ))}
            </ul>
          )}
        </div>
        <p>
          <button type="button" class="secondary" data-testid="backup" onClick={() => void backup()}>
            {t('dash_backup')}
          </button>{' '}
          <label>
            {t('dash_restore')} <input type="file" accept=".json,application/json" data-testid="restore-input" onChange={(e) => void runImport(e.currentTarget.files, true)} />
          </label>
        </p>
      </section>
      {undo && (
        <p role="status">
          {t('dash_deleted', undo.evaluations.length)}{' '}
          <button type="button" data-testid="undo" onClick={() => void putBack()}>
            {t('dash_undo')}
          </button>
        </p>
      )}
      {group ? (
        groupEvaluations && <ResourceDetail
          key={group.key}
          group={group}
          evaluations={groupEvaluations}
          decision={decisionMap.get(group.key)}
          onDecide={(l, r) => void decide(l, r)}
          onDelete={() => void remove()}
          onClose={() => setOpen(undefined)}
        />
      ) : (
        <section aria-labelledby="resources-title">
          <h2 id="resources-title">{t('dash_resources')}</h2>
          <div class="filters">
            <label>
              {t('dash_search')}
              <input type="search" data-testid="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            </label>
            <label>
              {t('dash_level')}
              <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
                <option value="">{t('dash_all')}</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`ctx_level_${camel(l)}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('dash_subject')}
              <input type="text" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
            </label>
            <label>
              {t('dash_verdict')}
              <select value={verdict} data-testid="filter-verdict" onChange={(e) => setVerdict(e.currentTarget.value)}>
                <option value="">{t('dash_all')}</option>
                <VerdictOptions />
              </select>
            </label>
            <label>
              {t('dash_since')}
              <input type="date" value={since} onInput={(e) => setSince(e.currentTarget.value)} />
            </label>
            <label>
              {t('dash_until')}
              <input type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
            </label>
            <label>
              {t('dash_evaluator')}
              <select value={evaluator} onChange={(e) => setEvaluator(e.currentTarget.value)}>
                <option value="">{t('dash_all')}</option>
                {evaluators.map(([k, name]) => (
                  <option key={k} value={k}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p data-testid="resource-count">{t('dash_resourceCount', groups.length)}</p>
          <p>
            <button type="button" class="secondary" data-testid="export-bundle" onClick={() => void exportBundle()}>
              {t('dash_exportBundle')}
            </button>{' '}
            <button type="button" class="secondary" data-testid="export-csv" onClick={exportCsv}>
              {t('dash_exportCsv')}
            </button>
          </p>
          <ResourceList groups={groups} extras={extras} onOpen={setOpen} />
        </section>
      )}
    </main>
  );
}
