import { useEffect, useState } from 'preact/hooks';
import { academiePolicy } from '@/components/policy';
import { catalogueOf, catalogueText } from '@/lib/catalogue/publish';
import type { Consolidation } from '@/lib/model/consolidation';
import { t } from '@/lib/i18n/t';
import { saveFile } from '@/components/save-file';

// The published catalogue: every resource the referent judged, written in one canonical order (lib/catalogue/publish.ts)
// so that publishing twice the same decisions gives the same file. Teachers subscribe to it where it is published.

export function CataloguePublish({ decisions, academie: given = '' }: { decisions: ReadonlyMap<string, Consolidation>; academie?: string }) {
  const [academie, setAcademie] = useState(given);
  const [evaluationsUrl, setEvaluationsUrl] = useState('');
  // The académie's name set by policy, when there is one and the field is still empty.
  useEffect(() => void academiePolicy().then(({ policy }) => policy.academie && setAcademie((a) => a || policy.academie!)), []);
  const badUrl = evaluationsUrl !== '' && !/^https:\/\/[^\s]+$/.test(evaluationsUrl);
  const publish = () => {
    if (badUrl) return;
    const file = catalogueOf([...decisions.values()], { academie, evaluationsUrl });
    saveFile('catalogue.json', catalogueText(file), 'application/json');
  };
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t('dash_catalogue')}</h2>
      <p>{t('dash_catalogueHint')}</p>
      <p class="filters">
        <label>
          {t('dash_catalogueAcademie')}
          <input type="text" value={academie} maxLength={200} data-testid="catalogue-academie" onInput={(e) => setAcademie(e.currentTarget.value)} />
        </label>
        <label>
          {t('dash_catalogueEvaluations')}
          <input
            type="url"
            value={evaluationsUrl}
            maxLength={2000}
            aria-invalid={badUrl}
            aria-describedby={badUrl ? 'catalogue-bad-url' : undefined}
            data-testid="catalogue-evaluations"
            onInput={(e) => setEvaluationsUrl(e.currentTarget.value.trim())}
          />
        </label>
      </p>
      {badUrl && (
        <p id="catalogue-bad-url" class="error" role="alert">
          {t('dash_catalogueBadUrl')}
        </p>
      )}
      <p>
        <button type="button" class="secondary" data-testid="export-catalogue" disabled={decisions.size === 0 || badUrl} onClick={publish}>
          {t('dash_catalogueExport')}
        </button>{' '}
        <span data-testid="catalogue-count">{t('dash_catalogueCount', decisions.size)}</span>
      </p>
    </section>
  );
}
