import { t } from '@/lib/i18n/t';
import { camel } from '@/lib/text/key-case';
import { useAcademiePolicy } from '@/components/policy';

// What the académie set by browser policy (storage.managed), read only: shown so that the person knows where a
// catalogue they cannot remove, or a default context, comes from. A value of the wrong type is named and ignored.

export function PolicySection() {
  const read = useAcademiePolicy();
  if (!read) return null;
  const { policy: p, refused } = read;
  const ctx = p.defaultContext ?? {};
  const ctxText = (['users', 'level', 'place', 'access'] as const)
    .flatMap((f) => (ctx[f] ? [t(`ctx_${f}_${camel(ctx[f]!)}`)] : []))
    .concat(ctx.subject ? [ctx.subject] : [])
    .join(', ');
  const lines = [
    ...(p.academie ? [t('settings_policyAcademie', p.academie)] : []),
    ...(p.referentContact ? [t('settings_policyContact', p.referentContact)] : []),
    ...(ctxText ? [t('settings_policyContext', ctxText)] : []),
    ...(p.allowObserve !== undefined ? [t('settings_policyObserve', t(p.allowObserve ? 'settings_policyAllowed' : 'settings_policyForbidden'))] : []),
    ...(p.catalogues?.length ? [t('settings_policyCatalogues', p.catalogues.join(', '))] : []),
  ];
  return (
    <section aria-labelledby="policy-title" data-testid="policy">
      <h2 id="policy-title">{t('settings_policy')}</h2>
      {lines.length === 0 && refused.length === 0 ? (
        <p>{t('settings_policyNone')}</p>
      ) : (
        <ul>
          {lines.map((l) => (
            <li key={l} data-testid="policy:line">
              {l}
            </li>
          ))}
        </ul>
      )}
      {refused.map((r) => (
        <p key={r.path} class="error" data-testid="policy:refused" data-key={r.key}>
          {t('settings_policyRefused', r.path)}
        </p>
      ))}
    </section>
  );
}
