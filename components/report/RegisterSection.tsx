import type { Evaluation } from '@/lib/detectors/finding';
import { registerDraft, type RegisterDraft } from '@/lib/export/register';
import { t } from '@/lib/i18n/t';

// The draft entry for the school's register of processing activities, said as a draft for the DPD.

const list = (urls: string[]) => (urls.length ? urls.join(' · ') : t('register_notFound'));
const country = (r: RegisterDraft['recipients'][number]) =>
  r.country === null ? t('register_countryUnknown') : r.outsideEu ? t('register_outsideEu', r.country) : r.country;

export function RegisterSection({ evaluation }: { evaluation: Evaluation }) {
  const d = registerDraft(evaluation);
  return (
    <section class="register" aria-labelledby="register-title" data-testid="report:register">
      <h2 id="register-title">{t('register_title')}</h2>
      <p class="note">{t('register_disclaimer')}</p>
      <dl>
        <dt>{t('register_service')}</dt>
        <dd>
          {d.service.title} — {d.service.url}
          {d.service.publisher && ` (${d.service.publisher})`}
        </dd>
        <dt>{t('register_legalNotice')}</dt>
        <dd>{list(d.documents['legal-notice'])}</dd>
        <dt>{t('register_privacy')}</dt>
        <dd>{list(d.documents.privacy)}</dd>
        <dt>{t('register_dpo')}</dt>
        <dd>{list(d.documents.dpo)}</dd>
        <dt>{t('register_personalData')}</dt>
        <dd data-testid="register:data">{d.personalData.length ? d.personalData.map((k) => t(`register_data_${k}`)).join(', ') : t('register_noData')}</dd>
      </dl>
      <h3>{t('register_recipients')}</h3>
      {d.recipients.length === 0 && d.unknownThirdParties.length === 0 ? (
        <p>{t('register_noRecipients')}</p>
      ) : (
        <ul data-testid="register:recipients">
          {d.recipients.map((r) => (
            <li key={r.organisation} class={r.outsideEu ? 'outside-eu' : undefined}>
              <strong>{r.organisation}</strong> — {country(r)} — {r.hosts.join(', ')}
            </li>
          ))}
          {d.unknownThirdParties.map((s) => (
            <li key={s}>
              <strong>{s}</strong> — {t('register_unknownParty')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('register_toAsk')}</h3>
      <ul data-testid="register:ask">
        {d.toAsk.map((q) => (
          <li key={q.key}>{t(q.key, ...q.params)}</li>
        ))}
      </ul>
    </section>
  );
}
