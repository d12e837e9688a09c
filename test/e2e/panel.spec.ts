import { test, expect, openFacts, outlines, panelResult } from './fixtures';

test('the side panel shows the verdict, then each checked category with its status and count', async ({ ownLoupe: loupe, server, openPanel }) => {
  // Its own browser: a tracker cookie another test left on the same host would be a finding (and a problem) here.
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/english-footer.html`);
  const panel = await openPanel(page, loupe);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-level', 'review');
  await expect(panel.getByTestId('summary')).toHaveText(/Rien de bloquant ni de problème relevé\s;\s2 points restent à vérifier/);
  const section = panel.getByTestId('section:legal-links');
  await expect(section).toHaveAttribute('data-status', 'review');
  await expect(panel.getByTestId('status:legal-links')).toHaveText('À vérifier');
  await expect(panel.getByTestId('count:legal-links')).toHaveText('4 constats');
  // Most serious first: the missing legal notice (to check) before the links found.
  await expect(section.locator('li.finding').first()).toHaveAttribute('data-testid', 'finding:legal-links/missing-legal-notice');
  // The links found are facts: folded under one line until opened.
  await expect(panel.getByTestId('finding:legal-links/terms')).toBeHidden();
  await openFacts(panel, 'legal-links');
  await expect(panel.getByTestId('finding:legal-links/privacy')).toContainText('politique de confidentialité');
  await expect(panel.getByTestId('finding:legal-links/terms')).toBeVisible();
  await expect(panel.getByTestId('finding:legal-links/dpo')).toBeVisible();
  // The finding says why it matters for a class, in its details.
  await panel.getByTestId('details:legal-links/missing-legal-notice').locator(':scope > summary').click();
  await expect(panel.getByTestId('finding:legal-links/missing-legal-notice')).toContainText('qui est responsable de la ressource');
  // The toolbar badge of that tab: no problem, two points to check (legal notice, licence; a date not found is
  // information since issue 22), on dark yellow.
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  const { tabId } = await panelResult(panel);
  const badge = await loupe.worker.evaluate(async (id) => {
    const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> } } }).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), color: await action.getBadgeBackgroundColor({ tabId: id }) };
  }, tabId);
  expect(badge).toEqual({ text: '2', color: [0x6b, 0x52, 0x00, 255] });
  await page.close();
});

test('selecting a finding outlines its element; selecting it again, or closing the panel, removes the outline', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/dsfr-footer.html`);
  const panel = await openPanel(page);
  await openFacts(panel, 'legal-links');
  const show = panel.getByTestId('button:show:legal-links/legal-notice');
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(1);
  const target = (await page.locator('#pass-notice').boundingBox())!;
  const [box] = await outlines(page);
  // The outline surrounds the link with a 3px margin.
  expect(Math.abs(box!.x + 3 - target.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(box!.y + 3 - target.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(box!.width - 6 - target.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(box!.height - 6 - target.height)).toBeLessThanOrEqual(1);

  // Another finding replaces the outline.
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(1);
  const terms = (await page.locator('#pass-terms').boundingBox())!;
  expect(Math.abs((await outlines(page))[0]!.x + 3 - terms.x)).toBeLessThanOrEqual(1);
  await expect(show).toHaveAttribute('aria-pressed', 'false');

  // Deselected: gone.
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(0);

  // "Show all" outlines every finding of the category, each over its own element.
  await panel.getByTestId('button:show-all:legal-links').click();
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(5);
  const ids = ['#pass-a11y', '#pass-notice', '#pass-privacy', '#pass-cookies', '#pass-terms'];
  const targets = await Promise.all(ids.map((id) => page.locator(id).boundingBox()));
  const drawn = await outlines(page);
  for (const t of targets) expect(drawn.some((b) => Math.abs(b.x + 3 - t!.x) <= 1 && Math.abs(b.y + 3 - t!.y) <= 1)).toBe(true);

  // The panel closes: the page is left as it was.
  await panel.close();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(0);
  await page.close();
});

test('an element that is hidden or gone since the inspection says so instead of outlining nothing', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/dsfr-footer.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await page.evaluate(() => {
    document.getElementById('pass-notice')!.style.display = 'none';
    document.getElementById('pass-terms')!.remove();
  });
  await openFacts(panel, 'legal-links');
  await panel.getByTestId('button:show:legal-links/legal-notice').click();
  await expect(panel.getByTestId('note:legal-links/legal-notice')).toHaveText('Cet élément est présent mais caché sur la page.');
  await panel.getByTestId('button:show:legal-links/terms').click();
  await expect(panel.getByTestId('note:legal-links/terms')).toHaveText("Cet élément n'est plus sur la page.");
  await panel.getByTestId('button:show-all:legal-links').click();
  await expect(panel.getByTestId('note:category:legal-links')).toHaveText('3 élément(s) sur 5 entouré(s) ; 1 caché(s), 1 disparu(s) de la page.');
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(3);
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
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Page non inspectable');
    await page.close();
  }
});
