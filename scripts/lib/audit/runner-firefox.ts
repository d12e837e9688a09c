import type { InspectResult } from '../../../lib/inspect/inspect-tab';
import { answerThirdPartiesEmpty, launchFirefoxWithLoupe } from '../firefox';
import { PANEL_FINISHED } from '../panel';
import { isLocal, serialized, type Runner, type RunnerOptions } from './runner';

export async function firefoxRunner(opts: RunnerOptions): Promise<Runner & { pid: number | undefined }> {
  const f = await launchFirefoxWithLoupe({ browserArgs: opts.browserArgs });
  const oneAtATime = serialized();
  return {
    pid: f.pid,
    async open(url, timeoutMs) {
      const page = await f.browser.newPage();
      try {
        if (opts.offline) await answerThirdPartiesEmpty(page, isLocal);
        const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        return {
          status: response?.status() ?? null,
          finalUrl: page.url(),
          async inspect() {
            const tabId = await oneAtATime(() => f.tabIdOf(page));
            const panel = await f.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
            try {
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
    close: () => f.close(),
  };
}
