import type { Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { hasOwnWhy, whyKey } from '@/lib/panel/verdict';
import type { HighlightNote } from '@/lib/panel/highlight-note';

interface Props {
  finding: Finding;
  /** Whether this finding is the one outlined on the page. */
  selected?: boolean;
  /** Without it, the finding is listed without a "show on the page" button (e.g. in a comparison). */
  onToggle?: (finding: Finding) => void;
  /** What happened to the last outline of this finding, when something needs saying (hidden, gone). */
  note?: HighlightNote;
}

/** Where a finding can be linked to from the verdict (its id holds slashes and colons). */
export function findingAnchor(f: Finding): string {
  return `f-${f.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function FindingItem({ finding, selected, onToggle, note }: Props) {
  const canShow = finding.evidence.some((e) => e.selector);
  const messageId = `${findingAnchor(finding)}-msg`;
  return (
    <li class={`finding severity-${finding.severity}`} id={findingAnchor(finding)} tabIndex={-1} data-testid={`finding:${finding.id}`} data-severity={finding.severity}>
      <span class="badge">{t(`severity_${finding.severity}`)}</span>{' '}
      <span class="message" id={messageId}>
        {t(finding.messageKey, ...finding.params)}
      </span>
      {hasOwnWhy(finding) && <p class="why">{t(whyKey(finding))}</p>}
      {finding.evidence.length > 0 && (
        <ul class="evidence" aria-label={t('panel_evidence')}>
          {finding.evidence.slice(0, 5).map((e, i) => (
            <li key={i}>{e.text || e.url || e.snippet || e.selector}</li>
          ))}
          {finding.evidence.length > 5 && <li>{t('panel_moreEvidence', finding.evidence.length - 5)}</li>}
        </ul>
      )}
      {canShow && onToggle && (
        <button
          type="button"
          class="show"
          aria-pressed={Boolean(selected)}
          aria-describedby={messageId}
          data-testid={`button:show:${finding.id}`}
          onClick={() => onToggle(finding)}
        >
          {selected ? t('panel_hideOnPage') : t('panel_showOnPage')}
        </button>
      )}
      {selected && note?.key && (
        <p class="note" role="status" data-testid={`note:${finding.id}`}>
          {t(note.key, ...note.params)}
        </p>
      )}
    </li>
  );
}
