import { isFrom, type Evaluation, type Finding, type FindingOf } from '@/lib/export/schema';
import { RGAA_ATTRIBUTION, RGAA_CRITERIA } from '@/lib/a11y/rgaa-criteria';
import { USER_GROUPS, type UserGroup } from '@/lib/a11y/users';
import { t } from '@/lib/i18n/t';
import type { AccessibilityState } from '@/lib/panel/accessibility-state';

export type { AccessibilityState };

interface Props {
  state: AccessibilityState;
  evaluation?: Evaluation;
  error?: string;
  /** Without it (a saved evaluation), no "show on the page" button. */
  onShow?: (finding: Finding) => void;
  notes: Record<string, string>;
}

type AxeFinding = FindingOf<'axe'>;
type AxeData = NonNullable<AxeFinding['data']>;
type RuleFinding = AxeFinding & { data: Extract<AxeData, { outcome: 'violation' | 'incomplete' }> };

const ofOutcome =
  <O extends AxeData['outcome']>(outcome: O) =>
  (f: AxeFinding): f is AxeFinding & { data: Extract<AxeData, { outcome: O }> } =>
    f.data?.outcome === outcome;

const userKey = (u: UserGroup) => `a11y_user_${u}`;

/** The accessibility check's own block in the panel: progress, a summary by pupils concerned, the RGAA criteria. */
export function AccessibilitySection({ state, evaluation, error, onShow, notes }: Props) {
  if (state === 'idle' || state === 'skipped') return null;
  if (state === 'running') {
    return (
      <p role="status" class="a11y-running" data-testid="a11y:running">
        {t('a11y_running')}
      </p>
    );
  }
  if (state === 'error' || !evaluation) {
    return (
      <p class="error" role="alert" data-testid="a11y:error">
        {t('a11y_error', error ?? '')}
      </p>
    );
  }
  const axe = evaluation.findings.filter((f) => isFrom(f, 'axe'));
  const summary = axe.find(ofOutcome('summary'))?.data;
  const violations: RuleFinding[] = axe.filter(ofOutcome('violation')).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'problem' ? -1 : 1));
  const toCheck: RuleFinding[] = axe.filter(ofOutcome('incomplete'));
  const concerned = USER_GROUPS.filter((u) => (summary?.users[u] ?? 0) > 0);
  return (
    <section class="category a11y" data-testid="a11y:done" aria-labelledby="h-a11y-axe">
      <h2 id="h-a11y-axe">{t('a11y_title')}</h2>
      <p class="summary" data-testid="a11y:summary">
        {t('a11y_teacherSummary', String(summary?.critical ?? 0), String(summary?.serious ?? 0))}
      </p>
      {concerned.length > 0 && (
        <p data-testid="a11y:users">
          {t('a11y_usersConcerned', concerned.map((u) => `${t(userKey(u))} (${summary!.users[u]})`).join(', '))}
        </p>
      )}
      <p data-testid="a11y:counts">{t('a11y_counts', String(violations.length), String(toCheck.length), String(summary?.passes ?? 0))}</p>
      {violations.length > 0 && <h3>{t('a11y_violations')}</h3>}
      <ul class="findings">
        {violations.map((f) => (
          <AxeItem key={f.id} finding={f} onShow={onShow} note={notes[f.id]} />
        ))}
      </ul>
      {toCheck.length > 0 && <h3>{t('a11y_toCheck')}</h3>}
      <ul class="findings">
        {toCheck.map((f) => (
          <AxeItem key={f.id} finding={f} onShow={onShow} note={notes[f.id]} />
        ))}
      </ul>
      <p class="source">{RGAA_ATTRIBUTION}, Licence Ouverte 2.0 — axe-core (MPL-2.0)</p>
    </section>
  );
}

function AxeItem({ finding, onShow, note }: { finding: RuleFinding; onShow?: (f: Finding) => void; note?: string }) {
  const data = finding.data;
  const framed = data.nodes.filter((n) => n.inFrame).length;
  return (
    <li class={`finding severity-${finding.severity}`} data-testid={`finding:${finding.id}`} data-severity={finding.severity}>
      <span class="badge">{t(`severity_${finding.severity}`)}</span> <span class="message">{t(finding.messageKey, ...finding.params)}</span>
      <ul class="rgaa" data-testid={`rgaa:${finding.id}`}>
        {data.rgaa.slice(0, 6).map((n) => (
          <li key={n}>
            {t('a11y_rgaaCriterion', n, RGAA_CRITERIA[n]?.title ?? '')}
          </li>
        ))}
      </ul>
      <p class="wcag">
        {t('a11y_wcag', data.wcag.join(', ') || '—')} · {t('a11y_for', data.users.map((u) => t(userKey(u))).join(', '))}
      </p>
      {framed > 0 && <p class="note">{t('a11y_inFrame', String(framed))}</p>}
      {finding.evidence.length > 0 && (
        <ul class="evidence">
          {finding.evidence.slice(0, 5).map((e, i) => (
            <li key={i}>{e.text || e.selector}</li>
          ))}
        </ul>
      )}
      {onShow && finding.evidence.some((e) => e.selector) && (
        <button type="button" class="show" data-testid={`button:show:${finding.id}`} onClick={() => onShow(finding)}>
          {t('panel_showOnPage')}
        </button>
      )}
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
    </li>
  );
}
