import { answerThirdPartiesEmpty, launchFirefoxWithLoupe } from '../firefox';
import { isLocal, makeRunner, type Runner, type RunnerOptions } from './runner';

export async function firefoxRunner(opts: RunnerOptions): Promise<Runner> {
  const f = await launchFirefoxWithLoupe({ browserArgs: opts.browserArgs });
  return makeRunner({
    newPage: () => f.browser.newPage(),
    // puppeteer's page 'request' event (WebDriver BiDi's network events) covers the page's frames.
    watchRequests: (page, onUrl) => void page.on('request', (r) => onUrl(r.url())),
    async load(page, url, timeoutMs) {
      if (opts.offline) await answerThirdPartiesEmpty(page, isLocal);
      return (await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }))?.status() ?? null;
    },
    tabIdOf: (page) => f.tabIdOf(page),
    openPanel: (tabId, axeMs, query) => f.openExtensionPage(`sidepanel.html?tabId=${tabId}&axeMs=${axeMs}${query}`),
    close: () => f.close(),
  }, opts.observeMs);
}
