import { test, expect, axeViolations, panelResult, SHOTS } from './fixtures';

// Loupe audits accessibility: its own panel must pass axe with zero violations, in every state a person can see.
// The screenshots saved here are the README's (npm run screenshots refreshes docs/screenshots).

test('the panel on a publisher page: no axe violations, screenshot; a clean page shows no cookie and no storage', async ({ ownLoupe, server, openPanel }) => {
  // Its own browser: the demo page, run earlier on the same host, leaves cookies and local storage behind.
  const page = await ownLoupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/publisher-page.html`);
  const panel = await openPanel(page, ownLoupe);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  const { result: r } = await panelResult(panel);
  const ids = r.ok ? r.evaluation.findings.filter((f) => f.detector === 'storage').map((f) => f.id) : [];
  expect(ids).toEqual(['storage/none']);
  await expect(panel.getByTestId('finding:storage/none')).toHaveCount(1);
  expect(await axeViolations(panel)).toEqual([]);
  await panel.screenshot({ path: `${SHOTS}/panel-publisher.png` });
  await page.close();
});

test('the panel on a page it cannot read has no axe violations, and the keyboard reaches its button', async ({ loupe, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto('chrome://version');
  const panel = await openPanel(page);
  await expect(panel.getByTestId('unavailable')).toBeVisible();
  expect(await axeViolations(panel)).toEqual([]);
  await panel.screenshot({ path: `${SHOTS}/panel-unavailable.png` });
  await panel.keyboard.press('Tab');
  await expect(panel.getByTestId('button:inspect')).toBeFocused();
  await page.close();
});

test('keyboard alone: Tab reaches "show on the page", Enter outlines, focus is visible', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/dsfr-footer.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  // The links found are facts, folded: the keyboard opens them (Enter on their summary), then reaches the button.
  const facts = panel.getByTestId('facts:legal-links').locator(':scope > summary');
  for (let i = 0; i < 80 && !(await facts.evaluate((el) => el === document.activeElement)); i++) await panel.keyboard.press('Tab');
  await expect(facts).toBeFocused();
  await panel.keyboard.press('Enter');
  const target = panel.getByTestId('button:show:legal-links/terms');
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) await panel.keyboard.press('Tab');
  await expect(target).toBeFocused();
  const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
  await panel.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(1);
  await page.close();
});
