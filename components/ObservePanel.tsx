import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ObserveProgress } from '@/lib/inspect/observe-tab';

// "Observer la page" (issue 23): before anything happens, one screen says what will (the reload, the made-up values
// typed, nothing sent, the permissions the browser will ask for and what is lost without them); then the observation's
// progress. The permissions are asked by the start button's own click (the browser wants a user gesture).

export const DEFAULT_WINDOW_S = 20;

export function ObserveExplain({ onStart, onCancel }: { onStart: (windowS: number) => void; onCancel: () => void }) {
  const [seconds, setSeconds] = useState(DEFAULT_WINDOW_S);
  return (
    <section class="observe" data-testid="observe:explain" aria-labelledby="observe-title">
      <h1 id="observe-title">{t('observe_explainTitle')}</h1>
      <ul>
        <li>{t('observe_explainReload', String(seconds))}</li>
        <li>{t('observe_explainType')}</li>
        <li>{t('observe_explainNothingLeaves')}</li>
        <li>{t('observe_explainPermissions')}</li>
      </ul>
      <p>
        <label for="observe-seconds">{t('observe_windowLabel')}</label>{' '}
        <input
          id="observe-seconds"
          data-testid="observe:seconds"
          type="number"
          min={3}
          max={120}
          value={seconds}
          onInput={(e) => setSeconds(Math.min(120, Math.max(3, Number((e.target as HTMLInputElement).value) || DEFAULT_WINDOW_S)))}
        />
      </p>
      <div class="toolbar">
        <button type="button" data-testid="button:observe-start" onClick={() => onStart(seconds)}>
          {t('observe_start')}
        </button>
        <button type="button" class="secondary" data-testid="button:observe-cancel" onClick={onCancel}>
          {t('observe_cancel')}
        </button>
      </div>
    </section>
  );
}

export function Observing({ progress }: { progress: ObserveProgress }) {
  return (
    <div class="inspecting" data-testid="status:observing" data-phase={progress.phase}>
      <p role="status">{progress.phase === 'reloading' ? t('observe_reloading') : t('observe_watching', String(Math.round((progress.leftMs ?? 0) / 1000)))}</p>
    </div>
  );
}
