import { ORDINAL_RATINGS, disagreementsFirst, type CriterionSpread } from '@/lib/consolidate/spread';
import { criterionKey, ratingKey } from '@/lib/grid/grid';
import { t } from '@/lib/i18n/t';

// Per criterion, how many evaluators gave each rating: a table (what a screen reader reads) with a small bar beside
// each row for the eye (hidden from assistive technology, it repeats the numbers). Disagreements come first.

const SCALE = [...ORDINAL_RATINGS].reverse(); // conforme, partiel, non-conforme: the order people read a grid in
const OFF = ['a-verifier', 'non-applicable', 'non-evalue'] as const;

function medianText(s: CriterionSpread): string {
  if (s.median === undefined) return '—';
  const lo = ORDINAL_RATINGS[Math.floor(s.median)]!;
  const hi = ORDINAL_RATINGS[Math.ceil(s.median)]!;
  return lo === hi ? t(ratingKey(lo)) : t('consol_medianBetween', t(ratingKey(lo)), t(ratingKey(hi)));
}

function Bar({ s }: { s: CriterionSpread }) {
  if (s.total === 0) return null;
  const parts = [...SCALE, 'off'] as const;
  const count = (p: (typeof parts)[number]) => (p === 'off' ? s.total - s.ordinal : s.counts[p]);
  return (
    <span class="consol-bar" aria-hidden="true">
      {parts.map((p) => (count(p) ? <span key={p} class={`seg seg-${p}`} style={{ width: `${(100 * count(p)) / s.total}%` }} /> : null))}
    </span>
  );
}

export function SpreadTable({ spreads }: { spreads: readonly CriterionSpread[] }) {
  const rows = disagreementsFirst(spreads);
  return (
    <section class="consol-spreads" aria-labelledby="h-consol-spreads" data-testid="consol:spreads">
      <h3 id="h-consol-spreads">{t('consol_spreads')}</h3>
      {rows.length === 0 ? (
        <p>{t('consol_noGrid')}</p>
      ) : (
        <table>
          <caption>{t('consol_spreadCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consol_criterion')}</th>
              {SCALE.map((r) => (
                <th scope="col" key={r}>
                  {t(ratingKey(r))}
                </th>
              ))}
              <th scope="col">{t('consol_offScale')}</th>
              <th scope="col">{t('consol_median')}</th>
              <th scope="col">{t('consol_spread')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} class={s.disagree ? 'disagree' : undefined} data-testid={`spread:${s.id}`} data-disagree={String(s.disagree)}>
                <th scope="row">
                  {t(criterionKey(s.id, 'label'))}
                  {s.disagree && <span class="status disagree-mark"> {t('consol_disagree')}</span>}
                </th>
                {SCALE.map((r) => (
                  <td key={r} data-rating={r}>
                    {s.counts[r]}
                  </td>
                ))}
                <td data-rating="off" title={OFF.map((r) => `${t(ratingKey(r))} : ${s.counts[r]}`).join(' ; ')}>
                  {s.total - s.ordinal}
                </td>
                <td>{medianText(s)}</td>
                <td>
                  <Bar s={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
