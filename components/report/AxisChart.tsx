import type { EvaluationVerdict } from '@/lib/model/assessment';
import { axisKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';

// The six axes' scores as an inline SVG (no external asset, prints as drawn), with the same figures as a table for
// whoever cannot see the chart: the SVG is one image with a text alternative.

const ROW = 28;
const LABEL = 290;
const BAR = 300;

export function AxisChart({ scores }: { scores: EvaluationVerdict['scores'] }) {
  const alt = scores.map((s) => `${t(axisKey(s.axis))} : ${s.score === null ? t('report_notRated') : `${Math.round(s.score)} %`}`).join(' ; ');
  const height = scores.length * ROW + 8;
  return (
    <figure class="axis-chart">
      <svg role="img" aria-label={t('report_chartAlt', alt)} viewBox={`0 0 ${LABEL + BAR + 60} ${height}`} width="100%" data-testid="report:chart">
        {scores.map((s, i) => {
          const y = i * ROW + 4;
          const w = s.score === null ? 0 : (BAR * s.score) / 100;
          return (
            <g key={s.axis} data-axis={s.axis}>
              <text x={LABEL - 8} y={y + 17} text-anchor="end" font-size="14" fill="#1b1b1b">
                {t(axisKey(s.axis))}
              </text>
              <rect x={LABEL} y={y} width={BAR} height={ROW - 8} fill="#eeeeee" />
              <rect x={LABEL} y={y} width={w} height={ROW - 8} fill={s.score === null ? 'none' : s.score >= 75 ? '#1e6b34' : s.score >= 50 ? '#7a5c00' : '#b00020'} />
              <text x={LABEL + BAR + 6} y={y + 17} font-size="14" fill="#1b1b1b">
                {s.score === null ? '—' : `${Math.round(s.score)} %`}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="scores" data-testid="report:scores">
        <caption>{t('report_scoresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report_axis')}</th>
            <th scope="col">{t('report_score')}</th>
            <th scope="col">{t('report_rated')}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s) => (
            <tr key={s.axis}>
              <th scope="row">{t(axisKey(s.axis))}</th>
              <td>{s.score === null ? t('report_notRated') : `${Math.round(s.score)} %`}</td>
              <td>{t('report_ratedOf', s.rated, s.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
