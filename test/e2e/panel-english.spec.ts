import { launchWithLoupe } from '../../scripts/lib/chromium';
import { test, expect, panelResult, PANEL_VIEWPORT, SHOTS } from './fixtures';

// The panel speaks the browser's language: a browser in English gets an English panel (the export stays French).
// On Linux, Chromium takes its UI language from LANGUAGE, which launchWithLoupe sets from uiLang / LOUPE_UI_LANG.

test('in an English browser, the panel is in English', async ({ server }) => {
  const b = await launchWithLoupe({ uiLang: 'en' });
  try {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/legal-links/english-footer.html`);
    await page.bringToFront();
    const tabId = await b.worker.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)!.id;
    }, page.url());
    const panel = await b.context.newPage();
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}`);
    expect(await panel.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^en/);
    await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
    await expect(panel.getByTestId('summary')).toHaveText('Nothing blocking and no problem found; 2 points are left for you to check.');
    await expect(panel.getByTestId('status:legal-links')).toHaveText('To check');
    await expect(panel.getByTestId('count:legal-links')).toHaveText('4 findings');
    await expect(panel.getByTestId('finding:legal-links/privacy')).toContainText('Link to the privacy policy found.');
    await expect(panel.getByTestId('button:show:legal-links/privacy')).toHaveText('Show');
    // No French left on screen.
    const text = await panel.locator('main').innerText();
    expect(text).not.toMatch(/\b(Inspecter|constat|Montrer|vérifier|trouvé)\b/);
    // The export is shared between French schools: its messages stay French.
    const { result: r } = await panelResult(panel);
    const message = r.ok ? r.evaluation.findings.find((f) => f.id === 'legal-links/privacy')?.message : undefined;
    expect(message).toMatch(/politique de confidentialité/);
    await panel.screenshot({ path: `${SHOTS}/panel-english.png` });
  } finally {
    await b.close();
  }
});
