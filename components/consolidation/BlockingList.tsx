import type { RaisedBlockingPoint } from '@/lib/consolidate/blocking';
import { criterionKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';

/** Every blocking point raised, most raised first: one evaluator's is shown as plainly as ten's. */
export function BlockingList({ points }: { points: readonly RaisedBlockingPoint[] }) {
  return (
    <section class="consol-blocking" aria-labelledby="h-consol-blocking" data-testid="consol:blocking">
      <h3 id="h-consol-blocking">{t('consol_blocking')}</h3>
      {points.length === 0 ? (
        <p data-testid="consol:blocking-none">{t('consol_blockingNone')}</p>
      ) : (
        <ul class="blocking-points">
          {points.map((p) => (
            <li key={p.criterion} data-testid={`consol-blocking:${p.criterion}`}>
              {t('consol_blockingCount', t(criterionKey(p.criterion, 'label')), p.evaluations, p.evaluators)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
