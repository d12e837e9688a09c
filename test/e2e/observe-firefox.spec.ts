import { expect, test } from '@playwright/test';
import { readPanelResult } from '../../lib/inspect/result-channel';
import { launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { serveObserveFixtures } from './observe-server';

// The observed reload (issue 23) in a real Firefox ESR (WebDriver BiDi, scripts/lib/firefox.ts): the same panel
// flow as in Chromium on the key-logging page, the third party being "localhost" for a page on 127.0.0.1 (two
// sites; Firefox has no host resolver rules to drive from here).

type Firefox = Awaited<ReturnType<typeof launchFirefoxWithLoupe>>;
type FirefoxPage = Awaited<ReturnType<Firefox['browser']['newPage']>>;

/**
 * Opens `path` of the fixtures in Firefox ESR, inspects it in the panel, then observes it for `seconds` as the
 * person would (« Observer la page », the window set, « Recharger et observer »); `during` plays the person's part
 * while Loupe watches. Gives the observed evaluation and the fixtures server's port.
 */
async function observeInFirefox(path: (port: number) => string, seconds: number, during?: (page: FirefoxPage) => Promise<void>) {
  const server = await serveObserveFixtures();
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/${path(server.port)}`, { waitUntil: 'load' });
    const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    await panel.click('[data-testid="button:observe"]');
    await panel.waitForSelector('[data-testid="observe:explain"]');
    await panel.$eval(
      '[data-testid="observe:seconds"]',
      (el, value) => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      String(seconds),
    );
    await panel.click('[data-testid="button:observe-start"]');
    if (during) {
      await panel.waitForSelector('[data-testid="status:observing"][data-phase="watching"]', { timeout: 60_000 });
      await during(page);
    } else await panel.waitForSelector('[data-testid="state:observing"]', { timeout: 30_000 });
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    const { result } = await readPanelResult(panel);
    if (!result.ok) throw new Error(result.detail);
    return { evaluation: result.evaluation, port: server.port };
  } finally {
    await ff.close();
    await server.close();
  }
}

test('Firefox: the observed reload catches what is typed leaving for a third party', async () => {
  test.setTimeout(240_000);
  const { evaluation, port } = await observeInFirefox((p) => `keylog.html?tp=${encodeURIComponent(`http://localhost:${p}`)}`, 4);
  const sent = evaluation.findings.filter((f) => f.detector === 'observed-keylogging' && f.id.startsWith('observed-keylogging/sent-'));
  expect(sent.map((f) => `${f.id} ${f.severity}`)).toEqual([`observed-keylogging/sent-0-localhost:${port} blocking`]);
  expect(sent[0]!.data).toMatchObject({ field: '#email', encodings: expect.arrayContaining(['sha256', 'base64']) });
  expect(evaluation.limits.map((l) => l.messageKey)).toContain('observe_summary');
});

test('Firefox: audio fingerprinting by a third-party script is observed as in Chromium', async () => {
  test.setTimeout(240_000);
  const { evaluation, port } = await observeInFirefox((p) => `audio-fingerprint.html?tp=${encodeURIComponent(`http://localhost:${p}`)}`, 3);
  const audio = evaluation.findings.filter((f) => f.detector === 'observed-audio');
  expect(audio.map((f) => `${f.id} ${f.severity}`)).toEqual([`observed-audio/audio-localhost:${port} problem`]);
});

test('Firefox: before and after consent, the person clicking « Refuser » during the observation', async () => {
  test.setTimeout(240_000);
  // Google Analytics is not answered here (no routing in this driver): the hooks see the page's beacons all the same.
  const { evaluation } = await observeInFirefox(() => 'consent-leaky.html', 5, (page) => page.click('#refuse'));
  const consent = evaluation.findings.filter((f) => f.detector === 'observed-consent');
  expect(consent.map((f) => `${f.id} ${f.severity}`)).toEqual(['observed-consent/before-answer problem', 'observed-consent/after-refusal problem']);
});
