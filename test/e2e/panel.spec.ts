import { test, expect } from './fixtures';

test('the side panel lists the legal links of a fixture page, with the missing ones', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/english-footer.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  const section = panel.getByTestId('section:legal-links');
  await expect(section.getByRole('heading')).toContainText('(4)');
  await expect(panel.getByTestId('finding:legal-links/privacy')).toContainText('politique de confidentialité');
  await expect(panel.getByTestId('finding:legal-links/terms')).toBeVisible();
  await expect(panel.getByTestId('finding:legal-links/dpo')).toBeVisible();
  await expect(panel.getByTestId('finding:legal-links/missing-legal-notice')).toHaveAttribute('data-severity', 'review');
  await page.close();
});

test('selecting a finding outlines its element on the page', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/dsfr-footer.html`);
  const panel = await openPanel(page);
  await panel.getByTestId('button:show:legal-links/legal-notice').click();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(1);
  const target = (await page.locator('#pass-notice').boundingBox())!;
  const box = await page.evaluate(() => {
    const r = document.querySelector('loupe-overlay')!.shadowRoot!.querySelector('.box')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  // The outline surrounds the link with a 3px margin.
  expect(Math.abs(box.x + 3 - target.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.y + 3 - target.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.width - 6 - target.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.height - 6 - target.height)).toBeLessThanOrEqual(1);
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect.poll(() => page.evaluate(() => document.querySelector('loupe-overlay')!.shadowRoot!.querySelectorAll('.box').length)).toBe(1);
  await page.close();
});

test('pages the browser does not let extensions read get a clear sentence', async ({ loupe, openPanel }) => {
  for (const [url, reason, words] of [
    // Without host access the browser hides these tabs' addresses: one sentence covers both cases.
    ['chrome://version', 'no-url', /pages du navigateur/],
    ['data:text/html,<title>x</title><p>Bonjour</p>', 'no-url', /data: ne peuvent jamais/],
  ] as const) {
    const page = await loupe.context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    const message = panel.getByTestId(`error:${reason}`);
    await expect(message).toBeVisible();
    await expect(message).toHaveText(words);
    await page.close();
  }
});
