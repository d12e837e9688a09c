import { useState } from 'preact/hooks';
import type { Evaluation, Finding } from '@/lib/detectors/finding';
import { compareInspections, type ConsentChoice } from '@/lib/inspect/compare';
import { t, tp } from '@/lib/i18n/t';
import { FindingItem } from './FindingItem';

// Before / after the cookie banner, in the panel. The person keeps an inspection as "before", answers the banner on
// the page (Loupe never clicks it), reloads, and compares; the comparison is computed by lib/inspect/compare.ts.
// Shown only when the page has something about consent, or once a "before" is kept. An observed reload during which
// the person answered the banner (lib/detectors/observed-consent.ts) gives the same comparison from what was seen
// to flow, in one inspection: shown here first, and the section opens for it.

interface Props {
  evaluation: Evaluation;
}

function FindingList({ title, findings, testId }: { title: string; findings: Finding[]; testId: string }) {
  if (findings.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul class="evidence">
        {findings.map((f) => (
          <li key={f.id}>{tp(f.messageKey, f.params)}</li>
        ))}
      </ul>
    </div>
  );
}

// The panel unmounts this component while it inspects again: the kept "before" lives beside it, for this panel only.
let kept: Evaluation | undefined;

export function ConsentCompare({ evaluation }: Props) {
  const [stored, setStored] = useState<Evaluation | undefined>(() => kept);
  const [choice, setChoice] = useState<ConsentChoice | undefined>();
  // A "before" from another page is not a "before" of this one.
  const before = stored && stored.resource.url === evaluation.resource.url ? stored : undefined;
  const setBefore = (e: Evaluation) => {
    kept = e;
    setStored(e);
  };
  const hasConsent = evaluation.findings.some((f) => f.category === 'consent');
  const observed = evaluation.findings.filter((f) => f.detector === 'observed-consent');
  if (!before && !hasConsent) return null;
  const waiting = before !== undefined && before.id === evaluation.id;
  const comparison = before && !waiting && choice ? compareInspections(before, evaluation, choice) : undefined;
  const changed = comparison && (comparison.appeared.length > 0 || comparison.disappeared.length > 0 || comparison.findings.length > 0);
  return (
    // A tool, not a finding: folded until used; open again once a "before" is kept.
    <details class="compare" data-testid="consent-compare" {...(before || observed.length > 0 ? { open: true } : {})}>
      <summary>
        <h3 id="h-compare">{t('compare_title')}</h3>
      </summary>
      {observed.length > 0 && (
        <div data-testid="compare:observed">
          <h4>{t('compare_observed')}</h4>
          <ul class="findings">
            {observed.map((f) => (
              <FindingItem key={f.id} finding={f} />
            ))}
          </ul>
        </div>
      )}
      <p>{t('compare_help')}</p>
      <div class="toolbar">
        <button
          type="button"
          data-testid="button:compare-keep"
          onClick={() => {
            setBefore(evaluation);
            setChoice(undefined);
          }}
        >
          {t('compare_keepBefore')}
        </button>
        {before && !waiting && (
          <>
            <button type="button" data-testid="button:compare-refused" onClick={() => setChoice('refused')}>
              {t('compare_afterRefused')}
            </button>
            <button type="button" data-testid="button:compare-accepted" onClick={() => setChoice('accepted')}>
              {t('compare_afterAccepted')}
            </button>
          </>
        )}
      </div>
      {waiting && (
        <p role="status" data-testid="compare:waiting">
          {t('compare_waiting')}
        </p>
      )}
      {comparison && (
        <div data-testid="compare:result">
          {comparison.findings.length > 0 && (
            <ul class="findings">
              {comparison.findings.map((f) => (
                <FindingItem key={f.id} finding={f} />
              ))}
            </ul>
          )}
          <FindingList title={t('compare_appeared', comparison.appeared.length)} findings={comparison.appeared} testId="compare:appeared" />
          <FindingList title={t('compare_disappeared', comparison.disappeared.length)} findings={comparison.disappeared} testId="compare:disappeared" />
          {!changed && <p>{t('compare_noChange')}</p>}
        </div>
      )}
    </details>
  );
}
