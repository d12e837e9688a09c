import { type Criterion, RATINGS } from '@/lib/model/assessment';
import type { Finding } from '@/lib/detectors/finding';
import { criterionKey, ratingKey } from '@/lib/grid/grid';
import { t, tp } from '@/lib/i18n/t';
import type { EvaluationActions } from './use-evaluation';

interface Props {
  criterion: Criterion;
  /** The findings this criterion's suggestion rests on. */
  evidence: Finding[];
  findingNotes: Record<string, string>;
  actions: Pick<EvaluationActions, 'rate' | 'confirm' | 'comment' | 'findingNote'>;
  /** Outlines a finding on the page, when the page is still the one inspected (side panel only). */
  onShow?: (f: Finding) => void;
  selectedFinding?: string;
}

const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

function sourceKey(c: Criterion): string {
  if (c.source === 'detector') return 'eval_stillSuggestion';
  return c.suggested === undefined || c.rating === c.suggested ? 'eval_confirmed' : 'eval_overridden';
}

/** One criterion: Loupe's suggestion and why, its evidence one click away, the person's rating and comment. */
export function CriterionItem({ criterion: c, evidence, findingNotes, actions, onShow, selectedFinding }: Props) {
  const id = `c-${c.id}`;
  const overridden = c.source === 'person' && c.suggested !== undefined && c.rating !== c.suggested;
  const needsComment = overridden && !c.comment?.trim();
  return (
    <li class={`criterion rating-${c.rating}${c.blocking ? ' is-blocking' : ''}`} data-testid={`criterion:${c.id}`} data-rating={c.rating} data-source={c.source}>
      <h3 id={`${id}-h`}>
        {t(criterionKey(c.id, 'label'))}
        {c.blocking && <span class="status blocking-mark">{t('eval_blockingMark')}</span>}
      </h3>
      <p class="help">{t(criterionKey(c.id, 'help'))}</p>
      <p class="suggestion" data-testid={`suggestion:${c.id}`}>
        {c.suggested && <strong>{t('eval_suggested', t(ratingKey(c.suggested)))}</strong>} {c.reason && tp(c.reason.key, c.reason.params)}
      </p>
      <p class={`source source-${c.source}`} data-testid={`source:${c.id}`}>
        {t(sourceKey(c))}
      </p>
      {c.suggested && (
        <details class="evidence-list" data-testid={`evidence:${c.id}`}>
          <summary>{t('eval_evidence', evidence.length)}</summary>
          {evidence.length === 0 && <p class="none">{t('eval_noEvidence')}</p>}
          <ul class="findings">
            {evidence.map((f) => (
              <li key={f.id} class={`finding severity-${f.severity}`} data-testid={`evidence-finding:${f.id}`}>
                <span class="badge">{t(`severity_${f.severity}`)}</span> <span id={`${id}-${safeId(f.id)}`}>{tp(f.messageKey, f.params)}</span>
                {onShow && f.evidence.some((e) => e.selector) && (
                  <button type="button" class="show" aria-pressed={selectedFinding === f.id} aria-describedby={`${id}-${safeId(f.id)}`} onClick={() => onShow(f)}>
                    {selectedFinding === f.id ? t('panel_hideOnPage') : t('panel_showOnPage')}
                  </button>
                )}
                <label class="block">
                  {t('eval_findingNote')}
                  <textarea rows={2} maxLength={5000} data-testid={`finding-note:${f.id}`} value={findingNotes[f.id] ?? ''} onInput={(e) => actions.findingNote(f.id, e.currentTarget.value)} />
                </label>
              </li>
            ))}
          </ul>
        </details>
      )}
      <fieldset class="ratings">
        <legend>{t('eval_yours')}</legend>
        {RATINGS.map((r) => (
          <label key={r}>
            <input type="radio" name={`rating-${c.id}`} value={r} data-testid={`rate:${c.id}:${r}`} checked={c.rating === r && c.source === 'person'} onChange={() => actions.rate(c.id, r)} /> {t(ratingKey(r))}
          </label>
        ))}
      </fieldset>
      {c.suggested && c.source === 'detector' && (
        <button type="button" class="secondary" data-testid={`confirm:${c.id}`} onClick={() => actions.confirm(c.id)}>
          {t('eval_confirm')}
        </button>
      )}
      <label class="block">
        {t('eval_comment')}
        {needsComment && (
          <span class="error" id={`${id}-required`}>
            {' '}
            {t('eval_commentRequired')}
          </span>
        )}
        <textarea
          rows={2}
          maxLength={5000}
          data-testid={`comment:${c.id}`}
          aria-invalid={needsComment}
          aria-describedby={needsComment ? `${id}-required` : undefined}
          value={c.comment ?? ''}
          onInput={(e) => actions.comment(c.id, e.currentTarget.value)}
        />
      </label>
    </li>
  );
}
