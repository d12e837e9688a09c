import { useState } from 'preact/hooks';
import type { Evaluation } from '@/lib/detectors/finding';
import { axisKey, criterionKey } from '@/lib/grid/grid';
import { VERDICTS, type VerdictLevel } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { camel } from '@/lib/text/key-case';

export const verdictKey = (v: VerdictLevel) => `gridVerdict_${camel(v)}`;

/** The three verdict levels as a select's options, in the grid's order. */
export const VerdictOptions = () => (
  <>
    {VERDICTS.map((v) => (
      <option key={v} value={v}>
        {t(verdictKey(v))}
      </option>
    ))}
  </>
);

interface Props {
  evaluation: Evaluation;
  onVerdict: (level: VerdictLevel, reason: string) => void;
}

/** Blocking points first, a score per axis, then the suggested verdict and the person's own, with its reason. */
export function VerdictResult({ evaluation, onVerdict }: Props) {
  const v = evaluation.verdict!;
  const [reason, setReason] = useState(v.reason ?? '');
  const needsReason = v.level !== v.suggested || (v.level === 'recommandee' && v.blocking.length > 0);
  const missing = needsReason && !reason.trim();
  return (
    <section class="result" aria-labelledby="h-result" data-testid="section:result">
      <h2 id="h-result">{t('eval_result')}</h2>
      <h3>{t('eval_blockingPoints')}</h3>
      {v.blocking.length === 0 ? (
        <p data-testid="blocking:none">{t('eval_noBlocking')}</p>
      ) : (
        <ul class="blocking-points" data-testid="blocking-points">
          {v.blocking.map((id) => (
            <li key={id}>{t(criterionKey(id, 'label'))}</li>
          ))}
        </ul>
      )}
      <h3>{t('eval_scores')}</h3>
      <ul class="scores" data-testid="scores">
        {v.scores.map((s) =>
          s.score === null ? (
            <li key={s.axis}>{t('eval_scoreNone', t(axisKey(s.axis)))}</li>
          ) : (
            <li key={s.axis}>{t('eval_score', t(axisKey(s.axis)), s.score, s.rated, s.total)}</li>
          ),
        )}
      </ul>
      <p class={`verdict-line verdict-${v.suggested}`} data-testid="verdict:suggested" data-level={v.suggested}>
        {t('eval_verdictSuggested', t(verdictKey(v.suggested)), t(`gridRule_${camel(v.rule)}`))}
      </p>
      <fieldset class="ratings" data-testid="verdict:choice">
        <legend>{t('eval_verdict')}</legend>
        {VERDICTS.map((level) => (
          <label key={level}>
            <input type="radio" name="verdict" value={level} data-testid={`verdict:${level}`} checked={v.level === level} onChange={() => onVerdict(level, reason)} /> {t(verdictKey(level))}
          </label>
        ))}
      </fieldset>
      {(needsReason || reason) && (
        <label class="block">
          {t('eval_verdictReason')}
          {missing && (
            <span class="error" id="verdict-reason-required">
              {' '}
              {t(v.level === 'recommandee' && v.blocking.length > 0 ? 'eval_verdictBlockingReason' : 'eval_verdictReasonRequired')}
            </span>
          )}
          <textarea
            rows={3}
            maxLength={5000}
            data-testid="verdict:reason"
            aria-invalid={missing}
            aria-describedby={missing ? 'verdict-reason-required' : undefined}
            value={reason}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              onVerdict(v.level, e.currentTarget.value);
            }}
          />
        </label>
      )}
    </section>
  );
}
