import { useMemo, useRef, useState } from 'preact/hooks';
import { ExportMenu } from '@/components/ExportMenu';
import { useLiveQuery } from '@/components/use-live-query';
import { useStorageError } from '@/components/use-storage-error';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { deleteEvaluation, duplicateEvaluation, listEvaluations, restoreEvaluation, type Listing } from '@/lib/storage/evaluations';
import { filterAndSort, type SortBy } from '@/lib/storage/list-view';
import type { StoredEvaluation } from '@/lib/storage/record';
import { RecordItem } from './RecordItem';

// The kept evaluations, searched and sorted, read again by Dexie whenever one is saved, duplicated, deleted or put
// back (here or in the panel).

const readAll = () => listEvaluations(loupeDb());

export function EvaluationList({ onOpen }: { onOpen: (id: string) => void }) {
  const listing = useLiveQuery(readAll, []);
  // A failed read keeps what is on screen, with the error said above it.
  const kept = useRef<Listing | undefined>(undefined);
  if (listing?.ok) kept.current = listing.value;
  const records = kept.current?.records;
  const { error: actionError, settle } = useStorageError();
  const error = actionError ?? (listing && !listing.ok ? listing.error : undefined);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortBy>('date');
  const [deleted, setDeleted] = useState<StoredEvaluation | undefined>();
  const shown = useMemo(() => filterAndSort(records ?? [], query, sort), [records, query, sort]);

  const putBack = async (r: StoredEvaluation) => {
    setDeleted(undefined);
    settle(await restoreEvaluation(loupeDb(), r));
  };
  const remove = async (id: string) => {
    const removed = settle(await deleteEvaluation(loupeDb(), id));
    if (removed) setDeleted(removed);
  };
  const duplicate = async (id: string) => settle(await duplicateEvaluation(loupeDb(), id, crypto.randomUUID(), Date.now()));

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
            <button type="button" data-testid="button:undo" onClick={() => void putBack(deleted)}>
              {t('list_undo')}
            </button>
          </p>
        )}
      </div>
      {records && <p data-testid="list:count">{t('list_count', shown.length)}</p>}
      {shown.length > 0 && <ExportMenu testId="export-all" label={t('exp_all', shown.length)} evaluations={() => shown.map((r) => r.evaluation as Evaluation)} />}
      {records && records.length === 0 && <p data-testid="list:empty">{t('list_empty')}</p>}
      {records && records.length > 0 && shown.length === 0 && <p>{t('list_noMatch', query)}</p>}
      {(kept.current?.unreadable ?? 0) > 0 && <p class="error">{t('storageError_corrupted')}</p>}
      <ul class="records">
        {shown.map((r) => (
          <RecordItem key={r.id} r={r} onOpen={() => onOpen(r.id)} onDuplicate={() => void duplicate(r.id)} onDelete={() => void remove(r.id)} />
        ))}
      </ul>
    </main>
  );
}
