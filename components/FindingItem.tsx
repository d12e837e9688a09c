import type { Finding } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';

interface Props {
  finding: Finding;
  onShow?: (finding: Finding) => void;
  /** What happened to the last highlight of this finding, said in words. */
  highlightNote?: string;
}

export function FindingItem({ finding, onShow, highlightNote }: Props) {
  const canShow = finding.evidence.some((e) => e.selector);
  return (
    <li class={`finding severity-${finding.severity}`} data-testid={`finding:${finding.id}`} data-severity={finding.severity}>
      <span class="badge">{t(`severity_${finding.severity}`)}</span>{' '}
      <span class="message">{t(finding.messageKey, ...finding.params)}</span>
      {finding.evidence.length > 0 && (
        <ul class="evidence">
          {finding.evidence.slice(0, 5).map((e, i) => (
            <li key={i}>{e.text || e.url || e.selector}</li>
          ))}
        </ul>
      )}
      {canShow && onShow && (
        <button type="button" class="show" data-testid={`button:show:${finding.id}`} onClick={() => onShow(finding)}>
          {t('panel_showOnPage')}
        </button>
      )}
      {highlightNote && (
        <p class="note" role="status">
          {highlightNote}
        </p>
      )}
    </li>
  );
}
