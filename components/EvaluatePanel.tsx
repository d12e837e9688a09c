import { useState } from 'preact/hooks';
import type { Evaluation, Finding } from '@/lib/detectors/finding';
import { type Screenshot, AXES, type Axis } from '@/lib/model/assessment';
import { axisKey, criterionKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';
import { CriterionItem } from './CriterionItem';
import { AuthorFields } from './AuthorFields';
import { ContextForm } from './ContextForm';
import type { EvaluationWork } from './use-evaluation';
import { VerdictResult, verdictKey } from './VerdictResult';

interface Props {
  /** The evaluation being filled in and what to do with it (components/use-evaluation.ts). */
  work: EvaluationWork & { evaluation: Evaluation };
  /** Side panel only: a capture of the inspected tab, and outlining a finding on the page. */
  onCapture?: () => Promise<Screenshot>;
  onShow?: (f: Finding) => void;
  selectedFinding?: string;
  /** Where an earlier evaluation opens ("Mes évaluations"). */
  openHref: (id: string) => string;
}

type Step = Axis | 'result';
const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const date = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The grid of one evaluation, axis by axis, then the result; the context first, history and captures last. */
export function EvaluatePanel({ work, onCapture, onShow, selectedFinding, openHref }: Props) {
  const { evaluation: e, status, save, resumedFrom, history, pending, actions } = work;
  const [step, setStep] = useState<Step>('pedagogique');
  const [captureError, setCaptureError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const byId = new Map(e.findings.map((f) => [f.id, f]));
  const steps: Step[] = [...AXES, 'result'];
  const grid = e.grid ?? [];
  const verdictMissingReason = e.verdict && (e.verdict.level !== e.verdict.suggested || (e.verdict.level === 'recommandee' && e.verdict.blocking.length > 0)) && !e.verdict.reason?.trim();
  const incomplete = [...pending.map((id) => t(criterionKey(id, 'label'))), ...(verdictMissingReason ? [t('eval_verdictReason')] : [])];

  const capture = async () => {
    if (!onCapture) return;
    setCaptureError(undefined);
    try {
      actions.addScreenshot(await onCapture());
    } catch (error) {
      setCaptureError(t('eval_screenshotFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <section class="evaluate" aria-labelledby="h-eval" data-testid="evaluate" data-status={status}>
      <h1 id="h-eval">{t('eval_title')}</h1>
      <p class="resource-line" data-testid="eval:resource">
        {e.resource.title || e.resource.site} — {e.resource.site}
      </p>
      <p class="save-line" role="status" data-testid="save-status" data-state={save.state}>
        {resumedFrom !== undefined && <span data-testid="resumed">{t('eval_resumed', date(resumedFrom))} </span>}
        {t(`eval_status_${status}`)}
        {save.state === 'saved' && save.at !== undefined && ` · ${t('eval_draftSaved', time(save.at))}`}
      </p>
      {resumedFrom !== undefined && (
        <button type="button" class="secondary" data-testid="button:new-evaluation" onClick={actions.startNew}>
          {t('eval_new')}
        </button>
      )}
      {save.state === 'error' && save.error && (
        <p class="error" role="alert" data-testid="storage-error" data-kind={save.error.kind}>
          {t(save.error.messageKey, save.error.detail)}
        </p>
      )}
      <ContextForm context={e.context ?? {}} onChange={actions.setContext} />
      <AuthorFields author={e.author} onChange={actions.setAuthor} />

      <nav aria-label={t('eval_axes')} class="steps">
        <ul>
          {steps.map((s) => (
            <li key={s}>
              <button type="button" class="secondary" aria-current={step === s ? 'step' : undefined} data-testid={`step:${s}`} onClick={() => setStep(s)}>
                {s === 'result' ? t('eval_result') : t(axisKey(s))}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      {step !== 'result' && (
        <section class="axis" aria-labelledby={`h-axis-${step}`} data-testid={`axis:${step}`}>
          <h2 id={`h-axis-${step}`}>{t(axisKey(step))}</h2>
          {grid.some((c) => c.axis === step && c.source === 'detector' && c.suggested) && (
            <button type="button" class="secondary" data-testid={`confirm-axis:${step}`} onClick={() => actions.confirmAxis(step)}>
              {t('eval_confirmAxis')}
            </button>
          )}
          <ul class="criteria">
            {grid
              .filter((c) => c.axis === step)
              .map((c) => (
                <CriterionItem
                  key={c.id}
                  criterion={c}
                  evidence={c.findingIds.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined)}
                  findingNotes={e.findingNotes ?? {}}
                  actions={actions}
                  onShow={onShow}
                  selectedFinding={selectedFinding}
                />
              ))}
          </ul>
          <button type="button" data-testid="step:next" onClick={() => setStep(steps[steps.indexOf(step) + 1]!)}>
            {t('eval_next')}
          </button>
        </section>
      )}

      {step === 'result' && e.verdict && <VerdictResult evaluation={e} onVerdict={actions.setVerdict} />}

      <section class="screenshots" aria-labelledby="h-shots" data-testid="section:screenshots">
        <h2 id="h-shots">{t('eval_screenshots')}</h2>
        {onCapture && (
          <button type="button" class="secondary" data-testid="button:screenshot" onClick={() => void capture()}>
            {t('eval_screenshot')}
          </button>
        )}
        {captureError && (
          <p class="error" role="alert" data-testid="screenshot-error">
            {captureError}
          </p>
        )}
        <ul class="thumbs">
          {(e.screenshots ?? []).map((s) => (
            <li key={s.id} data-testid={`screenshot:${s.id}`}>
              <img src={s.dataUrl} width={s.width} height={s.height} alt={t('eval_screenshotAlt', date(Date.parse(s.takenAt)))} />
              <button type="button" class="secondary" onClick={() => actions.removeScreenshot(s.id)}>
                {t('eval_screenshotRemove')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <div class="save-bar">
        {incomplete.length > 0 && (
          <p class="error" id="cannot-save" data-testid="cannot-save">
            {t('eval_cannotSave', incomplete.join(', '))}
          </p>
        )}
        <button
          type="button"
          data-testid="button:save-evaluation"
          aria-describedby={incomplete.length > 0 ? 'cannot-save' : undefined}
          disabled={incomplete.length > 0}
          onClick={() => void actions.finish().then(setDone)}
        >
          {t('eval_save')}
        </button>
        {done && status === 'done' && e.verdict && (
          <p role="status" data-testid="saved-verdict">
            {t('eval_saved', t(verdictKey(e.verdict.level)))}
          </p>
        )}
      </div>

      {(history.same.length > 0 || history.site.length > 0) && (
        <section class="history" aria-labelledby="h-history" data-testid="section:history">
          <h2 id="h-history">{t('eval_history')}</h2>
          {(['same', 'site'] as const).map(
            (k) =>
              history[k].length > 0 && (
                <div key={k}>
                  <h3>{t(k === 'same' ? 'eval_historySame' : 'eval_historySite')}</h3>
                  <ul>
                    {history[k].slice(0, 10).map((r) => (
                      <li key={r.id}>
                        <a href={openHref(r.id)} target="_blank" rel="noopener">
                          {r.title || r.url}
                        </a>{' '}
                        — {date(r.updatedAt)} — {t(`eval_status_${r.status}`)}
                        {r.verdict && ` — ${t(verdictKey(r.verdict))}`}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
          )}
        </section>
      )}
    </section>
  );
}
