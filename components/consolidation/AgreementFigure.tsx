import { agreementBand } from '@/lib/consolidate/agreement';
import type { AlphaResult } from '@/lib/consolidate/krippendorff';
import { t } from '@/lib/i18n/t';
import { formatNumber } from './format';

const BAND_KEY = { good: 'consol_alphaGood', moderate: 'consol_alphaModerate', weak: 'consol_alphaWeak' } as const;

/** Krippendorff's alpha with what it rests on and what it means in plain words; why it is missing when it is. */
export function AgreementFigure({ agreement: a }: { agreement: AlphaResult }) {
  return (
    <section class="consol-agreement" aria-labelledby="h-consol-agreement" data-testid="consol:agreement">
      <h3 id="h-consol-agreement">{t('consol_agreement')}</h3>
      {a.alpha === null ? (
        <p data-testid="consol:alpha-none" data-why={a.why}>
          {t(a.why === 'no-variance' ? 'consol_alphaNoVariance' : 'consol_alphaNoPairable')}
        </p>
      ) : (
        <>
          <p class={`consol-alpha band-${agreementBand(a.alpha)}`} data-testid="consol:alpha" data-alpha={a.alpha.toFixed(3)}>
            <strong>{t('consol_alpha', formatNumber(a.alpha))}</strong> {t(BAND_KEY[agreementBand(a.alpha)])}
          </p>
        </>
      )}
      <p data-testid="consol:rests-on">{t('consol_restsOn', a.pairable, a.coders, a.units)}</p>
      <p class="help">{t('consol_alphaExplain')}</p>
    </section>
  );
}
