import { browser } from 'wxt/browser';

/** Asks the background, the only part of Loupe that fetches, to refresh one catalogue (or all); answers when done. */
export async function refreshInBackground(url?: string): Promise<void> {
  await browser.runtime.sendMessage({ type: 'loupe:catalogues-refresh', ...(url ? { url } : {}) }).catch(() => undefined);
}
