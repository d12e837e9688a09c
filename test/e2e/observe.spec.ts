import { expect, test, type Page } from '@playwright/test';
import type { Finding } from '../../lib/detectors/finding';
import { readPanelResult } from '../../lib/inspect/result-channel';
import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../../scripts/lib/chromium';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { axeViolations } from './fixtures';
import { serveObserveFixtures, type ObserveServer } from './observe-server';

// The observed reload (issue 23) in Chromium, through the panel as a person drives it: "Observer la page", the
// explanation screen, "Recharger et observer", then the report. Each behaviour has its opposite case, and the
// opposite cases run under two host names. Hosts *.test resolve to the local server (never the live web); they are
// treated as secure contexts so the pages have WebCrypto, as on https.

const HOSTS = ['ecole.test', 'www.editeur.test'];
let server: ObserveServer;
let b: LoupeBrowser;

test.beforeAll(async () => {
  server = await serveObserveFixtures();
  const origins = ['ecole.test', 'www.editeur.test', 'pisteur.test', 'enregistreur.test', 'empreinte.test'].map((h) => `http://${h}:${server.port}`);
  b = await launchWithLoupe({ browserArgs: ['--host-resolver-rules=MAP *.test 127.0.0.1', `--unsafely-treat-insecure-origin-as-secure=${origins.join(',')}`] });
});
test.afterAll(async () => {
  await b?.close();
  await server?.close();
});

const url = (host: string, page: string, tp?: string) => `http://${host}:${server.port}/${page}${tp ? `?tp=${encodeURIComponent(`http://${tp}:${server.port}`)}` : ''}`;

/**
 * Opens the page and its panel, observes it for `seconds` after load, and returns the panel's finished result.
 * `during` acts as the person would once the reloaded page has loaded, within the window (e.g. answers a banner).
 */
