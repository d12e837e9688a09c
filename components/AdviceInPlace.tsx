import type { Advice } from '@/lib/consolidate/advice';
import { groupChanges, type ChangeGroup } from '@/lib/consolidate/change-groups';
import { criterionKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';
import { verdictKey } from './VerdictResult';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

/** Groups that can hold several changes have a heading with their count; the others hold one change at most. */
const HEADING: Partial<Record<ChangeGroup['key'], string>> = { 'tracker-added': 'changeGroup_trackerAdded', 'tracker-gone': 'changeGroup_trackerGone', legal: 'changeGroup_legal' };

function groupText(g: ChangeGroup): string {
  const heading = HEADING[g.key];
  if (g.total === 1 || !heading) return g.shown.map((c) => t(c.messageKey, ...c.params)).join(' ; ');
  // Under "12 nouveaux traceurs", a tracker's name says it all; a legal link's change needs its sentence.
  const trackers = g.key === 'tracker-added' || g.key === 'tracker-gone';
  const items = g.shown.map((c) => (trackers ? c.params[0]! : t(c.messageKey, ...c.params))).join(trackers ? ', ' : ' ; ');
  return `${t(heading, g.total)} ${items}${g.more > 0 ? ` ${t('advice_more', g.more)}` : ''}`;
}

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
        <div data-testid="advice:changes">
          <p>{t('advice_since', day(advice.since))}</p>
          <ul class="advice-changes">
            {groupChanges(advice.changes).map((g) => (
              <li key={g.key} data-group={g.key} data-total={g.total} data-more={g.more}>
                {groupText(g)}
              </li>
            ))}
          </ul>
        </div>
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
