import { test as base, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../../scripts/lib/chromium';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';

// One browser with Loupe per test file, one local server for the fixture pages and the demo.

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
export const EXAMPLES = resolve(import.meta.dirname, '../../examples');

interface Workers {
  loupe: LoupeBrowser;
  server: StaticServer;
}

export const test = base.extend<{ openPanel: (page: Page) => Promise<Page> }, Workers>({
  loupe: [
    async ({}, use) => {
      const b = await launchWithLoupe();
      await use(b);
      await b.close();
    },
    { scope: 'worker' },
  ],
  server: [
    async ({}, use) => {
      const s = await serveFolder(FIXTURES, { '/examples/': EXAMPLES });
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  /** Opens Loupe's side panel as an extension page bound to the tab of `page`, as Chrome's side panel would be. */
  openPanel: async ({ loupe }, use) => {
    const opened: Page[] = [];
    await use(async (page: Page) => {
      const tabId = await tabIdOf(loupe, page);
      const panel = await loupe.context.newPage();
      opened.push(panel);
      await panel.goto(`chrome-extension://${loupe.extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    });
    for (const p of opened) await p.close().catch(() => undefined);
  },
});

export { expect };
