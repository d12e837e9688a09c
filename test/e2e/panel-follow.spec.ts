import { test, expect, panelResult } from './fixtures';

const evaluationId = async (panel: Parameters<typeof panelResult>[0]) => {
  const { result } = await panelResult(panel);
  return result.ok ? result.evaluation.id : '';
};

// The real side panel is not bound to a tab: it follows the active tab of its window. Opened without ?tabId, the
// panel page behaves the same; Playwright's bringToFront activates a tab as a click on it would.

test('the panel follows the active tab, and keeps each tab’s inspection', async ({ loupe, server, openPanel }) => {
  const a = await loupe.context.newPage();
  await a.goto(`${server.origin}/legal-links/dsfr-footer.html`);
  const b = await loupe.context.newPage();
  await b.goto(`${server.origin}/legal-links/english-footer.html`);
  const panel = await openPanel();
  const title = panel.getByTestId('resource:title');

  await a.bringToFront();
  await expect(title).toHaveText("Ressource d'un opérateur public");
  await expect(panel.getByTestId('section:legal-links')).toHaveAttribute('data-status', 'ok');
  const first = await evaluationId(panel);

  await b.bringToFront();
  await expect(title).toHaveText(await b.title());
  await expect(panel.getByTestId('section:legal-links')).toHaveAttribute('data-status', 'review');

  // Back to the first tab: its cached inspection, not a second run.
  await a.bringToFront();
  await expect(title).toHaveText("Ressource d'un opérateur public");
  expect(await evaluationId(panel)).toBe(first);

  // A navigation in the followed tab inspects the new page.
  await a.goto(`${server.origin}/legal-links/none.html`);
  await expect(title).toHaveText(await a.title());
  await a.close();
  await b.close();
});

test('the re-inspect shortcut, forwarded by the background, inspects the page again', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/legal-links/none.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('section:legal-links')).toHaveAttribute('data-status', 'review');
  const id = () => evaluationId(panel);
  const first = await id();
  // The page gains its legal links; the shortcut's message (what background.ts sends on the "reinspect" command).
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="/mentions-legales">Mentions légales</a> <a href="/cgu">CGU</a> <a href="/confidentialite">Confidentialité</a></footer>');
  });
  await loupe.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined));
  await expect.poll(id).not.toBe(first);
  await expect(panel.getByTestId('section:legal-links')).toHaveAttribute('data-status', 'ok');
  await page.close();
});