async function observe(address: string, seconds = 3, check?: (panel: Page) => Promise<void>, during?: (page: Page) => Promise<void>) {
  const page = await b.context.newPage();
  await page.goto(address);
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${await tabIdOf(b, page)}`);
  await panel.waitForSelector(PANEL_FINISHED, { timeout: 60_000 });
  await panel.getByTestId('button:observe').click();
  await expect(panel.getByTestId('observe:explain')).toBeVisible();
  await check?.(panel);
  await panel.getByTestId('observe:seconds').fill(String(seconds));
  await panel.getByTestId('button:observe-start').click();
  await panel.waitForSelector('[data-testid="state:observing"]');
  if (during) {
    await panel.waitForSelector('[data-testid="status:observing"][data-phase="watching"]');
    await during(page);
  }
  await panel.waitForSelector(PANEL_FINISHED, { timeout: 60_000 });
  const { result } = await readPanelResult(panel);
  if (!result.ok) throw new Error(`not inspected: ${result.detail}`);
  return { page, panel, evaluation: result.evaluation, close: async () => (await panel.close(), await page.close()) };
}

const of = (findings: readonly Finding[], detector: string) => findings.filter((f) => f.detector === detector).map((f) => `${f.id} ${f.severity}`);

test('key logging: what is typed leaves for a third party before any submit, hashed, in base64 and URL-encoded', async () => {
  const run = await observe(url('ecole.test', 'keylog.html', 'pisteur.test'), 4, async (panel) => {
    // The explanation comes before anything happens: the reload, the made-up values, nothing sent, the permissions.
    await expect(panel.getByTestId('observe:explain')).toContainText('valeurs inventées');
    await expect(panel.getByTestId('observe:explain')).toContainText('Rien ne quitte le navigateur');
    await expect(panel.getByTestId('observe:explain')).toContainText('cookies');
    // Loupe's own screen passes axe, and is reached by keyboard: the start button takes the focus by Tab.
    expect(await axeViolations(panel)).toEqual([]);
    await panel.getByTestId('observe:seconds').focus();
    await panel.keyboard.press('Tab');
    await expect(panel.getByTestId('button:observe-start')).toBeFocused();
  });
  const host = `pisteur.test:${server.port}`;
  const f = run.evaluation.findings.find((x) => x.id === `observed-keylogging/sent-0-${host}`);
  expect(f, JSON.stringify(of(run.evaluation.findings, 'observed-keylogging'))).toBeDefined();
  expect(f!.severity).toBe('blocking');
  expect(f!.data).toMatchObject({ kind: 'sent', field: '#email', fieldKind: 'email', thirdParty: true, encodings: expect.arrayContaining(['sha256', 'base64']) });
  expect((f!.data as { vias: string[] }).vias).toEqual(expect.arrayContaining(['beacon', 'fetch', 'image']));
  expect(f!.message).toContain('Adresse électronique');
  expect(run.evaluation.findings.find((x) => x.id === 'observed-keylogging/key-listeners')?.severity).toBe('review');
  // Shown in the panel as a blocking point, and the report says what was observed.
  await expect(run.panel.getByTestId(`finding:observed-keylogging/sent-0-${host}`)).toHaveAttribute('data-severity', 'blocking');
  expect(run.evaluation.limits.map((l) => l.messageKey)).toContain('observe_summary');
  // The scripts were registered for that reload only.
  expect(await b.worker.evaluate(() => (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  await run.close();
});

test('a first-party search box that suggests as you type is not key logging, under two host names', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'search-suggest.html'));
    expect(of(run.evaluation.findings, 'observed-keylogging'), host).toEqual([]);
    // It did type: the suggestion requests carried the value to the site itself.
    expect(server.received.some((r) => r.host.startsWith(host) && /loupe(%20|\+)recherche/i.test(r.path)), host).toBe(true);
    await run.close();
  }
});

test('session recording observed: rrweb records the page and sends it to a third party', async () => {
  const run = await observe(url('ecole.test', 'recorder.html', 'enregistreur.test'), 4);
  const host = `enregistreur.test:${server.port}`;
  const f = run.evaluation.findings.find((x) => x.id === `observed-session-recording/sent-${host}`);
  expect(f, JSON.stringify(of(run.evaluation.findings, 'observed-session-recording'))).toBeDefined();
  expect(f!.severity).toBe('blocking');
  expect(f!.message).toContain('Enregistrement envoyé');
  expect(f!.data).toMatchObject({ sent: true, thirdParty: true });
  await run.close();
});

test('a widget that watches its own node and counts clicks is not a recording, under two host names', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'widget-observer.html'));
    expect(of(run.evaluation.findings, 'observed-session-recording'), host).toEqual([]);
    await run.close();
  }
});

test('canvas and font fingerprinting by a third-party script', async () => {
  const run = await observe(url('ecole.test', 'canvas-fingerprint.html', 'empreinte.test'));
  const host = `empreinte.test:${server.port}`;
  expect(of(run.evaluation.findings, 'observed-canvas').sort()).toEqual([`observed-canvas/canvas-${host} problem`, `observed-canvas/fonts-${host} problem`]);
  await run.close();
});

test('a chart library that exports its own PNG is not a fingerprint, under two host names', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'chart-export.html'));
    expect(of(run.evaluation.findings, 'observed-canvas'), host).toEqual([]);
    await run.close();
  }
});

test('audio fingerprinting by a third-party script: a generated sound rendered, never heard, read back', async () => {
  const run = await observe(url('ecole.test', 'audio-fingerprint.html', 'empreinte.test'));
  const host = `empreinte.test:${server.port}`;
  expect(of(run.evaluation.findings, 'observed-audio')).toEqual([`observed-audio/audio-${host} problem`]);
  expect(run.evaluation.findings.find((f) => f.detector === 'observed-audio')!.data).toMatchObject({ kind: 'audio', offline: true, compressor: true, reads: ['getChannelData'] });
  // The page's own call answered as without Loupe: the samples were read and sent.
  expect(server.received.some((r) => r.path.startsWith('/collect/audio') && /"a":\d/.test(r.body))).toBe(true);
  await run.close();
});

test('a music page that plays a note with its spectrum and a waveform viewer of a recording are not audio fingerprints, under two host names', async () => {
  for (const host of HOSTS) {
    for (const page of ['audio-player.html', 'audio-waveform.html']) {
      const run = await observe(url(host, page));
      expect(of(run.evaluation.findings, 'observed-audio'), `${host} ${page}`).toEqual([]);
      if (page === 'audio-waveform.html') await expect.poll(() => run.page.evaluate(() => document.documentElement.dataset.drawn)).toBe('true');
      await run.close();
    }
  }
});

test('WebGL fingerprinting by a third-party script: the GPU named with a sweep, and a hidden drawing read back', async () => {
  const run = await observe(url('ecole.test', 'webgl-fingerprint.html', 'empreinte.test'));
  const host = `empreinte.test:${server.port}`;
  expect(of(run.evaluation.findings, 'observed-webgl')).toEqual([`observed-webgl/webgl-${host} problem`]);
  expect(run.evaluation.findings.find((f) => f.detector === 'observed-webgl')!.data).toMatchObject({ kind: 'webgl', ways: ['parameters', 'pixels'], precisions: 12 });
  expect(server.received.some((r) => r.path.startsWith('/collect/webgl'))).toBe(true);
  await run.close();
});

test('a 3D viewer that reads the renderer once and saves its shown canvas is not a WebGL fingerprint, under two host names', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'webgl-viewer.html'));
    expect(of(run.evaluation.findings, 'observed-webgl'), host).toEqual([]);
    await expect.poll(() => run.page.evaluate(() => document.getElementById('capture')!.getAttribute('href')?.startsWith('data:image/png'))).toBe(true);
    await run.close();
  }
});

test('before and after consent: a tracker sent before the answer and still after « Refuser », clicked during the observation', async () => {
  const answer = (route: import('@playwright/test').Route) => route.fulfill({ status: 204, body: '' });
  const ga = /^https:\/\/www\.google-analytics\.com\//;
  await b.context.route(ga, answer);
  try {
    const run = await observe(url('ecole.test', 'consent-leaky.html'), 5, undefined, (page) => page.getByRole('button', { name: 'Refuser' }).click());
    expect(of(run.evaluation.findings, 'observed-consent')).toEqual(['observed-consent/before-answer problem', 'observed-consent/after-refusal problem']);
    const after = run.evaluation.findings.find((f) => f.id === 'observed-consent/after-refusal')!;
    expect(after.message).toContain('Encore envoyé après un refus');
    expect(after.data).toMatchObject({ kind: 'after-refusal', button: 'Refuser', trackers: [expect.objectContaining({ host: 'www.google-analytics.com', organization: expect.stringMatching(/Google/) })] });
    expect(after.evidence[0]!.url).toContain('en=user_engagement');
    expect(run.evaluation.findings.find((f) => f.id === 'observed-consent/before-answer')!.evidence[0]!.url).toContain('en=page_view');
    // The panel's before/after comparison shows what was seen to flow, in this one inspection.
    await expect(run.panel.getByTestId('compare:observed')).toContainText('Encore envoyé après un refus');
    await expect(run.panel.getByTestId('compare:observed')).toContainText('Envoyé avant votre réponse au bandeau');
    await run.close();
  } finally {
    await b.context.unroute(ga, answer);
  }
});

test('a banner that honours « Refuser »: nothing before the answer, nothing after, under two host names; unanswered, no claim', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'consent-honest.html'), 5, undefined, (page) => page.getByRole('button', { name: 'Refuser' }).click());
    expect(of(run.evaluation.findings, 'observed-consent'), host).toEqual(['observed-consent/refusal-honoured info']);
    expect(await run.page.evaluate(() => document.documentElement.dataset.answered)).toBe('true');
    await run.close();
  }
  const run = await observe(url('ecole.test', 'consent-leaky.html'));
  expect(of(run.evaluation.findings, 'observed-consent')).toEqual(['observed-consent/no-answer info']);
  await run.close();
});

test('every cookie: HttpOnly ones included, over 13 months and set before the banner was answered', async () => {
  const run = await observe(url('ecole.test', 'cookies-long.html'));
  const cookies = run.evaluation.findings.filter((f) => f.detector === 'observed-cookies');
  expect(cookies.map((f) => `${f.id} ${f.severity}`).sort()).toEqual([
    'observed-cookies/before-consent problem',
    'observed-cookies/over-13-months problem',
    'observed-cookies/summary info',
  ]);
  expect(cookies.find((f) => f.id.endsWith('/summary'))!.data).toMatchObject({ source: 'store', httpOnly: 1 });
  const long = (cookies.find((f) => f.id.endsWith('/over-13-months'))!.data as { cookies: { name: string }[] }).cookies.map((c) => c.name);
  expect(long.sort()).toEqual(['_ga', 'sid']);
  expect(cookies.find((f) => f.id.endsWith('/before-consent'))!.data).toMatchObject({ consentBanner: true, cookies: [expect.objectContaining({ name: '_ga' })] });
  await run.close();
});

test('a cookie of six months is only counted, under two host names', async () => {
  for (const host of HOSTS) {
    const run = await observe(url(host, 'cookies-six-months.html'));
    expect(of(run.evaluation.findings, 'observed-cookies'), host).toEqual(['observed-cookies/summary info']);
    await run.close();
  }
});

test('the page can neither take the hooks\' port nor forge a report, and its own calls answer as without Loupe', async () => {
  const run = await observe(url('ecole.test', 'hostile-bridge.html'));
  expect(of(run.evaluation.findings, 'observed-session-recording')).toEqual([]);
  expect(await run.page.evaluate(() => document.documentElement.dataset.gotPort)).toBe('false');
  expect(await run.page.evaluate(() => document.documentElement.dataset.native)).toBe('true');
  await expect.poll(() => run.page.evaluate(() => document.body.dataset.fetchStatus)).toBe('204');
  await run.close();
});

test('a page that floods requests and throws inside the hooks: the observation ends in its bound and says what it only counted', async () => {
  const address = url('ecole.test', 'flood.html');
  // The page's own behaviour without Loupe, for comparison.
  const plain = await b.context.newPage();
  await plain.goto(address);
  await expect.poll(() => plain.evaluate(() => document.documentElement.dataset.fetchError)).toBeTruthy();
  const without = await plain.evaluate(() => document.documentElement.dataset.fetchError);
  await plain.close();
  const run = await observe(address);
  const limits = run.evaluation.limits.map((l) => l.messageKey);
  expect(limits).toEqual(expect.arrayContaining(['observe_summary', 'observe_dropped', 'observe_hookErrors']));
  await expect.poll(() => run.page.evaluate(() => document.documentElement.dataset.fetchError)).toBe(without);
  expect(without).toContain('RangeError');
  await run.close();
});

test('a page that leaves for another origin stops the observation, and the report says where it went', async () => {
  const run = await observe(url('ecole.test', 'navigate-away.html', 'www.editeur.test'));
  const navigated = run.evaluation.limits.find((l) => l.messageKey === 'observe_notObserved_navigated');
  expect(navigated?.message).toContain(`www.editeur.test:${server.port}`);
  await run.close();
});

test('pixels: Meta events with advanced matching and a Google remarketing hit, those hosts answered here', async () => {
  const answer = (route: import('@playwright/test').Route) => route.fulfill({ status: 204, body: '' });
  const hosts = /^https:\/\/(www\.facebook\.com|googleads\.g\.doubleclick\.net)\//;
  await b.context.route(hosts, answer);
  try {
    const run = await observe(url('ecole.test', 'pixel-facebook.html'));
    expect(of(run.evaluation.findings, 'observed-pixels')).toEqual([
      'observed-pixels/facebook-events info',
      'observed-pixels/facebook-advanced-matching problem',
      'observed-pixels/google-remarketing info',
    ]);
    expect(run.evaluation.findings.find((f) => f.id === 'observed-pixels/facebook-advanced-matching')!.data).toMatchObject({ events: ['PageView', 'Lead'], matching: ['em'] });
    // The same hashed e-mail is what Loupe typed: key logging towards Meta, named as such.
    expect(of(run.evaluation.findings, 'observed-keylogging')).toContain('observed-keylogging/sent-0-www.facebook.com blocking');
    await run.close();
  } finally {
    await b.context.unroute(hosts, answer);
  }
});
