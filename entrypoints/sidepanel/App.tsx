import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AdviceInPlace } from '@/components/AdviceInPlace';
import { EvaluatePanel } from '@/components/EvaluatePanel';
import { EvaluationView } from '@/components/EvaluationView';
import { ExportMenu } from '@/components/ExportMenu';
import { Inspecting, Unavailable } from '@/components/PanelStates';
import { Shortcuts } from '@/components/Shortcuts';
import { ObserveExplain, Observing } from '@/components/ObservePanel';
import { useAcademiePolicy } from '@/components/policy';
import { askObservePermissions } from '@/lib/inspect/observe-tab';
import { useAdvice } from '@/components/use-advice';
import { useEvaluation } from '@/components/use-evaluation';
import type { Finding } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { accessibilityState } from '@/lib/panel/accessibility-state';
import { captureTab } from './capture';
import { askForAllSites, canAskForAllSites } from './download';
import { categoryTarget, findingTarget, useHighlight } from './use-highlight';
import { useInspection } from './use-inspection';
import { usePaintMarks } from './paint-marks';

// The side panel: wiring only. What to show is worked out in lib/panel (pure, tested); how, in components/.

export function App({ fixedTabId }: { fixedTabId?: number }) {
  const { tabId, state, reinspect, observe } = useInspection(fixedTabId);
  // "Observer la page": the explanation screen first (issue 23).
  const [explaining, setExplaining] = useState(false);
  // An académie may not allow it (policy allowObserve: false, issue 24): the button is not offered.
  const observeAllowed = useAcademiePolicy()?.policy.allowObserve !== false;
  usePaintMarks(state);
  const result = state.kind === 'done' ? state.result : undefined;
  const ok = result?.ok ? result : undefined;
  const a11y = accessibilityState(ok?.evaluation, state.kind === 'done' && state.running);
  const { selection, toggle } = useHighlight(tabId, ok?.snapshot.url, ok?.evaluation.id);
  const onShow = (f: Finding) => void toggle(findingTarget(f), [f]);
  // "Évaluer": the grid for this inspection, or the draft already started for this resource.
  const [evaluating, setEvaluating] = useState(false);
  const source = useMemo(() => (evaluating && ok ? { kind: 'inspection' as const, evaluation: ok.evaluation } : undefined), [evaluating, ok]);
  const work = useEvaluation(source, () => crypto.randomUUID());
  const { advice, catalogues } = useAdvice(ok?.evaluation);
  const listUrl = (id?: string) => browser.runtime.getURL(`/evaluations.html${id ? `?id=${encodeURIComponent(id)}` : ''}`);

  const startObserving = (windowS: number) => {
    // Asked in the click's own task: the browser refuses a permission request without a user gesture. Refused, the
    // observation still runs on what it can see, and its report names the rest (lib/inspect/observe-tab.ts).
    const origin = ok ? new URL(ok.snapshot.url).origin : '';
    void askObservePermissions(origin).then(() => {
      setExplaining(false);
      setEvaluating(false);
      void observe(windowS * 1000);
    });
  };
  const busy = state.kind === 'inspecting' || state.kind === 'observing';

  return (
    <main data-testid={`state:${state.kind}`} data-a11y={state.kind === 'done' ? a11y.state : 'idle'} aria-busy={busy || a11y.state === 'running'}>
      <div class="toolbar">
        <button type="button" data-testid="button:inspect" disabled={tabId === undefined || busy} onClick={reinspect}>
          {state.kind === 'done' ? t('panel_reinspect') : t('panel_inspect')}
        </button>
        {ok && observeAllowed && /^https?:/.test(ok.snapshot.url) && (
          <button type="button" class="secondary" aria-pressed={explaining} data-testid="button:observe" disabled={busy} onClick={() => setExplaining(!explaining)}>
            {t('panel_observe')}
          </button>
        )}
        {ok && (
          <button type="button" class={evaluating ? 'secondary' : ''} aria-pressed={evaluating} data-testid="button:evaluate" onClick={() => setEvaluating(!evaluating)}>
            {evaluating ? t('eval_back') : t('eval_open')}
          </button>
        )}
        {ok && (
          // The export holds the grid once the evaluation is open; an override still lacking its comment waits.
          <ExportMenu
            evaluations={() => [evaluating && work.evaluation ? work.evaluation : ok.evaluation]}
            disabled={evaluating && work.pending.length > 0}
          />
        )}
        <button type="button" class="secondary" data-testid="button:my-evaluations" onClick={() => void browser.tabs.create({ url: listUrl() })}>
          {t('eval_myEvaluations')}
        </button>
      </div>
      {tabId === undefined && <p data-testid="status:no-tab">{t('panel_noTab')}</p>}
      {explaining && observeAllowed && !busy && <ObserveExplain onStart={startObserving} onCancel={() => setExplaining(false)} />}
      {state.kind === 'inspecting' && <Inspecting step={state.step} />}
      {state.kind === 'observing' && <Observing progress={state} />}
      {result && !result.ok && (
        <Unavailable
          result={result}
          onGrantAll={canAskForAllSites() ? () => void askForAllSites().then((granted) => granted && reinspect()) : undefined}
        />
      )}
      {ok && <AdviceInPlace advice={advice} catalogues={catalogues} href={listUrl} />}
      {ok && evaluating && work.evaluation && (
        <EvaluatePanel
          work={{ ...work, evaluation: work.evaluation }}
          onCapture={tabId === undefined ? undefined : () => captureTab(tabId)}
          onShow={onShow}
          selectedFinding={selection?.target.startsWith('finding:') ? selection.target.slice('finding:'.length) : undefined}
          openHref={listUrl}
        />
      )}
      {ok && !evaluating && (
        <EvaluationView
          evaluation={ok.evaluation}
          a11y={a11y}
          live={{ selection: selection ?? undefined, onShow, onShowAll: (view) => void toggle(categoryTarget(view.category), view.findings) }}
        />
      )}
      <p class="open-saved">
        <a href="sidepanel.html?view=saved" target="_blank" data-testid="link:open-saved">
          {t('panel_openSaved')}
        </a>
      </p>
      <p class="open-saved">
        <a href="privacy.html" target="_blank" data-testid="link:privacy">
          {t('panel_privacy')}
        </a>
      </p>
      <Shortcuts />
    </main>
  );
}
