import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import type { InspectResult } from '../../lib/inspect/inspect-tab';
import { chromiumRunner } from '../../scripts/lib/audit/runner-chromium';
import { isLocal } from '../../scripts/lib/audit/runner';
import { answerThirdPartiesEmpty, launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { serveFolder } from '../../scripts/lib/static-server';
import { panelResult } from './fixtures';

// Loupe in a real Firefox (Debian's firefox-esr, driven over WebDriver BiDi): one test, since Firefox starts slowly.

const ids = (r: InspectResult | undefined) => (r?.ok ? r.evaluation.findings.map((f) => f.id).sort() : [`not ok: ${JSON.stringify(r)}`]);

test('Firefox: the built extension installs and its panel inspects the demo page as in Chromium, accessibility included', async () => {
  test.setTimeout(240_000);
  const server = await serveFolder(resolve(import.meta.dirname, '../../examples'));
  const url = `${server.origin}/demo.html`;
  try {
    const started = Date.now();
    const ff = await launchFirefoxWithLoupe();
    let inFirefox: InspectResult | undefined;
    let shown: string[];
    let toFindings: number;
    try {
      const page = await ff.browser.newPage();
      await answerThirdPartiesEmpty(page, isLocal);
      await page.goto(url, { waitUntil: 'load' });
      const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
      await panel.waitForSelector('[data-testid="state:done"]', { timeout: 60_000 });
      toFindings = Date.now() - started;
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      inFirefox = (await panelResult(panel)).result;
      expect(await panel.$('[data-testid="a11y:done"]')).not.toBeNull();
      // Each listed finding names the findings it says at once (the same fact said once: lib/panel/display.ts).
      shown = await panel.$$eval('[data-testid^="finding:"]', (els) => els.flatMap((e) => e.getAttribute('data-folded')!.split(' ')));
      // The page's own script answers the panel in Firefox too (its listener replies with sendResponse, without the
      // polyfill: entrypoints/inspector.ts): the ad slot is outlined, and the note is the page's count of what it
      // outlined (the demo's second ad element is hidden), not the note of a page that did not answer.
      await panel.click('[data-testid^="button:show:ads/"]');
      await page.waitForSelector('loupe-overlay', { timeout: 10_000 });
      await panel.waitForSelector('[data-testid^="button:show:ads/"][aria-pressed="true"]', { timeout: 10_000 });
      expect(await panel.$$eval('[data-testid^="note:ads/"]', (els) => els.map((e) => e.textContent!.replace(/\s+/g, ' ')))).toEqual(['1 élément(s) sur 2 entouré(s) ; 1 caché(s), 0 disparu(s) de la page.']);
      // Debian's French language pack is there: the panel speaks French.
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await panel.$eval('[data-testid="verdict"]', (e) => e.getAttribute('data-level'))).toBe('blocking');
      // The store build (no host permission) installs too, in place of the audit variant.
      expect(await ff.browser.installExtension(resolve(import.meta.dirname, '../../.output/firefox-mv2'))).toBe('loupe@loupe-education.fr');
    } finally {
      await ff.close();
    }
    test.info().annotations.push({ type: 'Firefox, start to first findings', description: `${(toFindings / 1000).toFixed(1)} s` });

    expect(inFirefox?.ok, JSON.stringify(inFirefox)).toBe(true);
    if (!inFirefox?.ok) return;
    expect(inFirefox.evaluation.detectors.find((d) => d.id === 'axe')?.status).toBe('ok');
    expect(ids(inFirefox)).toContain('axe/summary');
    // What the panel shows is the evaluation's findings (the accessibility summary heads its section, not as a row).
    expect([...new Set(shown)].sort()).toEqual(ids(inFirefox).filter((id) => id !== 'axe/summary'));

    const chromium = await chromiumRunner({ browserArgs: [], offline: true });
    let inChromium: InspectResult | undefined;
    try {
      const page = await chromium.open(url, 60_000);
      inChromium = await page.inspect();
    } finally {
      await chromium.close();
    }
    // The demo's autoplaying <video> has no loadable source. Chromium reports it playing (paused false) and Loupe
    // asks to check it; Firefox leaves it paused, so only axe's own "to check" on the same element remains. One
    // element, one "to check" in each browser: compared as that, every other finding id must be the same.
    const sameElement = (list: string[]) =>
      list.map((id) => (/^a11y-autoplay\/sound:video-1$|^axe\/incomplete:no-autoplay-audio$/.test(id) ? 'autoplay video-1: to check' : id)).sort();
    expect(sameElement(ids(inFirefox))).toEqual(sameElement(ids(inChromium)));
  } finally {
    await server.close();
  }
});
