import { useMemo } from 'preact/hooks';
import { historyChanges } from '@/lib/consolidate/changes';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { formatDate } from './format';

/** What changed between a resource's inspections, dated: an evaluation is only as current as the page it read. */
export function ChangeHistory({ evaluations }: { evaluations: readonly Evaluation[] }) {
  const steps = useMemo(() => historyChanges(evaluations), [evaluations]);
  return (
    <section class="consol-changes" aria-labelledby="h-consol-changes" data-testid="consol:changes">
      <h3 id="h-consol-changes">{t('consol_changes')}</h3>
      {steps.length === 0 ? (
        <p data-testid="consol:changes-none">{t('consol_changesNone')}</p>
      ) : (
        <ul>
          {steps.map((s) => (
            <li key={s.until} data-until={s.until}>
              {t('consol_changesStep', formatDate(s.since), formatDate(s.until))} {s.changes.map((ch) => t(ch.messageKey, ...ch.params)).join(' ; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
