import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_AUDIT_BUILD, findBrowser } from './chromium';

// Firefox with Loupe installed, for the headless audit, the e2e test and the benchmark. Playwright cannot drive a
// stock Firefox, so puppeteer-core speaks WebDriver BiDi, the W3C protocol Firefox implements itself
// (../shared/TOOLCHAIN.md, "Real Firefox in tests").

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/snap/bin/firefox'];

/** Fixed before the install through a pref: BiDi's install answer does not tell the moz-extension:// host. */
export const FIREFOX_EXTENSION_UUID = '6a1f4c1e-3b7d-4c53-9a39-0f1e5d2c7b10';

export const findFirefox = () => findBrowser('Firefox', 'FIREFOX_PATH', 'firefox-esr', CANDIDATES);

/** Requests leaving this machine get an empty answer, as the Chromium audit's --offline does (Playwright route). */
export async function answerThirdPartiesEmpty(page: Page, isLocal: (url: string) => boolean): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (r) => void (isLocal(r.url()) ? r.continue() : r.respond({ status: 204, body: '' })).catch(() => undefined));
}

export interface LoupeFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>`: where the panel page lives. */
  origin: string;
  /** The WebExtension tab id of a page, read by an extension page (BiDi's contexts are not tab ids). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens an extension page; page.goto() on moz-extension:// never resolves (puppeteer issue 14314). */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithLoupe(
  opts: { extensionDir?: string; browserArgs?: string[]; uiLang?: 'fr' | 'en' } = {},
): Promise<LoupeFirefox> {
  const ext = opts.extensionDir ?? FIREFOX_AUDIT_BUILD;
  const geckoId = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
  const lang = opts.uiLang ?? (process.env.LOUPE_UI_LANG === 'en' ? 'en' : 'fr');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Firefox 153 refuses moz-extension:// navigations from automation without it.
    args: ['--remote-allow-system-access', ...(opts.browserArgs ?? [])],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // Debian's firefox-esr-l10n-fr brings the French language pack; the extension's UI language follows it.
      'intl.locale.requested': lang === 'en' ? 'en-US' : 'fr',
      'intl.accept_languages': lang === 'en' ? 'en-GB,en' : 'fr-FR,fr',
    },
  });
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const openExtensionPage = async (path: string, page?: Page): Promise<Page> => {
    const p = page ?? (await browser.newPage());
    const url = `${origin}/${path}`;
    void p.goto(url).catch(() => undefined);
    // The wait starts in the blank page the navigation replaces; BiDi may report that page's end as an error
    // ("Waiting failed") instead of waiting on in the new one: wait again, up to the deadline.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await p.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: Math.max(1000, deadline - Date.now()) }, url);
        return p;
      } catch (error) {
        if (Date.now() >= deadline || error instanceof TimeoutError) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  try {
    await browser.installExtension(ext);
  } catch (error) {
    await browser.close();
    throw error;
  }
  // A panel bound to no tab (-1): it inspects nothing and answers tabs.query for the audit.
  const control = await openExtensionPage('sidepanel.html?tabId=-1');
  const claimed = new Set<number>();
  return {
    browser,
    origin,
    openExtensionPage,
    async tabIdOf(page) {
      const ids = await control.evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1);
      }, page.url());
      // Two tabs may show the same address: each page gets its own tab.
      const id = ids.find((i) => i >= 0 && !claimed.has(i)) ?? ids[0];
      if (id === undefined || id < 0) throw new Error(`no tab shows ${page.url()}`);
      claimed.add(id);
      page.once('close', () => claimed.delete(id));
      return id;
    },
    close: () => browser.close(),
  };
}
