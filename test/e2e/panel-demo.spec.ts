import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../../scripts/lib/chromium';
import { test, expect, PANEL_VIEWPORT, SHOTS } from './fixtures';

// The demo page as a teacher reads it, each run in its own browser (no cookie or storage left by another test):
// the first screen holds the verdict, the blocking points and the problems, one line each; the whole panel, facts
// folded, fits in three screens. Screenshots of the first screen and the whole panel are saved.

async function demoPanel(b: LoupeBrowser, origin: string) {
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, body: '' }));
  const page = await b.context.newPage();
  await page.goto(`${origin}/examples/demo.html`);
  const panel = await b.context.newPage();
  await panel.setViewportSize(PANEL_VIEWPORT);
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${await tabIdOf(b, page)}`);
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  return panel;
}

test('demo page: verdict, blocking points and problems on the first screen, one line each; three screens in all', async ({ server }) => {
  const b = await launchWithLoupe();
  try {
    const panel = await demoPanel(b, server.origin);
    const items = panel.locator('[data-testid="section:blocking"] li, [data-testid="section:problems"] li');
    expect(await panel.getByTestId('section:blocking').locator('li').count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('section:problems').locator('li').count()).toBeGreaterThan(0);
    const boxes = await items.evaluateAll((els) => els.map((e) => ({ bottom: e.getBoundingClientRect().bottom, height: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) })));
    for (const box of boxes) {
      expect(box.bottom).toBeLessThanOrEqual(PANEL_VIEWPORT.height);
      expect(box.height).toBeLessThan(box.line * 1.5);
    }
    const summary = await panel.getByTestId('summary').boundingBox();
    expect(summary!.y + summary!.height).toBeLessThanOrEqual(PANEL_VIEWPORT.height);
    const height = await panel.evaluate(() => document.documentElement.scrollHeight);
    console.log(`demo panel: ${height} px = ${(height / PANEL_VIEWPORT.height).toFixed(2)} screens of ${PANEL_VIEWPORT.height}`);
    await panel.screenshot({ path: `${SHOTS}/panel-demo.png` });
    await panel.screenshot({ path: `${SHOTS}/panel-demo-full.png`, fullPage: true });
    expect(height).toBeLessThanOrEqual(3 * PANEL_VIEWPORT.height);
  } finally {
    await b.close();
  }
});
