import type { InspectResult, InspectStep } from '@/lib/inspect/inspect-tab';
import { t } from '@/lib/i18n/t';
import { REASON_KEYS } from '@/lib/inspect/inspectable';

// The panel when there is no report to show: nothing to inspect, inspecting, or a page Loupe cannot read.


const STEPS: (InspectStep | 'start')[] = ['start', 'gather', 'detectors'];

export function Inspecting({ step }: { step: InspectStep | 'start' }) {
  const i = STEPS.indexOf(step);
  return (
    <div class="inspecting" data-testid="status:inspecting">
      <p role="status">{t(`step_${step}`)}</p>
      <progress max={STEPS.length} value={i + 1} aria-label={t('panel_inspecting')} />
    </div>
  );
}

type Failure = Extract<InspectResult, { ok: false }>;

interface UnavailableProps {
  result: Failure;
  /** Offered when the browser lets Loupe ask for access to every site (Chrome's optional host permission). */
  onGrantAll?: () => void;
}

export function Unavailable({ result, onGrantAll }: UnavailableProps) {
  const askable = result.reason === 'no-permission' || result.reason === 'no-url';
  return (
    <div class="unavailable" data-testid="unavailable">
      <h1>{t('panel_unavailableTitle')}</h1>
      <p class="error" role="alert" data-testid={`error:${result.reason}`}>
        {t(REASON_KEYS[result.reason] ?? 'reason_failed', result.detail)}
      </p>
      {askable && onGrantAll && (
        <>
          <p>{t('panel_grantAllExplain')}</p>
          <button type="button" data-testid="button:grant-all" onClick={onGrantAll}>
            {t('panel_grantAll')}
          </button>
        </>
      )}
    </div>
  );
}
