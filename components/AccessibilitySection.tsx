import { isFrom, type Evaluation } from '@/lib/detectors/finding';
import { RGAA_ATTRIBUTION } from '@/lib/a11y/rgaa-criteria';
import { USER_GROUPS, type UserGroup } from '@/lib/a11y/users';
import { t, tp } from '@/lib/i18n/t';
import type { AccessibilityState } from '@/lib/panel/accessibility-state';

export type { AccessibilityState };

interface Props {
  state: AccessibilityState;
  evaluation?: Evaluation;
  error?: string;
}

const userKey = (u: UserGroup) => `a11y_user_${u}`;

/**
 * The automatic check's own lines at the end of the accessibility section: its progress, then who is hindered and
 * what it covered. Its findings are listed with the section's others, under the same badge and the same words.
 */
export function AccessibilitySection({ state, evaluation, error }: Props) {
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
  const found = evaluation.findings.find((f) => isFrom(f, 'axe') && f.data?.kind === 'summary');
  const summary = found && isFrom(found, 'axe') && found.data?.kind === 'summary' ? found.data : undefined;
  const concerned = USER_GROUPS.filter((u) => (summary?.users[u] ?? 0) > 0);
  return (
    <details class="a11y" data-testid="a11y:done">
      <summary>{t('a11y_title')}</summary>
      {concerned.length > 0 && (
        <p data-testid="a11y:users">
          {t('a11y_usersConcerned', concerned.map((u) => `${t(userKey(u))} (${summary!.users[u]})`).join(', '))}
        </p>
      )}
      <p class="source" data-testid="a11y:counts">
        {found ? tp('a11y_counts', found.params) : t('a11y_counts', 0, 0, 0)}
      </p>
      {/* The attribution the RGAA's licence asks for, in its own words. */}
      <p class="source" lang="fr">
        {RGAA_ATTRIBUTION}, Licence Ouverte 2.0 — axe-core (MPL-2.0)
      </p>
    </details>
  );
}
