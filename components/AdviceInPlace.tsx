import type { Advice } from '@/lib/consolidate/advice';
import { catalogueDisagreement, type CatalogueMatch } from '@/lib/catalogue/lookup';
import { groupChanges, type ChangeGroup } from '@/lib/consolidate/change-groups';
import { criterionKey } from '@/lib/grid/grid';
import { hasMessage } from '@/lib/i18n/messages';
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/t';
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

/** Blocking points by their grid label; an id Loupe does not know (a newer catalogue's) is shown as written. */
const pointLabel = (id: string) => (hasMessage(criterionKey(id, 'label')) ? t(criterionKey(id, 'label')) : id);
const reasonOf = (blocking: readonly string[], reason: string) => (blocking.length > 0 ? blocking.map(pointLabel).join(', ') : reason);

/**
 * The subscribed catalogues' verdicts on this resource, each with its source; when they disagree, said first. Text
 * only: a catalogue is untrusted (its link is shown only when it is an http(s) address, as its schema requires).
 */
function CatalogueVerdicts({ matches }: { matches: readonly CatalogueMatch[] }) {
  if (matches.length === 0) return null;
  const disagree = catalogueDisagreement(matches);
  return (
    <div data-testid="advice:catalogues" data-disagree={disagree}>
      <h3>{t('advice_catalogues')}</h3>
      {disagree && <p class="disagree" data-testid="advice:disagree">{t('advice_catalogueDisagree')}</p>}
      <ul>
        {matches.map((m) => {
          const e = m.entry;
          const host = new URL(m.source).host;
          return (
            <li key={m.source} data-testid="advice:catalogue" data-source={m.source} data-level={e.level}>
              {t('advice_catalogue', m.academie ?? e.academie ?? host, t(verdictKey(e.level)).toLowerCase(), reasonOf(e.blocking, e.reason), formatDate(e.decidedAt.slice(0, 10), uiLocale()))}{' '}
              <span class="source">({t('advice_catalogueSource', host)})</span>
              {e.evaluationsUrl && /^https?:\/\//.test(e.evaluationsUrl) && (
                <>
                  {' '}
                  <a href={e.evaluationsUrl} target="_blank" rel="noopener noreferrer">
                    {t('advice_catalogueEvaluations', new URL(e.evaluationsUrl).host)}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What is already known of this resource, shown above today's verdict; text only (imported data is untrusted). */
export function AdviceInPlace({ advice, catalogues = [], href }: { advice: Advice | undefined; catalogues?: readonly CatalogueMatch[]; href: (id: string) => string }) {
  if (!advice && catalogues.length === 0) return null;
  if (!advice) {
    return (
      <section class="advice" aria-labelledby="h-advice" data-testid="advice">
        <h2 id="h-advice">{t('advice_heading')}</h2>
        <CatalogueVerdicts matches={catalogues} />
      </section>
    );
  }
  const r = advice.referent;
  const reasons = r ? reasonOf(r.blocking, r.reason) : '';
  const parts = [
    ...(advice.count > 0 ? [t('advice_evaluatedTimes', advice.count)] : []),
    ...(r ? [t('advice_referent', t(verdictKey(r.level)).toLowerCase(), reasons, day(r.decidedAt))] : []),
  ];
  return (
    <section class="advice" aria-labelledby="h-advice" data-testid="advice">
      <h2 id="h-advice">{t('advice_heading')}</h2>
      {parts.length > 0 && <p data-testid="advice:summary">{parts.join(' ; ')}</p>}
      <CatalogueVerdicts matches={catalogues} />
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
