import type { Evaluation } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { categoryKey, countMessages, type Verdict } from '@/lib/panel/verdict';
import { findingAnchor } from './FindingItem';

interface Props {
  evaluation: Evaluation;
  verdict: Verdict;
}

/** The resource, the verdict in one sentence, and the blocking points before anything else. */
export function VerdictHeader({ evaluation, verdict }: Props) {
  const r = evaluation.resource;
  const counts = countMessages(evaluation.summary);
  return (
    <header class={`verdict level-${verdict.level}`} data-testid="verdict" data-level={verdict.level}>
      <h1 data-testid="resource:title">{r.title || r.site}</h1>
      <dl class="resource">
        <dt>{t('panel_site')}</dt>
        <dd data-testid="resource:site">{r.site}</dd>
        {verdict.publisher && (
          <>
            <dt>{t('panel_publisher')}</dt>
            <dd data-testid="resource:publisher">{verdict.publisher}</dd>
          </>
        )}
      </dl>
      <p class="headline" data-testid="summary">
        {t(verdict.headline.key, ...verdict.headline.params)}
      </p>
      {counts.length > 0 && (
        <p class="counts" data-testid="counts">
          {counts.map((m) => t(m.key, ...m.params)).join(' · ')}
        </p>
      )}
      {verdict.blocking.length > 0 && (
        <section class="blocking" aria-labelledby="h-blocking" data-testid="section:blocking">
          <h2 id="h-blocking">{t('panel_blockingTitle')}</h2>
          <ul>
            {verdict.blocking.map((f) => (
              <li key={f.id}>
                <a
                  href={`#${findingAnchor(f)}`}
                  onClick={(e) => {
                    // Move the focus with the view, so a keyboard user lands on the finding and its button.
                    e.preventDefault();
                    const el = document.getElementById(findingAnchor(f));
                    el?.scrollIntoView({ block: 'start' });
                    el?.focus();
                  }}
                >
                  {t('panel_blockingItem', t(categoryKey(f.category)), t(f.messageKey, ...f.params))}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
