import { useMemo } from 'preact/hooks';
import { AXE_DETECTOR_ID } from '@/lib/a11y/axe-findings';
import { detectors } from '@/lib/detectors/registry';
import type { Category } from '@/lib/detectors/types';
import type { Evaluation, Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import type { AccessibilityState } from '@/lib/panel/accessibility-state';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import { buildVerdict, type CategoryView } from '@/lib/panel/verdict';
import { AccessibilitySection } from './AccessibilitySection';
import { ConsentCompare } from './ConsentCompare';
import { Report } from './Report';

// One evaluation as the panel shows it, from the evaluation alone: the live panel (with a page to outline on) and the
// saved view (an exported file, no page) render the same thing.

const DETECTOR_CATEGORY: Record<string, Category> = Object.fromEntries(Object.values(detectors).map((d) => [d.id, d.category]));

/** axe's findings have their own block (AccessibilitySection) with RGAA criteria; the generic list keeps the rest. */
function withoutAxe(e: Evaluation): Evaluation {
  return { ...e, findings: e.findings.filter((f) => f.detector !== AXE_DETECTOR_ID), detectors: e.detectors.filter((d) => d.id !== AXE_DETECTOR_ID) };
}

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
  const verdict = useMemo(() => buildVerdict(withoutAxe(evaluation), DETECTOR_CATEGORY), [evaluation]);
  const selection = live?.selection;
  // The accessibility section (axe) speaks in translated notes keyed by finding id.
  const notes = selection?.note.key ? { [selection.target.replace(/^finding:/, '')]: t(selection.note.key, ...selection.note.params) } : {};
  return (
    <Report
      evaluation={evaluation}
      verdict={verdict}
      selected={selection}
      onToggleFinding={live?.onShow}
      onToggleAll={live?.onShowAll}
      extras={{
        consent: live && <ConsentCompare evaluation={evaluation} />,
        accessibility: <AccessibilitySection state={a11y.state} evaluation={evaluation} error={a11y.error} onShow={live?.onShow} notes={notes} />,
      }}
    />
  );
}
