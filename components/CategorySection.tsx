import type { ComponentChildren } from 'preact';
import type { Finding } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import { categoryKey, type CategoryView, type Message } from '@/lib/panel/verdict';
import { camel } from '@/lib/text/key-case';
import { FindingItem, sectionAnchor } from './FindingItem';

interface Props {
  view: CategoryView;
  /** The target outlined on the page (`finding:<id>` or `category:<id>`) and what the page said about it. */
  selected?: { target: string; note: HighlightNote };
  /** Without them (a saved evaluation shown again), nothing is outlined on a page. */
  onToggleFinding?: (finding: Finding) => void;
  onToggleAll?: (view: CategoryView) => void;
  /** Words that a finding gets because of another one, by finding id. */
  remarks?: Record<string, Message>;
  /** What a category adds below its findings (e.g. a before/after-consent comparison, accessibility progress). */
  children?: ComponentChildren;
}

function findingsKey(n: number): string {
  return n === 0 ? 'panel_findings_zero' : n === 1 ? 'panel_findings_one' : 'panel_findings_many';
}

/**
 * One category: its name and badge as the summary of a disclosure (a person folds what is settled), what needs a
 * decision listed, and the facts found (information) folded under one line, since they decide nothing.
 */
export function CategorySection({ view, selected, onToggleFinding, onToggleAll, remarks = {}, children }: Props) {
  const c = view.category;
  const showable = view.findings.filter((f) => f.evidence.some((e) => e.selector));
  const allSelected = selected?.target === `category:${c}`;
  const toDecide = view.findings.filter((f) => f.severity !== 'info');
  const facts = view.findings.filter((f) => f.severity === 'info');
  const item = (f: Finding) => (
    <FindingItem
      key={f.id}
      finding={f}
      selected={selected?.target === `finding:${f.id}`}
      note={selected?.target === `finding:${f.id}` ? selected.note : undefined}
      remark={remarks[f.id]}
      onToggle={onToggleFinding}
    />
  );
  return (
    <details class={`category status-${view.status}`} id={sectionAnchor(c)} open data-testid={`section:${c}`} data-status={view.status}>
      <summary>
        <h2 id={`h-${c}`}>
          <span class="name">{t(categoryKey(c))}</span>{' '}
          <span class="status" data-testid={`status:${c}`}>
            {t(`status_${view.status}`)}
          </span>{' '}
          <span class="count" data-testid={`count:${c}`} data-count={view.findings.length}>
            {t(findingsKey(view.findings.length), view.findings.length)}
          </span>
        </h2>
      </summary>
      {view.failed.map((d) => (
        <p class="error" role="alert" data-testid={`detector-error:${d.id}`} key={d.id}>
          {t('panel_detectorError', t(categoryKey(c)), d.error)}
        </p>
      ))}
      {view.findings.length === 0 && view.failed.length === 0 && <p class="none">{t('panel_noFindings')}</p>}
      {toDecide.length > 0 && <ul class="findings">{toDecide.map(item)}</ul>}
      {view.findings.length === 0 && <p class="why">{t(`why_${camel(c)}`)}</p>}
      {(facts.length > 0 || (showable.length > 1 && onToggleAll)) && (
        <div class="section-tools">
          {showable.length > 1 && onToggleAll && (
            <button type="button" class="show" aria-pressed={allSelected} data-testid={`button:show-all:${c}`} onClick={() => onToggleAll(view)}>
              {allSelected ? t('panel_hideAll', showable.length) : t('panel_showAll', showable.length)}
            </button>
          )}
          {facts.length > 0 && (
            <details class="facts" data-testid={`facts:${c}`}>
              <summary>{t(facts.length === 1 ? 'panel_facts_one' : 'panel_facts_many', facts.length)}</summary>
              <ul class="findings">{facts.map(item)}</ul>
            </details>
          )}
        </div>
      )}
      {allSelected && selected?.note.key && (
        <p class="note" role="status" data-testid={`note:category:${c}`}>
          {t(selected.note.key, ...selected.note.params)}
        </p>
      )}
      {children}
    </details>
  );
}
