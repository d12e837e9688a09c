import { useMemo } from 'preact/hooks';
import { EvaluatePanel } from '@/components/EvaluatePanel';
import { useEvaluation } from '@/components/use-evaluation';
import { t } from '@/lib/i18n/t';

// One stored evaluation opened from the list, to read and edit as in the panel.

export function EvaluationDetail({ id, onClose }: { id: string; onClose: () => void }) {
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
      {work.evaluation && <EvaluatePanel work={{ ...work, evaluation: work.evaluation }} openHref={(other) => `?id=${encodeURIComponent(other)}`} />}
    </>
  );
}
