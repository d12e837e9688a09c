import { test, expect, axeViolations, routeThirdParties, SHOTS } from './fixtures';

// Loupe audits accessibility: its own panel must pass axe with zero violations, in every state a person can see.
// The screenshots saved here are the README's (npm run screenshots refreshes docs/screenshots).

test('the panel with results has no axe violations, and is saved as a screenshot (demo page)', async ({ loupe, server, openPanel }) => {
  await routeThirdParties(loupe);
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/examples/demo.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  // What a person sees first: the top of the panel.
  await panel.screenshot({ path: `${SHOTS}/panel-demo.png` });
  // With a finding selected, so the pressed state and its note are checked too.
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect(panel.getByTestId('button:show:legal-links/terms')).toHaveAttribute('aria-pressed', 'true');
  expect(await axeViolations(panel)).toEqual([]);
  await page.close();
});

test('the panel on a publisher page: no axe violations, screenshot', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/publisher-page.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
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
