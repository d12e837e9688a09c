import { expect, test } from '@playwright/test';
import { readPanelResult } from '../../lib/inspect/result-channel';
import { launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { serveObserveFixtures } from './observe-server';

// The observed reload (issue 23) in a real Firefox ESR (WebDriver BiDi, scripts/lib/firefox.ts): the same panel
// flow as in Chromium on the key-logging page, the third party being "localhost" for a page on 127.0.0.1 (two
// sites; Firefox has no host resolver rules to drive from here).

test('Firefox: the observed reload catches what is typed leaving for a third party', async () => {
  test.setTimeout(240_000);
  const server = await serveObserveFixtures();
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/keylog.html?tp=${encodeURIComponent(`http://localhost:${server.port}`)}`, { waitUntil: 'load' });
    const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    await panel.click('[data-testid="button:observe"]');
    await panel.waitForSelector('[data-testid="observe:explain"]');
    await panel.$eval('[data-testid="observe:seconds"]', (el) => {
      (el as HTMLInputElement).value = '4';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.click('[data-testid="button:observe-start"]');
    await panel.waitForSelector('[data-testid="state:observing"]', { timeout: 30_000 });
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    const { result } = await readPanelResult(panel);
    if (!result.ok) throw new Error(result.detail);
    const sent = result.evaluation.findings.filter((f) => f.detector === 'observed-keylogging' && f.id.startsWith('observed-keylogging/sent-'));
    expect(sent.map((f) => `${f.id} ${f.severity}`)).toEqual([`observed-keylogging/sent-0-localhost:${server.port} blocking`]);
    expect(sent[0]!.data).toMatchObject({ field: '#email', encodings: expect.arrayContaining(['sha256', 'base64']) });
    expect(result.evaluation.limits.map((l) => l.messageKey)).toContain('observe_summary');
  } finally {
    await ff.close();
    await server.close();
  }
});

test('Firefox: audio fingerprinting by a third-party script is observed as in Chromium', async () => {
  test.setTimeout(240_000);
  const server = await serveObserveFixtures();
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/audio-fingerprint.html?tp=${encodeURIComponent(`http://localhost:${server.port}`)}`, { waitUntil: 'load' });
    const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    await panel.click('[data-testid="button:observe"]');
    await panel.waitForSelector('[data-testid="observe:explain"]');
    await panel.$eval('[data-testid="observe:seconds"]', (el) => {
      (el as HTMLInputElement).value = '3';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.click('[data-testid="button:observe-start"]');
    await panel.waitForSelector('[data-testid="state:observing"]', { timeout: 30_000 });
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    const { result } = await readPanelResult(panel);
    if (!result.ok) throw new Error(result.detail);
    const audio = result.evaluation.findings.filter((f) => f.detector === 'observed-audio');
    expect(audio.map((f) => `${f.id} ${f.severity}`)).toEqual([`observed-audio/audio-localhost:${server.port} problem`]);
  } finally {
    await ff.close();
    await server.close();
  }
});

test('Firefox: before and after consent, the person clicking « Refuser » during the observation', async () => {
  test.setTimeout(240_000);
  const server = await serveObserveFixtures();
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.browser.newPage();
    // Google Analytics is not answered here (no routing in this driver): the hooks see the page's beacons all the same.
    await page.goto(`http://127.0.0.1:${server.port}/consent-leaky.html`, { waitUntil: 'load' });
    const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    await panel.click('[data-testid="button:observe"]');
    await panel.waitForSelector('[data-testid="observe:explain"]');
    await panel.$eval('[data-testid="observe:seconds"]', (el) => {
      (el as HTMLInputElement).value = '5';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.click('[data-testid="button:observe-start"]');
    await panel.waitForSelector('[data-testid="status:observing"][data-phase="watching"]', { timeout: 60_000 });
    await page.click('#refuse');
    await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
    const { result } = await readPanelResult(panel);
    if (!result.ok) throw new Error(result.detail);
    const consent = result.evaluation.findings.filter((f) => f.detector === 'observed-consent');
    expect(consent.map((f) => `${f.id} ${f.severity}`)).toEqual(['observed-consent/before-answer problem', 'observed-consent/after-refusal problem']);
  } finally {
    await ff.close();
    await server.close();
  }
});
