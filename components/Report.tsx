import type { ComponentChildren } from 'preact';
import type { Category } from '@/lib/model/finding';
import type { Evaluation, Finding } from '@/lib/detectors/finding';
import { t, tp } from '@/lib/i18n/t';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import type { CategoryView, Verdict } from '@/lib/panel/verdict';
import { CategorySection } from './CategorySection';
import { VerdictHeader } from './VerdictHeader';

interface Props {
  evaluation: Evaluation;
  verdict: Verdict;
  selected?: { target: string; note: HighlightNote };
  /** Without them (a saved evaluation, no page to outline on), findings are listed without "show on the page". */
  onToggleFinding?: (finding: Finding) => void;
  onToggleAll?: (view: CategoryView) => void;
  /** Extra content per category, shown at the end of its section: the place for a detector's own component. */
  extras?: Partial<Record<Category, ComponentChildren>>;
}

/** The report of one inspection: the verdict first, then one section per category that was checked. */
export function Report({ evaluation, verdict, selected, onToggleFinding, onToggleAll, extras }: Props) {
  // What the gather could not see: kept in the evaluation, shown in the browser's language.
  const limits = evaluation.limits;
  return (
    <div class="report" data-testid="report">
      <VerdictHeader evaluation={evaluation} verdict={verdict} />
      {verdict.categories.map((view) => (
        <CategorySection key={view.category} view={view} selected={selected} remarks={verdict.notes} onToggleFinding={onToggleFinding} onToggleAll={onToggleAll}>
          {extras?.[view.category]}
        </CategorySection>
      ))}
      {limits.length > 0 && (
        <section class="limits" data-testid="section:limits" aria-labelledby="h-limits">
          <h2 id="h-limits">{t('panel_limits')}</h2>
          <ul>
            {limits.map((l, i) => (
              <li key={i}>{tp(l.messageKey, l.params)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
