import { useMemo } from 'preact/hooks';
import { detectors } from '@/lib/detectors/registry';
import type { Category } from '@/lib/model/finding';
import type { Evaluation, Finding } from '@/lib/detectors/finding';
import type { AccessibilityState } from '@/lib/panel/accessibility-state';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import { buildVerdict, type CategoryView } from '@/lib/panel/verdict';
import { AccessibilitySection } from './AccessibilitySection';
import { ConsentCompare } from './ConsentCompare';
import { Report } from './Report';

// One evaluation as the panel shows it, from the evaluation alone: the live panel (with a page to outline on) and the
// saved view (an exported file, no page) render the same thing.

const DETECTOR_CATEGORY: Record<string, Category> = Object.fromEntries(Object.values(detectors).map((d) => [d.id, d.category]));

interface Props {
  evaluation: Evaluation;
  a11y: { state: AccessibilityState; error?: string };
  /** Live only: the page's outlines and the before/after-consent comparison need the page. */
  live?: {
    selection?: { target: string; note: HighlightNote };
    onShow: (finding: Finding) => void;
    onShowAll: (view: CategoryView) => void;
  };
}

export function EvaluationView({ evaluation, a11y, live }: Props) {
  // axe's findings are listed with the accessibility section's others: one badge, one vocabulary.
  const verdict = useMemo(() => buildVerdict(evaluation, DETECTOR_CATEGORY), [evaluation]);
  const selection = live?.selection;
  return (
    <Report
      evaluation={evaluation}
      verdict={verdict}
      selected={selection}
      onToggleFinding={live?.onShow}
      onToggleAll={live?.onShowAll}
      extras={{
        consent: live && <ConsentCompare evaluation={evaluation} />,
        accessibility: <AccessibilitySection state={a11y.state} evaluation={evaluation} error={a11y.error} />,
      }}
    />
  );
}
