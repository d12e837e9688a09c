import { readFileSync } from 'node:fs';
import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../../scripts/lib/chromium';
import { test, expect, axeViolations, openFacts, PANEL_VIEWPORT, routeThirdParties, SHOTS, unfoldAll } from './fixtures';

// The demo page as a teacher reads it, each run in a browser of its own (no cookie or storage left by another test):
// the first screen holds the verdict, the blocking points and the problems, one line each; the whole panel, facts
// folded, fits in three screens; the panel passes axe; in English, no French is left but the RGAA titles.

test('demo page: the first screen holds the verdict, the blocking points and the problems, one line each; three screens in all; no axe violation', async ({ ownLoupe, server, openPanel }) => {
  await routeThirdParties(ownLoupe);
  const page = await ownLoupe.context.newPage();
  await page.goto(`${server.origin}/examples/demo.html`);
  const panel = await openPanel(page, ownLoupe);
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  expect(await panel.getByTestId('section:blocking').locator('li').count()).toBeGreaterThan(0);
  expect(await panel.getByTestId('section:problems').locator('li').count()).toBeGreaterThan(0);
  const lines = await panel
    .locator('[data-testid="section:blocking"] li, [data-testid="section:problems"] li')
    .evaluateAll((els) => els.map((e) => ({ bottom: e.getBoundingClientRect().bottom, height: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) })));
  for (const l of lines) {
    expect(l.bottom).toBeLessThanOrEqual(PANEL_VIEWPORT.height);
    expect(l.height).toBeLessThan(l.line * 1.5);
  }
  const summary = (await panel.getByTestId('summary').boundingBox())!;
  expect(summary.y + summary.height).toBeLessThanOrEqual(PANEL_VIEWPORT.height);
  await panel.screenshot({ path: `${SHOTS}/panel-demo.png` });
  await panel.screenshot({ path: `${SHOTS}/panel-demo-full.png`, fullPage: true });
  const height = await panel.evaluate(() => document.documentElement.scrollHeight);
  console.log(`demo panel: ${height} px, ${(height / PANEL_VIEWPORT.height).toFixed(2)} screens of ${PANEL_VIEWPORT.height} px`);
  expect(height).toBeLessThanOrEqual(3 * PANEL_VIEWPORT.height);

  // A blocking point's line leads to its finding, and the keyboard focus goes with it.
  await panel.getByTestId('section:blocking').locator('a').first().click();
  await expect(panel.locator('li.finding:focus')).toHaveCount(1);
  // axe, with a finding selected (its pressed state and note) and everything unfolded.
  await openFacts(panel, 'legal-links');
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect(panel.getByTestId('button:show:legal-links/terms')).toHaveAttribute('aria-pressed', 'true');
  await unfoldAll(panel);
  expect(await axeViolations(panel)).toEqual([]);
});

/** Words of Loupe's French messages that its English messages never use: left in the English panel, they are French. */
function frenchOnlyWords(): Set<string> {
  const load = (l: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${l}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
  const [fr, en] = [load('fr'), load('en')];
  const words = (catalog: Record<string, { message: string }>) =>
    new Set(Object.values(catalog).flatMap((m) => m.message.toLowerCase().match(/\p{L}[\p{L}'’]{3,}/gu) ?? []));
  const english = words(en);
  return new Set([...words(fr)].filter((w) => !english.has(w)));
}

test('in an English browser, the demo panel has no French left but the RGAA titles and what the page itself says', async ({ server }) => {
  const b: LoupeBrowser = await launchWithLoupe({ uiLang: 'en' });
  try {
    await routeThirdParties(b);
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/examples/demo.html`);
    const panel = await b.context.newPage();
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${await tabIdOf(b, page)}`);
    await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
    await unfoldAll(panel);
    // RGAA titles stay French with an English label; page text (titles, labels, evidence) is the page's own.
    await expect(panel.locator('[data-testid^="rgaa:"] li').first()).toContainText('RGAA criterion');
    const text = await panel.evaluate(() => {
      const copy = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="fr"], [data-page-text]').forEach((e) => e.remove());
      return copy.textContent ?? '';
    });
    const french = frenchOnlyWords();
    const left = [...new Set((text.toLowerCase().match(/\p{L}[\p{L}'’]{3,}/gu) ?? []).filter((w) => french.has(w)))];
    expect(left).toEqual([]);
    // Nor French country names, tracker categories or units, which no message holds.
    expect(text).not.toMatch(/États-Unis|Malte|publicité|mesure d'audience|hébergement| o\b| ko\b/);
  } finally {
    await b.close();
  }
});
