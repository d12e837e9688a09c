import { AxisChart } from '@/components/report/AxisChart';
import { verdictKey } from '@/components/VerdictResult';
import type { Evaluation } from '@/lib/detectors/finding';
import { axisKey, criterionKey, ratingKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';
import { camel } from '@/lib/text/key-case';

// The report's parts around the findings: who inspected what and when, the verdict, the context, the grid and the
// screenshots. Every text in them came from a page or a person, so it is rendered as text.

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
const CONTEXT_FIELDS = ['users', 'level', 'place', 'access'] as const;

export function Header({ e }: { e: Evaluation }) {
  const author = [e.author?.name, e.author?.role, e.author?.school].filter(Boolean).join(', ');
  return (
    <header>
      <p class="kicker">{t('report_kicker')}</p>
      <h1 data-testid="report:title">{e.resource.title || e.resource.site}</h1>
      <p class="meta">
        {e.resource.url}
        {e.resource.publisher && ` · ${t('report_publisher', e.resource.publisher)}`}
      </p>
      <p class="meta">
        {t('report_inspected', when(e.inspectedAt), e.loupeVersion)}
        {author && ` · ${t('report_by', author)}`}
      </p>
    </header>
  );
}

export function Verdict({ e }: { e: Evaluation }) {
  const v = e.verdict;
  if (!v) return <p data-testid="report:verdict">{t('report_noVerdict')}</p>;
  const blocking = e.grid?.filter((c) => c.blocking || v.blocking.includes(c.id)) ?? [];
  return (
    <section aria-labelledby="h-verdict" class={`verdict-box verdict-${v.level}`}>
      <h2 id="h-verdict">{t('report_verdictTitle')}</h2>
      <p class="verdict-level" data-testid="report:verdict">
        {t(verdictKey(v.level))} — {v.source === 'person' ? t('report_verdictByPerson') : t('report_verdictByLoupe')}
      </p>
      {v.reason && <p class="reason">{v.reason}</p>}
      <h3>{t('report_blocking', blocking.length)}</h3>
      {blocking.length > 0 ? (
        <ul data-testid="report:blocking">
          {blocking.map((c) => (
            <li key={c.id}>
              <strong>{t(criterionKey(c.id, 'label'))}</strong>
              {c.reasonText && ` — ${c.reasonText}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('report_noBlocking')}</p>
      )}
      <AxisChart scores={v.scores} />
    </section>
  );
}

export function Grid({ e }: { e: Evaluation }) {
  if (!e.grid?.length) return null;
  return (
    <section aria-labelledby="h-grid">
      <h2 id="h-grid">{t('report_gridTitle')}</h2>
      <table class="grid-table" data-testid="report:grid">
        <thead>
          <tr>
            <th scope="col">{t('report_axis')}</th>
            <th scope="col">{t('report_criterion')}</th>
            <th scope="col">{t('report_rating')}</th>
            <th scope="col">{t('report_comment')}</th>
          </tr>
        </thead>
        <tbody>
          {e.grid.map((c) => (
            <tr key={c.id}>
              <td>{t(axisKey(c.axis))}</td>
              <th scope="row">{t(criterionKey(c.id, 'label'))}</th>
              <td>
                {t(ratingKey(c.rating))}
                <span class="by"> ({c.source === 'person' ? t('report_byPerson') : t('report_byLoupe')})</span>
              </td>
              <td>{c.comment ?? c.reasonText ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Context({ e }: { e: Evaluation }) {
  const c = e.context;
  if (!c) return null;
  const rows = CONTEXT_FIELDS.filter((f) => c[f]).map((f) => [t(`ctx_${f}`), t(`ctx_${f}_${camel(c[f]!)}`)] as const);
  if (c.subject) rows.push([t('ctx_subject'), c.subject]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="h-ctx">
      <h2 id="h-ctx">{t('ctx_title')}</h2>
      <dl class="context-list">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Screenshots({ e }: { e: Evaluation }) {
  if (!e.screenshots?.length) return null;
  return (
    <section aria-labelledby="h-shots">
      <h2 id="h-shots">{t('report_screenshots')}</h2>
      {e.screenshots.map((s) => (
        <figure key={s.id} class="shot">
          {/* The data URL passed the export schema (JPEG or WebP base64 only). */}
          <img src={s.dataUrl} width={s.width} height={s.height} alt={s.note || t('report_screenshotAlt', when(s.takenAt))} />
          <figcaption>
            {when(s.takenAt)}
            {s.note && ` — ${s.note}`}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}
