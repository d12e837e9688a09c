import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { categoryKey, type Verdict } from '@/lib/panel/verdict';
import type { ShownFinding } from '@/lib/panel/display';
import { findingAnchor, sectionAnchor } from './FindingItem';
import { FindingMessage } from './Message';

interface Props {
  evaluation: Evaluation;
  verdict: Verdict;
}

/** Brings a finding or a section into view, opening what hides it, and moves the focus there (keyboard users too). */
function jumpTo(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.scrollIntoView({ block: 'start' });
  // A section is a disclosure: its summary takes the focus (a tabindex on <details> would take its content out of
  // the keyboard's reach in Chrome).
  (el instanceof HTMLDetailsElement ? (el.querySelector(':scope > summary') as HTMLElement | null) ?? el : el).focus();
}

function FindingLinks({ id, title, findings }: { id: string; title: string; findings: ShownFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <section class={`jump ${id}`} aria-labelledby={`h-${id}`} data-testid={`section:${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      <ul>
        {findings.map((f) => (
          <li key={f.id} data-testid={`${id}:${f.id}`}>
            <a
              href={`#${findingAnchor(f)}`}
              onClick={(e) => {
                e.preventDefault();
                jumpTo(findingAnchor(f));
              }}
            >
              <FindingMessage finding={f} brief />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The resource, the verdict in one sentence, the blocking points and the problems one line each, then the contents. */
export function VerdictHeader({ evaluation, verdict }: Props) {
  const r = evaluation.resource;
  return (
    <header class={`verdict level-${verdict.level}`} data-testid="verdict" data-level={verdict.level}>
      <h1 data-testid="resource:title" data-page-text="">
        {r.title || r.site}
      </h1>
      <dl class="resource">
        <div>
          <dt>{t('panel_site')}</dt>
          <dd data-testid="resource:site">{r.site}</dd>
        </div>
        {verdict.publisher && (
          <div>
            <dt>{t('panel_publisher')}</dt>
            <dd data-testid="resource:publisher" data-page-text="">
              {verdict.publisher}
            </dd>
          </div>
        )}
      </dl>
      <p class="headline" data-testid="summary">
        {t(verdict.headline.key, ...verdict.headline.params)}
      </p>
      <FindingLinks id="blocking" title={t('panel_blockingTitle', verdict.blocking.length)} findings={verdict.blocking} />
      <FindingLinks id="problems" title={t('panel_problemsTitle', verdict.problems.length)} findings={verdict.problems} />
      <nav class="toc" aria-label={t('panel_toc')} data-testid="toc">
        <ul>
          {verdict.categories.map((c) => (
            <li key={c.category}>
              <a
                href={`#${sectionAnchor(c.category)}`}
                class={`status-${c.status}`}
                onClick={(e) => {
                  e.preventDefault();
                  jumpTo(sectionAnchor(c.category));
                }}
              >
                {t(categoryKey(c.category).replace('category_', 'categoryShort_'))} <span class="toc-status">{t(`status_${c.status}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
