import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { EvaluatePanel } from '@/components/EvaluatePanel';
import { ExportMenu } from '@/components/ExportMenu';
import type { Evaluation } from '@/lib/detectors/finding';
import { useEvaluation } from '@/components/use-evaluation';
import { verdictKey } from '@/components/VerdictResult';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import type { StorageError } from '@/lib/storage/errors';
import { deleteEvaluation, duplicateEvaluation, listEvaluations, restoreEvaluation } from '@/lib/storage/evaluations';
import { filterAndSort, type SortBy } from '@/lib/storage/list-view';
import type { StoredEvaluation } from '@/lib/storage/record';

// "Mes évaluations": every evaluation kept in this browser, to find, open, duplicate or delete (with undo).

const date = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Detail({ id, onClose }: { id: string; onClose: () => void }) {
  const source = useMemo(() => ({ kind: 'stored' as const, id }), [id]);
  const work = useEvaluation(source, () => crypto.randomUUID());
  return (
    <>
      <p>
        <button type="button" class="secondary" data-testid="button:close" onClick={onClose}>
          {t('list_close')}
        </button>
      </p>
      {work.loadError && (
        <p class="error" role="alert">
          {t(work.loadError.messageKey, work.loadError.detail)}
        </p>
      )}
      {work.evaluation && (
        <EvaluatePanel work={{ ...work, evaluation: work.evaluation }} openHref={(other) => `?id=${encodeURIComponent(other)}`}
        />
      )}
    </>
  );
}

export function App({ initialId }: { initialId?: string }) {
  const [records, setRecords] = useState<StoredEvaluation[] | undefined>();
  const [unreadable, setUnreadable] = useState(0);
  const [error, setError] = useState<StorageError | undefined>();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortBy>('date');
  const [open, setOpen] = useState<string | undefined>(initialId);
  const [deleted, setDeleted] = useState<StoredEvaluation | undefined>();

  const reload = useCallback(async () => {
    const r = await listEvaluations(loupeDb());
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setRecords(r.value.records);
    setUnreadable(r.value.unreadable);
  }, []);
  useEffect(() => {
    if (!open) void reload();
  }, [open, reload]);

  const shown = useMemo(() => filterAndSort(records ?? [], query, sort), [records, query, sort]);
  const act = async (r: { ok: true } | { ok: false; error: StorageError }) => {
    if (!r.ok) setError(r.error);
    await reload();
  };

  if (open) {
    return (
      <main class="dashboard">
        <Detail
          id={open}
          onClose={() => {
            history.replaceState(null, '', location.pathname);
            setOpen(undefined);
          }}
        />
      </main>
    );
  }

  return (
    <main class="dashboard" data-testid="page:evaluations">
      <h1>{t('list_title')}</h1>
      <p>
        <a href="/dashboard.html" data-testid="link:dashboard">
          {t('dash_open')}
        </a>
      </p>
      {error && (
        <p class="error" role="alert" data-testid="storage-error" data-kind={error.kind}>
          {t(error.messageKey, error.detail)}
        </p>
      )}
      <div class="filters">
        <label>
          {t('list_search')}{' '}
          <input type="search" data-testid="list:search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label>
          {t('list_sort')}{' '}
          <select data-testid="list:sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as SortBy)}>
            <option value="date">{t('list_sort_date')}</option>
            <option value="verdict">{t('list_sort_verdict')}</option>
          </select>
        </label>
      </div>
      <div role="status" class="undo" data-testid="list:status">
        {deleted && (
          <p>
            {t('list_deleted', deleted.title || deleted.url)}{' '}
            <button
              type="button"
              data-testid="button:undo"
              onClick={() => {
                const r = deleted;
                setDeleted(undefined);
                void restoreEvaluation(loupeDb(), r).then(act);
              }}
            >
              {t('list_undo')}
            </button>
          </p>
        )}
      </div>
      {records && <p data-testid="list:count">{t('list_count', shown.length)}</p>}
      {shown.length > 0 && <ExportMenu testId="export-all" label={t('exp_all', shown.length)} evaluations={() => shown.map((r) => r.evaluation as Evaluation)} />}
      {records && records.length === 0 && <p data-testid="list:empty">{t('list_empty')}</p>}
      {records && records.length > 0 && shown.length === 0 && <p>{t('list_noMatch', query)}</p>}
      {unreadable > 0 && <p class="error">{t('storageError_corrupted')}</p>}
      <ul class="records">
        {shown.map((r) => (
          <li key={r.id} class={`record verdict-${r.verdict || 'none'}`} data-testid={`record:${r.id}`}>
            <h2 id={`r-${r.id}`}>{r.title || r.url}</h2>
            <p class="meta">
              {r.site} · {t('list_updated', date(r.updatedAt))} · {t(`eval_status_${r.status}`)} ·{' '}
              <strong data-testid={`record-verdict:${r.id}`}>{r.verdict ? t(verdictKey(r.verdict)) : t('list_noVerdict')}</strong>
            </p>
            <p class="actions">
              <button type="button" aria-describedby={`r-${r.id}`} data-testid={`open:${r.id}`} onClick={() => setOpen(r.id)}>
                {t('list_open')}
              </button>{' '}
              <button type="button" class="secondary" aria-describedby={`r-${r.id}`} data-testid={`duplicate:${r.id}`} onClick={() => void duplicateEvaluation(loupeDb(), r.id, crypto.randomUUID(), Date.now()).then(act)}>
                {t('list_duplicate')}
              </button>{' '}
              <a href={`report.html?id=${encodeURIComponent(r.id)}`} aria-describedby={`r-${r.id}`} data-testid={`report:${r.id}`}>
                {t('list_report')}
              </a>{' '}
              <button
                type="button"
                class="secondary"
                aria-describedby={`r-${r.id}`}
                data-testid={`delete:${r.id}`}
                onClick={() =>
                  void deleteEvaluation(loupeDb(), r.id).then((res) => {
                    if (res.ok && res.value) setDeleted(res.value);
                    return act(res);
                  })
                }
              >
                {t('list_delete')}
              </button>
            </p>
            <ExportMenu testId={`export:${r.id}`} evaluations={() => [r.evaluation as Evaluation]} />
          </li>
        ))}
      </ul>
    </main>
  );
}
