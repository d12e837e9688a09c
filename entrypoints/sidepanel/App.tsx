import { useMemo } from 'preact/hooks';
import { AccessibilitySection } from '@/components/AccessibilitySection';
import { ConsentCompare } from '@/components/ConsentCompare';
import { Report } from '@/components/Report';
import { Inspecting, Unavailable } from '@/components/PanelStates';
import { Shortcuts } from '@/components/Shortcuts';
import { detectors } from '@/lib/detectors/registry';
import type { Category } from '@/lib/detectors/types';
import { limitMessages } from '@/lib/export/evaluation';
import type { Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { buildVerdict } from '@/lib/panel/verdict';
import { askForAllSites, canAskForAllSites, downloadEvaluation } from './download';
import { categoryTarget, findingTarget, useHighlight } from './use-highlight';
import { useInspection } from './use-inspection';

// The side panel: wiring only. What to show is worked out in lib/panel (pure, tested); how, in components/.

const DETECTOR_CATEGORY: Record<string, Category> = Object.fromEntries(Object.values(detectors).map((d) => [d.id, d.category]));

export function App({ fixedTabId }: { fixedTabId?: number }) {
  const { tabId, state, a11y, reinspect } = useInspection(fixedTabId);
  const result = state.kind === 'done' ? state.result : undefined;
  const ok = result?.ok ? result : undefined;
  const { selection, toggle } = useHighlight(tabId, ok?.snapshot.url, ok?.evaluation.id);
  const verdict = useMemo(() => (ok ? buildVerdict(ok.evaluation, DETECTOR_CATEGORY) : undefined), [ok]);
  const onShow = (f: Finding) => void toggle(findingTarget(f), [f]);

  return (
    <main data-testid={`state:${state.kind}`} data-a11y={a11y.state} aria-busy={state.kind === 'inspecting' || a11y.state === 'running'}>
      <div class="toolbar">
        <button type="button" data-testid="button:inspect" disabled={tabId === undefined || state.kind === 'inspecting'} onClick={reinspect}>
          {state.kind === 'done' ? t('panel_reinspect') : t('panel_inspect')}
        </button>
        {ok && (
          <button type="button" class="secondary" data-testid="button:export" onClick={() => downloadEvaluation(ok.evaluation)}>
            {t('panel_exportJson')}
          </button>
        )}
      </div>
      {tabId === undefined && <p data-testid="status:no-tab">{t('panel_noTab')}</p>}
      {state.kind === 'inspecting' && <Inspecting step={state.step} />}
      {result && !result.ok && (
        <Unavailable
          result={result}
          onGrantAll={canAskForAllSites() ? () => void askForAllSites().then((granted) => granted && reinspect()) : undefined}
        />
      )}
      {ok && verdict && (
        <Report
          evaluation={ok.evaluation}
          verdict={verdict}
          limits={limitMessages(ok.snapshot)}
          selected={selection ?? undefined}
          onToggleFinding={onShow}
          onToggleAll={(view) => void toggle(categoryTarget(view.category), view.findings)}
          extras={{
            consent: <ConsentCompare evaluation={ok.evaluation} />,
            accessibility: <AccessibilitySection state={a11y.state} evaluation={ok.evaluation} error={a11y.error} />,
          }}
        />
      )}
      <Shortcuts />
    </main>
  );
}
