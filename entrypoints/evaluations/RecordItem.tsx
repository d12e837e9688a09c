import { ExportMenu } from '@/components/ExportMenu';
import { verdictKey } from '@/components/VerdictResult';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import type { StoredEvaluation } from '@/lib/storage/record';

// One kept evaluation in the list: what, where, when, its verdict, and what can be done with it.

const date = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RecordItem({ r, onOpen, onDuplicate, onDelete }: { r: StoredEvaluation; onOpen: () => void; onDuplicate: () => void; onDelete: () => void }) {
  return (
    <li class={`record verdict-${r.verdict || 'none'}`} data-testid={`record:${r.id}`}>
      <h2 id={`r-${r.id}`}>{r.title || r.url}</h2>
      <p class="meta">
        {r.site} · {t('list_updated', date(r.updatedAt))} · {t(`eval_status_${r.status}`)} ·{' '}
        <strong data-testid={`record-verdict:${r.id}`}>{r.verdict ? t(verdictKey(r.verdict)) : t('list_noVerdict')}</strong>
      </p>
      <p class="actions">
        <button type="button" aria-describedby={`r-${r.id}`} data-testid={`open:${r.id}`} onClick={onOpen}>
          {t('list_open')}
        </button>{' '}
        <button type="button" class="secondary" aria-describedby={`r-${r.id}`} data-testid={`duplicate:${r.id}`} onClick={onDuplicate}>
          {t('list_duplicate')}
        </button>{' '}
        <a href={`report.html?id=${encodeURIComponent(r.id)}`} aria-describedby={`r-${r.id}`} data-testid={`report:${r.id}`}>
          {t('list_report')}
        </a>{' '}
        <button type="button" class="secondary" aria-describedby={`r-${r.id}`} data-testid={`delete:${r.id}`} onClick={onDelete}>
          {t('list_delete')}
        </button>
      </p>
      <ExportMenu testId={`export:${r.id}`} evaluations={() => [r.evaluation as Evaluation]} />
    </li>
  );
}
