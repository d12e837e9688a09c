import type { Finding } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { RGAA_CRITERIA } from '@/lib/a11y/rgaa-criteria';
import type { UserGroup } from '@/lib/a11y/users';
import { Fragment } from 'preact';
import { evidenceLines, refsOf, type ShownFinding } from '@/lib/panel/display';
import { whyKey, type Message } from '@/lib/panel/verdict';
import type { Category } from '@/lib/model/finding';
import type { HighlightNote } from '@/lib/panel/highlight-note';
import { FindingMessage, Msg } from './Message';

interface Props {
  finding: Finding;
  /** Whether this finding is the one outlined on the page. */
  selected?: boolean;
  /** Without it, the finding is listed without a "show on the page" button (e.g. in a comparison). */
  onToggle?: (finding: Finding) => void;
  /** What happened to the last outline of this finding, when something needs saying (hidden, gone). */
  note?: HighlightNote;
  /** A word about this finding that another finding calls for (lib/panel/verdict.ts crossNotes). */
  remark?: Message;
}

/** Where a finding can be linked to from the verdict (its id holds slashes and colons). */
export function findingAnchor(f: Pick<Finding, 'id'>): string {
  return `f-${f.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The ids of the findings this one says (its own, and those folded into it for display). */
function foldedIds(f: Finding | ShownFinding): string[] {
  return 'folded' in f && Array.isArray(f.folded) ? (f as ShownFinding).folded : [f.id];
}

export function sectionAnchor(c: Category): string {
  return `s-${c}`;
}

/** Why it matters (the finding's own reason, else its category's), the evidence, the references: one click away. */
function Details({ finding }: { finding: Finding | ShownFinding }) {
  const lines = evidenceLines(finding.evidence);
  const { rgaa, wcag } = refsOf(finding);
  const d = finding.data;
  const users: readonly UserGroup[] = d && 'users' in d && Array.isArray(d.users) ? d.users : [];
  // axe's elements inside a frame: the outline goes around the frame.
  const framed = d && 'nodes' in d ? d.nodes.filter((n) => n.inFrame).length : 0;

  return (
    <details class="details" data-testid={`details:${finding.id}`}>
      <summary>{t('panel_details')}</summary>
      <p class="why">{t(whyKey(finding))}</p>
      {lines.length > 0 && (
        <ul class="evidence" aria-label={t('panel_evidence')}>
          {lines.slice(0, 8).map((l, i) => (
            <li key={i} data-page-text="">
              {l.code ? <code>{l.text}</code> : l.text}
              {l.count > 1 && ` ×${l.count}`}
            </li>
          ))}
          {lines.length > 8 && <li>{t('panel_moreEvidence', lines.length - 8)}</li>}
        </ul>
      )}
      {rgaa.length > 0 && (
        <ul class="rgaa" data-testid={`rgaa:${finding.id}`}>
          {rgaa.slice(0, 6).map((n) => (
            <li key={n}>
              <Msg k="a11y_rgaaCriterion" params={[n, RGAA_CRITERIA[n]?.title ?? '']} wrap={[undefined, 'fr']} />
            </li>
          ))}
        </ul>
      )}
      {framed > 0 && <p class="note">{t('a11y_inFrame', String(framed))}</p>}
      {(wcag.length > 0 || users.length > 0) && (
        <p class="wcag">
          {[wcag.length > 0 ? t('a11y_wcag', wcag.join(', ')) : '', users.length > 0 ? t('a11y_for', users.map((u) => t(`a11y_user_${u}`)).join(', ')) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </details>
  );
}

export function FindingItem({ finding, selected, onToggle, note, remark }: Props) {
  const canShow = finding.evidence.some((e) => e.selector);
  const messageId = `${findingAnchor(finding)}-msg`;
  return (
    <li class={`finding severity-${finding.severity}`} id={findingAnchor(finding)} tabIndex={-1} data-testid={`finding:${finding.id}`} data-severity={finding.severity} data-folded={foldedIds(finding).join(' ')}>
      <span class="badge">{t(`severity_${finding.severity}`)}</span>{' '}
      <span class="message" id={messageId}>
        <FindingMessage finding={finding} />
        {'also' in finding &&
          (finding as ShownFinding).also?.map((a, i) => (
            <Fragment key={i}>
              {' '}
              <FindingMessage finding={{ ...finding, ...a }} />
            </Fragment>
          ))}
        {remark && (
          <span class="remark" data-testid={`remark:${finding.id}`}>
            {' '}
            {t(remark.key, ...remark.params)}
          </span>
        )}
      </span>
      <div class="actions">
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
        <Details finding={finding} />
      </div>
      {selected && note?.key && (
        <p class="note" role="status" data-testid={`note:${finding.id}`}>
          {t(note.key, ...note.params)}
        </p>
      )}
    </li>
  );
}
