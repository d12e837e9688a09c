import { useMemo, useState } from 'preact/hooks';
import type { ResourceGroup } from '@/lib/consolidate/group';
import { historyChanges } from '@/lib/consolidate/changes';
import { consolidateResource } from '@/lib/consolidate/resource';
import { disagreementsFirst } from '@/lib/consolidate/spread';
import type { Consolidation, Evaluation } from '@/lib/export/schema';
import { criterionKey } from '@/lib/grid/grid';
import { VERDICTS, type VerdictLevel } from '@/lib/grid/verdict';
import { verdictKey } from '@/components/VerdictResult';
import { t } from '@/lib/i18n/t';

// One resource: how its evaluators' ratings spread (disagreements first), how far they agree, the blocking points
// raised, and the referent's consolidated verdict.

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

export const alphaText = (alpha: number | null, pairable: number) => (alpha === null ? t('dash_alphaNone') : t('dash_alpha', alpha.toFixed(2), pairable));

export function ResourceDetail(props: {
  group: ResourceGroup;
  evaluations: Evaluation[];
  decision?: Consolidation;
  onDecide: (level: VerdictLevel, reason: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { group, evaluations, decision } = props;
  const c = useMemo(() => consolidateResource(evaluations), [evaluations]);
  const steps = useMemo(() => historyChanges(evaluations), [evaluations]);
  const [level, setLevel] = useState<VerdictLevel | undefined>(decision?.level);
  const [reason, setReason] = useState(decision?.reason ?? '');
  const [tried, setTried] = useState(false);
  const missing = tried && (!level || !reason.trim());
  return (
    <section aria-labelledby="detail-title" data-testid="resource-detail">
      <p>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('list_close')}
        </button>
      </p>
      <h2 id="detail-title">{group.title || group.url}</h2>
      <p>
        {group.url} — {t('dash_rowCounts', group.evaluations, group.evaluators)}
      </p>
      <p data-testid="agreement">{alphaText(c.agreement.alpha, c.agreement.pairable)}</p>
      <h3>{t('dash_spreads')}</h3>
      <table class="spreads" data-testid="spreads">
        <thead>
          <tr>
            <th scope="col">{t('dash_criterion')}</th>
            <th scope="col">{t('gridRating_conforme')}</th>
            <th scope="col">{t('gridRating_partiel')}</th>
            <th scope="col">{t('gridRating_nonConforme')}</th>
          </tr>
        </thead>
        <tbody>
          {disagreementsFirst(c.spreads)
            .filter((s) => s.ordinal > 0)
            .map((s) => (
              <tr key={s.id} class={s.disagree ? 'disagree' : undefined} data-testid={`spread:${s.id}`} data-disagree={s.disagree}>
                <th scope="row">
                  {t(criterionKey(s.id, 'label'))}
                  {s.disagree ? ` (${t('dash_disagree')})` : ''}
                </th>
                <td>{s.counts.conforme}</td>
                <td>{s.counts.partiel}</td>
                <td>{s.counts['non-conforme']}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>{t('dash_blocking')}</h3>
      {c.blocking.length === 0 ? (
        <p>{t('dash_blockingNone')}</p>
      ) : (
        <ul data-testid="blocking">
          {c.blocking.map((b) => (
            <li key={b.criterion}>{t('dash_blockingItem', t(criterionKey(b.criterion, 'label')), b.evaluations, b.evaluators)}</li>
          ))}
        </ul>
      )}
      <h3>{t('dash_changes')}</h3>
      {steps.length === 0 ? (
        <p>{t('dash_changesNone')}</p>
      ) : (
        <ul data-testid="changes">
          {steps.map((s) => (
            <li key={s.until}>
              {t('dash_changesStep', day(s.since), day(s.until))} {s.changes.map((ch) => t(ch.messageKey, ...ch.params)).join(' ; ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('dash_decision')}</h3>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          setTried(true);
          if (level && reason.trim()) props.onDecide(level, reason.trim());
        }}
      >
        <fieldset>
          <legend>{t('dash_decisionLevel')}</legend>
          {VERDICTS.map((l) => (
            <label key={l}>
              <input type="radio" name="referent-level" value={l} data-testid={`referent:${l}`} checked={level === l} onChange={() => setLevel(l)} /> {t(verdictKey(l))}{' '}
            </label>
          ))}
        </fieldset>
        <label>
          {t('dash_decisionReason')}
          <br />
          <textarea data-testid="referent-reason" aria-required="true" aria-invalid={missing} value={reason} onInput={(e) => setReason(e.currentTarget.value)} rows={3} cols={60} />
        </label>
        {missing && (
          <p class="error" role="alert">
            {t('dash_decisionMissing')}
          </p>
        )}
        <p>
          <button type="submit" data-testid="referent-save">
            {t('dash_decisionSave')}
          </button>{' '}
          <button type="button" class="secondary" data-testid="resource-delete" onClick={props.onDelete}>
            {t('dash_delete')}
          </button>
        </p>
      </form>
    </section>
  );
}
