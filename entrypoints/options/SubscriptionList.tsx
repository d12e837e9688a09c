import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/catalogue/fetch';
import type { Subscription } from '@/lib/model/catalogue';
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/t';
import { listSubscriptions, removeSubscription } from '@/lib/storage/catalogues';
import { loupeDb } from '@/lib/storage/db';
import { catalogueErrorText } from '@/components/catalogue-error';
import { useLiveQuery } from '@/components/use-live-query';
import { refreshInBackground } from './refresh';

const day = (ms: number) => formatDate(new Date(ms).toISOString().slice(0, 10), uiLocale());

/** Gives back the host permission of an origin no subscription uses any more (unless all sites were granted). */
async function releaseOrigin(url: string, left: readonly Subscription[]): Promise<void> {
  const origin = new URL(url).origin;
  if (left.some((s) => new URL(s.url).origin === origin)) return;
  if (await browser.permissions.contains({ origins: ['<all_urls>'] }).catch(() => false)) return;
  await browser.permissions.remove({ origins: [originPattern(url)] }).catch(() => false);
}

function Item({ sub, all }: { sub: Subscription; all: readonly Subscription[] }) {
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    // A catalogue added by policy whose origin was never granted: asked here, within the click.
    if (sub.error?.code === 'permission') await browser.permissions.request({ origins: [originPattern(sub.url)] }).catch(() => false);
    await refreshInBackground(sub.url);
    setBusy(false);
  };
  const unsubscribe = async () => {
    const removed = await removeSubscription(loupeDb(), sub.url);
    if (removed.ok && removed.value) await releaseOrigin(sub.url, all.filter((s) => s.url !== sub.url));
  };
  const host = new URL(sub.url).host;
  return (
    <li class="subscription" data-testid="subscription" data-url={sub.url} data-by={sub.by} data-entries={sub.entries ?? 0} data-error={sub.error?.code ?? ''}>
      <h3>{sub.academie ?? host}</h3>
      <p class="source" data-testid="subscription:source">
        {t('settings_source', sub.url)}
      </p>
      {sub.by === 'policy' && <p data-testid="subscription:policy">{t('settings_byPolicy')}</p>}
      <p data-testid="subscription:status">
        {sub.updatedAt ? `${t('settings_entries', sub.entries ?? 0)} · ${t('settings_updated', day(sub.updatedAt))}` : t('settings_neverUpdated')}
        {sub.checkedAt && sub.checkedAt !== sub.updatedAt ? ` · ${t('settings_checked', day(sub.checkedAt))}` : ''}
      </p>
      {sub.error && (
        <p class="error" data-testid="subscription:error">
          {t('settings_lastError', day(sub.error.at), catalogueErrorText(sub.error))} {sub.updatedAt ? t('settings_keptCopy') : ''}
        </p>
      )}
      <p>
        <button type="button" class="secondary" disabled={busy} data-testid="subscription:refresh" onClick={() => void refresh()}>
          {sub.error?.code === 'permission' ? t('settings_grant', new URL(sub.url).origin) : t('settings_refresh')}
        </button>{' '}
        {sub.by === 'person' && (
          <button type="button" class="secondary" data-testid="subscription:remove" onClick={() => void unsubscribe()}>
            {t('settings_unsubscribe')}
          </button>
        )}{' '}
        <span role="status">{busy ? t('settings_refreshing') : ''}</span>
      </p>
    </li>
  );
}

export function SubscriptionList() {
  const read = useLiveQuery(() => listSubscriptions(loupeDb()), []);
  const subs = read?.ok ? read.value : [];
  return (
    <section aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">{t('settings_subscriptions')}</h2>
      {read && !read.ok && (
        <p class="error" role="alert">
          {t(read.error.messageKey, read.error.detail)}
        </p>
      )}
      {subs.length === 0 ? (
        <p data-testid="subscriptions:none">{t('settings_none')}</p>
      ) : (
        <ul class="subscriptions" data-testid="subscriptions">
          {subs.map((s) => (
            <Item key={s.url} sub={s} all={subs} />
          ))}
        </ul>
      )}
    </section>
  );
}
