import type { ComponentChildren } from 'preact';
import type { Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import { camel, categoryKey, type CategoryView } from '@/lib/panel/verdict';
import { FindingItem } from './FindingItem';

interface Props {
  view: CategoryView;
  /** The target outlined on the page (`finding:<id>` or `category:<id>`) and what the page said about it. */
  selected?: { target: string; note: HighlightNote };
  onToggleFinding?: (finding: Finding) => void;
  onToggleAll?: (view: CategoryView) => void;
  /** What a category adds below its findings (e.g. a before/after-consent comparison, accessibility progress). */
  children?: ComponentChildren;
}

function findingsKey(n: number): string {
  return n === 0 ? 'panel_findings_zero' : n === 1 ? 'panel_findings_one' : 'panel_findings_many';
}

export function CategorySection({ view, selected, onToggleFinding, onToggleAll, children }: Props) {
  const c = view.category;
  const showable = view.findings.filter((f) => f.evidence.some((e) => e.selector));
  const allSelected = selected?.target === `category:${c}`;
  return (
    <section class={`category status-${view.status}`} data-testid={`section:${c}`} data-status={view.status} aria-labelledby={`h-${c}`}>
      <h2 id={`h-${c}`}>
        <span class="name">{t(categoryKey(c))}</span>{' '}
        <span class="status" data-testid={`status:${c}`}>
          {t(`status_${view.status}`)}
        </span>{' '}
        <span class="count" data-testid={`count:${c}`} data-count={view.findings.length}>
          {t(findingsKey(view.findings.length), view.findings.length)}
        </span>
      </h2>
      <p class="why">{t(`why_${camel(c)}`)}</p>
      {view.failed.map((d) => (
        <p class="error" role="alert" data-testid={`detector-error:${d.id}`} key={d.id}>
          {t('panel_detectorError', t(categoryKey(c)), d.error)}
        </p>
      ))}
      {showable.length > 1 && onToggleAll && (
        <p class="show-all">
          <button type="button" class="show" aria-pressed={allSelected} data-testid={`button:show-all:${c}`} onClick={() => onToggleAll(view)}>
            {allSelected ? t('panel_hideAll', showable.length) : t('panel_showAll', showable.length)}
          </button>
        </p>
      )}
      {allSelected && selected?.note.key && (
        <p class="note" role="status" data-testid={`note:category:${c}`}>
          {t(selected.note.key, ...selected.note.params)}
        </p>
      )}
      {view.findings.length === 0 && view.failed.length === 0 && <p class="none">{t('panel_noFindings')}</p>}
      {view.findings.length > 0 && (
        <ul class="findings">
          {view.findings.map((f) => (
            <FindingItem
              key={f.id}
              finding={f}
              selected={selected?.target === `finding:${f.id}`}
              note={selected?.target === `finding:${f.id}` ? selected.note : undefined}
              onToggle={onToggleFinding}
            />
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
