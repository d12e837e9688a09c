import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { readPanelResult, type PanelPage, type PanelResult } from '../../lib/inspect/result-channel';
import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../../scripts/lib/chromium';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';

// One browser with Loupe per test file, one local server for the fixture pages and the demo.

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
/**
 * Where the e2e run saves the panel's screenshots: test-results/ on every run (look at them there), docs/ (the
 * README's copies) only with UPDATE_SCREENSHOTS=1 (npm run screenshots), since the site line shows a random port.
 */
export const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : resolve(import.meta.dirname, '../../test-results/screenshots');
export const EXAMPLES = resolve(import.meta.dirname, '../../examples');

interface Workers {
  loupe: LoupeBrowser;
  server: StaticServer;
}

/** The panel's size in Chrome's side panel, about: the screenshots and the layout checks use it. */
export const PANEL_VIEWPORT = { width: 400, height: 900 };

export const test = base.extend<{ openPanel: (page?: Page, b?: LoupeBrowser) => Promise<Page>; ownLoupe: LoupeBrowser }, Workers>({
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
  /**
   * Opens Loupe's side panel as an extension page bound to the tab of `page`, as Chrome's side panel would be; without
   * a page, unbound: it then follows the active tab, as the real side panel does.
   */
  openPanel: async ({ loupe }, use) => {
    const opened: Page[] = [];
    await use(async (page?: Page, b: LoupeBrowser = loupe) => {
      const query = page ? `?tabId=${await tabIdOf(b, page)}` : '';
      const panel = await b.context.newPage();
      opened.push(panel);
      await panel.setViewportSize(PANEL_VIEWPORT);
      await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html${query}`);
      return panel;
    });
    for (const p of opened) await p.close().catch(() => undefined);
  },
  /**
   * A browser of the test's own: cookies and storage are per host, and every fixture is served from 127.0.0.1, so a
   * test that reads them (or a screenshot that shows them) must not share a browser with pages run before it.
   */
  ownLoupe: async ({}, use) => {
    const b = await launchWithLoupe();
    await use(b);
    await b.close();
  },
});

/** Third-party hosts named by a page (the demo's ad network, analytics…) answer empty, from here: never the live web. */
export async function routeThirdParties(b: LoupeBrowser): Promise<void> {
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, body: '' }));
}

/**
 * The panel's latest result and the tab it inspects, as the audit reads them (lib/inspect/result-channel.ts): parsed
 * by the schemas, never cast. Wait for the panel to show what the test needs first.
 */
export function panelResult(panel: PanelPage): Promise<PanelResult> {
  return readPanelResult(panel);
}

/** Opens what the panel folds (facts, details, sections), as a person reading everything would. */
export async function unfoldAll(panel: Page): Promise<void> {
  await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** Opens the facts (information findings) of a category, folded by default. */
export async function openFacts(panel: Page, category: string): Promise<void> {
  await panel.getByTestId(`facts:${category}`).locator(':scope > summary').click();
}

/** The outlines Loupe drew on a page, in viewport coordinates. */
export async function outlines(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() =>
    [...(document.querySelector('loupe-overlay')?.shadowRoot?.querySelectorAll('.box') ?? [])].map((b) => {
      const r = b.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on one of Loupe's own pages (WCAG A/AA and best practices). */
export async function axeViolations(panel: Page): Promise<{ id: string; nodes: string[] }[]> {
  // The panel's CSP (script-src 'self') refuses an injected <script> (page.addScriptTag); the DevTools protocol's
  // evaluate is not subject to it.
  await panel.evaluate(readFileSync(AXE, 'utf8'));
  return panel.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export { expect };
