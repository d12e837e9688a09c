import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccessibilitySection } from '@/components/AccessibilitySection';
import { ConsentCompare } from '@/components/ConsentCompare';
import { Report } from '@/components/Report';
import { Inspecting, Unavailable } from '@/components/PanelStates';
import { Shortcuts } from '@/components/Shortcuts';
import { EvaluatePanel } from '@/components/EvaluatePanel';
import { useEvaluation } from '@/components/use-evaluation';
import { detectors } from '@/lib/detectors/registry';
import type { Category } from '@/lib/detectors/types';
import { AXE_DETECTOR_ID } from '@/lib/a11y/axe-findings';
import { limitMessages } from '@/lib/export/evaluation';
import type { Evaluation, Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { buildVerdict } from '@/lib/panel/verdict';
import { captureTab } from './capture';
import { askForAllSites, canAskForAllSites, downloadEvaluation } from './download';
import { categoryTarget, findingTarget, useHighlight } from './use-highlight';
import { useInspection } from './use-inspection';

// The side panel: wiring only. What to show is worked out in lib/panel (pure, tested); how, in components/.

const DETECTOR_CATEGORY: Record<string, Category> = Object.fromEntries(Object.values(detectors).map((d) => [d.id, d.category]));

/** axe's findings have their own block (AccessibilitySection) with RGAA criteria; the generic list keeps the rest. */
function withoutAxe(e: Evaluation): Evaluation {
  return { ...e, findings: e.findings.filter((f) => f.detector !== AXE_DETECTOR_ID), detectors: e.detectors.filter((d) => d.id !== AXE_DETECTOR_ID) };
}

export function App({ fixedTabId }: { fixedTabId?: number }) {
  const { tabId, state, a11y, reinspect } = useInspection(fixedTabId);
  const result = state.kind === 'done' ? state.result : undefined;
  const ok = result?.ok ? result : undefined;
  const { selection, toggle } = useHighlight(tabId, ok?.snapshot.url, ok?.evaluation.id);
  const verdict = useMemo(() => (ok ? buildVerdict(withoutAxe(ok.evaluation), DETECTOR_CATEGORY) : undefined), [ok]);
  const onShow = (f: Finding) => void toggle(findingTarget(f), [f]);
  // The accessibility section (axe) speaks in translated notes keyed by finding id.
  const notes = selection?.note.key ? { [selection.target.replace(/^finding:/, '')]: t(selection.note.key, ...selection.note.params) } : {};
  // "Évaluer": the grid for this inspection, or the draft already started for this resource.
  const [evaluating, setEvaluating] = useState(false);
  const source = useMemo(() => (evaluating && ok ? { kind: 'inspection' as const, evaluation: ok.evaluation } : undefined), [evaluating, ok]);
  const work = useEvaluation(source, () => crypto.randomUUID());
  const listUrl = (id?: string) => browser.runtime.getURL(`/evaluations.html${id ? `?id=${encodeURIComponent(id)}` : ''}`);

  return (
    <main data-testid={`state:${state.kind}`} data-a11y={a11y.state} aria-busy={state.kind === 'inspecting' || a11y.state === 'running'}>
      <div class="toolbar">
        <button type="button" data-testid="button:inspect" disabled={tabId === undefined || state.kind === 'inspecting'} onClick={reinspect}>
          {state.kind === 'done' ? t('panel_reinspect') : t('panel_inspect')}
        </button>
        {ok && (
          <button type="button" class={evaluating ? 'secondary' : ''} aria-pressed={evaluating} data-testid="button:evaluate" onClick={() => setEvaluating(!evaluating)}>
            {evaluating ? t('eval_back') : t('eval_open')}
          </button>
        )}
        {ok && (
          <button
            type="button"
            class="secondary"
            data-testid="button:export"
            // The export holds the grid once the evaluation is open; an override still lacking its comment waits.
            disabled={evaluating && work.pending.length > 0}
            aria-describedby={evaluating && work.pending.length > 0 ? 'cannot-save' : undefined}
            onClick={() => downloadEvaluation(evaluating && work.evaluation ? work.evaluation : ok.evaluation)}
          >
            {t('panel_exportJson')}
          </button>
        )}
        <button type="button" class="secondary" data-testid="button:my-evaluations" onClick={() => void browser.tabs.create({ url: listUrl() })}>
          {t('eval_myEvaluations')}
        </button>
      </div>
      {tabId === undefined && <p data-testid="status:no-tab">{t('panel_noTab')}</p>}
      {state.kind === 'inspecting' && <Inspecting step={state.step} />}
      {result && !result.ok && (
        <Unavailable
          result={result}
          onGrantAll={canAskForAllSites() ? () => void askForAllSites().then((granted) => granted && reinspect()) : undefined}
        />
      )}
      {ok && evaluating && work.evaluation && (
        <EvaluatePanel
          work={{ ...work, evaluation: work.evaluation }}
          onCapture={tabId === undefined ? undefined : () => captureTab(tabId)}
          onShow={onShow}
          selectedFinding={selection?.target.startsWith('finding:') ? selection.target.slice('finding:'.length) : undefined}
          openHref={listUrl}
        />
      )}
      {ok && verdict && !evaluating && (
        <Report
          evaluation={ok.evaluation}
          verdict={verdict}
          limits={limitMessages(ok.snapshot)}
          selected={selection ?? undefined}
          onToggleFinding={onShow}
          onToggleAll={(view) => void toggle(categoryTarget(view.category), view.findings)}
          extras={{
            consent: <ConsentCompare evaluation={ok.evaluation} />,
            accessibility: <AccessibilitySection state={a11y.state} evaluation={ok.evaluation} error={a11y.error} onShow={onShow} notes={notes} />,
          }}
        />
      )}
      <Shortcuts />
    </main>
  );
}
