import type { InspectResult } from '../../../lib/inspect/inspect-tab';
import { launchWithLoupe, tabIdOf } from '../chromium';
import { PANEL_FINISHED } from '../panel';
import { isLocal, serialized, type Runner, type RunnerOptions } from './runner';

export async function chromiumRunner(opts: RunnerOptions): Promise<Runner & { profile: string }> {
  const b = await launchWithLoupe({ browserArgs: opts.browserArgs });
  if (opts.offline) await b.context.route((u) => !isLocal(u.href), (route) => route.fulfill({ status: 204, body: '' }));
  // tabIdOf brings the page to the front when its address is not unique: two pages must not do that at once.
  const oneAtATime = serialized();
  return {
    profile: b.profile,
    async open(url, timeoutMs) {
      const page = await b.context.newPage();
      try {
        const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch((error: Error) => {
          // Browser pages (chrome://) and data: URLs load without a "load" Playwright can always see.
          if (!/^(chrome|about|data|edge):/i.test(url)) throw error;
          return null;
        });
        return {
          status: response?.status() ?? null,
          finalUrl: page.url(),
          async inspect() {
            const tabId = await oneAtATime(() => tabIdOf(b, page));
            const panel = await b.context.newPage();
            try {
              await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}`);
              await panel.waitForSelector(PANEL_FINISHED, { timeout: timeoutMs });
              return (await panel.evaluate(() => globalThis.__loupe?.result)) as InspectResult;
            } finally {
              await panel.close();
            }
          },
          close: () => page.close(),
        };
      } catch (error) {
        await page.close();
        throw error;
      }
    },
    close: () => b.close(),
  };
}
