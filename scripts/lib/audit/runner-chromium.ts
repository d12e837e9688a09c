import { launchWithLoupe, tabIdOf } from '../chromium';
import { isLocal, makeRunner, type Runner, type RunnerOptions } from './runner';

export async function chromiumRunner(opts: RunnerOptions): Promise<Runner> {
  const b = await launchWithLoupe({ browserArgs: opts.browserArgs });
  if (opts.offline) await b.context.route((u) => !isLocal(u.href), (route) => route.fulfill({ status: 204, body: '' }));
  return makeRunner({
    newPage: () => b.context.newPage(),
    // Playwright's page events cover the page's frames; the routed (offline) requests are seen all the same.
    watchRequests: (page, onUrl) => page.on('request', (r) => onUrl(r.url())),
    async load(page, url, timeoutMs) {
      const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs / 2 }).catch((error: Error) => {
        // Browser pages (chrome://) and data: URLs load without a "load" Playwright can always see.
        if (/^(chrome|about|data|edge):/i.test(url)) return null;
        // A page that never finishes loading is inspected as it stands once half its time is up: Loupe reads what
        // is there, and the evaluation's limits say what could not be checked.
        if (error.name === 'TimeoutError' && page.url() !== 'about:blank') return null;
        throw error;
      });
      return response?.status() ?? null;
    },
    tabIdOf: (page) => tabIdOf(b, page),
    async openPanel(tabId, axeMs, query) {
      const panel = await b.context.newPage();
      await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}&axeMs=${axeMs}${query}`);
      return panel;
    },
    close: () => b.close(),
  });
}
