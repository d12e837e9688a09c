import type { Advice } from '@/lib/consolidate/advice';
import { criterionKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';
import { verdictKey } from './VerdictResult';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

/** What is already known of this resource, shown above today's verdict; text only (imported data is untrusted). */
export function AdviceInPlace({ advice, href }: { advice: Advice | undefined; href: (id: string) => string }) {
  if (!advice) return null;
  const r = advice.referent;
  const reasons = r ? (r.blocking.length > 0 ? r.blocking.map((id) => t(criterionKey(id, 'label'))).join(', ') : r.reason) : '';
  const parts = [
    ...(advice.count > 0 ? [t('advice_evaluatedTimes', advice.count)] : []),
    ...(r ? [t('advice_referent', t(verdictKey(r.level)).toLowerCase(), reasons, day(r.decidedAt))] : []),
  ];
  return (
    <section class="advice" aria-labelledby="h-advice" data-testid="advice">
      <h2 id="h-advice">{t('advice_heading')}</h2>
      <p data-testid="advice:summary">{parts.join(' ; ')}</p>
      {advice.since && advice.changes.length > 0 && (
        <p data-testid="advice:changes">{t('advice_since', day(advice.since), advice.changes.map((c) => t(c.messageKey, ...c.params)).join(' ; '))}</p>
      )}
      {advice.newestId && (
        <p>
          <a href={href(advice.newestId)} target="_blank" rel="noopener" data-testid="advice:details">
            {t('advice_details')}
          </a>
        </p>
      )}
    </section>
  );
}
