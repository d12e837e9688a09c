// Which pages the browser lets an extension read. Said before trying, so the person gets a sentence, not an error.

export type Uninspectable = 'browser-page' | 'store-page' | 'data-url' | 'file-no-permission' | 'pdf-viewer' | 'no-url';

const STORES = [/^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/chromewebstore\.google\.com/, /^https:\/\/addons\.mozilla\.org/, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

export function whyNotInspectable(url: string | undefined): Uninspectable | null {
  if (!url) return 'no-url';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'no-url';
  }
  if (STORES.some((re) => re.test(url))) return 'store-page';
  if (u.protocol === 'http:' || u.protocol === 'https:') return /\.pdf$/i.test(u.pathname) ? 'pdf-viewer' : null;
  if (u.protocol === 'file:') return null;
  if (u.protocol === 'data:' || u.protocol === 'blob:') return 'data-url';
  return 'browser-page';
}

/** Maps a browser's refusal to inject into one of the reasons above, or "no-permission". */
export function reasonFromError(message: string, url: string | undefined): Uninspectable | 'no-permission' | 'failed' {
  if (/file:/.test(url ?? '') && /permission|access/i.test(message)) return 'file-no-permission';
  if (/Cannot access|permission|Missing host|cannot be scripted|extensions gallery/i.test(message)) return 'no-permission';
  return 'failed';
}

/** The message key (public/_locales) that says, in plain words, why a page could not be inspected. */
export const REASON_KEYS: Record<Uninspectable | 'no-permission' | 'failed' | 'invalid-snapshot' | 'timeout' | 'not-html', string> = {
  'browser-page': 'reason_browserPage',
  'store-page': 'reason_storePage',
  'data-url': 'reason_dataUrl',
  'file-no-permission': 'reason_fileNoPermission',
  'pdf-viewer': 'reason_pdfViewer',
  'no-url': 'reason_noUrl',
  'no-permission': 'reason_noPermission',
  failed: 'reason_failed',
  'invalid-snapshot': 'reason_invalidSnapshot',
  timeout: 'reason_timeout',
  'not-html': 'reason_notHtml',
};
