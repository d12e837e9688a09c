import { useState } from 'preact/hooks';
import type { VerdictLevel } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { VerdictOptions, verdictKey } from '../VerdictResult';
import { formatDate } from './format';

export interface ReferentVerdict {
  level: VerdictLevel;
  reason: string;
  /** Who decided, when the bundle says (a decision made on this browser names nobody). */
  by?: string;
  decidedAt: string;
}

interface Props {
  current?: ReferentVerdict;
  onDecide?: (level: VerdictLevel, reason: string) => void;
}

/** The referent's consolidated verdict: a level and a reason, the reason required (it travels with the bundle). */
export function ReferentVerdictForm({ current, onDecide }: Props) {
  const [level, setLevel] = useState<VerdictLevel>(current?.level ?? 'avec-reserves');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [tried, setTried] = useState(false);
  const missing = !reason.trim();
  return (
    <section class="consol-referent" aria-labelledby="h-consol-referent" data-testid="consol:referent">
      <h3 id="h-consol-referent">{t('consol_referent')}</h3>
      {current && (
        <p class={`verdict-line verdict-${current.level}`} data-testid="consol:referent-current" data-level={current.level}>
          {current.by
            ? t('consol_referentCurrent', t(verdictKey(current.level)), current.by, formatDate(current.decidedAt))
            : t('consol_referentCurrentAnon', t(verdictKey(current.level)), formatDate(current.decidedAt))}
          <br />
          {current.reason}
        </p>
      )}
      {onDecide && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (!missing) onDecide(level, reason.trim());
          }}
        >
          <label class="block">
            {t('consol_level')}
            <select data-testid="consol:level" value={level} onChange={(e) => setLevel(e.currentTarget.value as VerdictLevel)}>
              <VerdictOptions />
            </select>
          </label>
          <label class="block">
            {t('consol_reason')}
            <textarea
              rows={3}
              maxLength={5000}
              required
              aria-required="true"
              data-testid="consol:reason"
              aria-invalid={tried && missing}
              aria-describedby={tried && missing ? 'consol-reason-required' : undefined}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {/* Outside the label, so the field's name stays short; an alert, so it is heard when it appears. */}
          {tried && missing && (
            <p class="error" role="alert" id="consol-reason-required">
              {t('consol_reasonRequired')}
            </p>
          )}
          <button type="submit" data-testid="consol:decide">
            {t('consol_decide')}
          </button>
        </form>
      )}
    </section>
  );
}
