import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Route } from '@playwright/test';
import { exportFileSchema } from '../../lib/export/schema';
import { type Finding } from '../../lib/detectors/finding';
import { AUDIT_BUILD } from '../../scripts/lib/chromium';
import { FIXTURES, expect, panelResult, test } from './fixtures';

// Real tracker hosts, answered locally: Chromium sees the same URLs a pupil's browser would, nothing leaves the
// machine. The tag scripts behave like the real ones in the ways Loupe can observe: a beacon, a cookie.
const SCRIPTS: Record<string, string> = {
  'www.googletagmanager.com': `navigator.sendBeacon('https://www.google-analytics.com/g/collect?v=2&tid=G-TEST1'); document.cookie = '_ga=GA1.1.123; path=/';`,
  'static.hotjar.com': `document.cookie = '_hjSessionUser_1234=abc; path=/';`,
  'connect.facebook.net': `document.cookie = '_fbp=fb.1.1; path=/';`,
};

async function answer(route: Route) {
  const url = new URL(route.request().url());
  const body = SCRIPTS[url.hostname];
  if (body !== undefined) return route.fulfill({ status: 200, contentType: 'application/javascript', body });
  // Every other third party (YouTube, fonts, Clarity, the unknown CDN, the beacons): an empty answer.
  return route.fulfill({ status: 204, body: '' });
}

const THIRD_PARTIES = /^https?:\/\/(?!127\.0\.0\.1[:/])/;
test.beforeEach(async ({ loupe }) => {
  await loupe.context.route(THIRD_PARTIES, answer);
});
test.afterEach(async ({ loupe }) => {
  await loupe.context.unroute(THIRD_PARTIES, answer);
});

test('the panel names the organisations, their countries and categories, the session recorders and tracker cookies', async ({ ownLoupe: loupe, server, openPanel }) => {
  // Its own browser: it reads cookies, which other pages of 127.0.0.1 would leave behind.
  await loupe.context.route(THIRD_PARTIES, answer);
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/trackers/analytics-ads.html`);
  await expect.poll(() => page.evaluate(() => document.cookie)).toContain('_ga=');
  const panel = await openPanel(page, loupe);
  await expect(panel.getByTestId('state:done')).toBeVisible();

  const google = panel.getByTestId('finding:trackers/org-google');
  await expect(google).toHaveAttribute('data-severity', 'blocking');
  await expect(google).toContainText('Google (États-Unis, hors UE)');
  await expect(google).toContainText('Google Analytics (mesure d\'audience)');
  await expect(google).toContainText('Google Marketing Platform (publicité)');
  await expect(panel.getByTestId('finding:trackers/org-facebook')).toContainText('Meta (États-Unis');
  await expect(panel.getByTestId('finding:trackers/org-hotjar')).toContainText('Hotjar (Malte, UE ou EEE)');
  // Recording the session is said with the organisation's finding: each organisation is named once.
  await expect(panel.getByTestId('finding:trackers/org-hotjar')).toContainText('Hotjar enregistre ce que les élèves tapent et cliquent');
  await expect(panel.getByTestId('finding:trackers/org-microsoft')).toContainText('Microsoft Clarity (Microsoft) enregistre');
  await expect(panel.getByTestId('finding:trackers/session-recording-hotjar')).toHaveCount(0);
  await expect(panel.getByTestId('finding:trackers/unknown-outil-inconnu.example')).toContainText('tiers absent de la base');
  await expect(panel.getByTestId('finding:trackers/summary')).toContainText('de 4 organisation(s), dont 3 hors de l\'Union européenne');
  // Cookies of several organisations: their own finding, weighed as their trackers are (Meta's _fbp: advertising).
  await expect(panel.getByTestId('finding:storage/tracker-cookies')).toHaveAttribute('data-severity', 'blocking');
  await expect(panel.getByTestId('finding:storage/tracker-cookies')).toContainText('_ga (Google Analytics, Google)');
  await expect(panel.getByTestId('finding:storage/tracker-cookies')).toContainText('_hjSessionUser_1234 (Hotjar, Hotjar)');
  await expect(panel.getByTestId('finding:page-weight/weight')).toContainText('tiers');
  await expect(panel.getByTestId('finding:trackers/limit-frames')).toContainText('youtube.com');

  // The panel's result is what the audit exports: the beacon (no element) and the script (an element) are both there.
  const { result } = await panelResult(panel);
  if (!result.ok) throw new Error(result.detail);
  const org = result.evaluation.findings.find((f) => f.id === 'trackers/org-google')!;
  expect(org.data).toMatchObject({ country: 'US', outsideEu: true, privacyPolicy: 'https://policies.google.com/privacy' });
  expect(org.data).toMatchObject({ trackers: expect.arrayContaining([
    { key: 'google_analytics', name: 'Google Analytics', category: 'site_analytics' },
    { key: 'doubleclick', name: 'Google Marketing Platform', category: 'advertising' },
  ]) });
  expect(org.evidence).toEqual(expect.arrayContaining([
    expect.objectContaining({ selector: '#gtag', url: 'https://www.googletagmanager.com/gtag/js?id=G-TEST1' }),
    { url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST1', text: expect.stringContaining('sans élément à montrer') },
  ]));
  const weight = result.evaluation.findings.find((f) => f.id === 'page-weight/weight')!;
  expect((weight.data as { thirdParty: { requests: number } }).thirdParty.requests).toBeGreaterThanOrEqual(8);

  // Selecting the finding outlines the tag's element on the page.
  await panel.getByTestId('button:show:trackers/org-hotjar').click();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(1);
  await page.close();
});

test('a full resource buffer is said, and requests made after the first inspection are seen on re-inspection', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/trackers/late-requests.html`);
  await expect(page.locator('#status')).toHaveText('loaded', { timeout: 30_000 });
  expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(250);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.getByTestId('finding:trackers/limit-buffer')).toHaveAttribute('data-severity', 'review');
  await expect(panel.getByTestId('finding:trackers/org-google')).toHaveCount(0);

  // The buffer is full: only the observer Loupe installed at the first inspection can see this request.
  await page.evaluate(() => fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-LATE', { mode: 'no-cors' }));
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('G-LATE')))).toBe(false);
  await expect(async () => {
    await panel.getByTestId('button:inspect').click();
    await expect(panel.getByTestId('finding:trackers/org-google')).toContainText('Google Analytics', { timeout: 2000 });
  }).toPass();
  const { result } = await panelResult(panel);
  if (!result.ok) throw new Error(result.detail);
  expect(result.snapshot.resources.length).toBeGreaterThan(250);
  await page.close();
});

test('the audit JSON of the fixture names the organisations, categories and countries (offline)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-trackers-'));
  const ROOT = resolve(import.meta.dirname, '../..');
  await promisify(execFile)('npx', ['tsx', 'scripts/audit.ts', '--offline', '--out', out, join(FIXTURES, 'trackers/analytics-ads.html')], { cwd: ROOT, timeout: 180_000 });
  const [name] = readdirSync(out);
  const file = exportFileSchema.parse(JSON.parse(readFileSync(join(out, name!), 'utf8')));
  const byId = new Map(file.evaluations[0]!.findings.map((f) => [f.id, f]));
  expect(byId.get('trackers/org-google')).toMatchObject({ severity: 'blocking', data: { organization: 'Google', country: 'US', outsideEu: true } });
  expect(byId.get('trackers/org-google')!.data).toMatchObject({ categories: expect.arrayContaining(['advertising', 'audio_video_player', 'hosting']) });
  expect(byId.get('trackers/org-facebook')).toMatchObject({ data: { organization: 'Meta', country: 'US' } });
  expect(byId.get('trackers/org-hotjar')).toMatchObject({ severity: 'problem', data: { country: 'MT', outsideEu: false } });
  expect(byId.get('trackers/org-microsoft')).toMatchObject({ data: { organization: 'Microsoft', categories: ['site_analytics'] } });
  expect(byId.get('trackers/summary')!.message).toBe(
    "Cette page charge 6 traceur(s) de 4 organisation(s), dont 3 hors de l'Union européenne ; 1 autre(s) tiers sans traceur connu (hébergement, polices, lecteurs, ou absents de la base de traceurs), listé(s) ci-dessous.",
  );
});

test('the tracker table and tldts are lazy chunks: neither the content script nor the panel\'s first script carries them', () => {
  const html = readFileSync(join(AUDIT_BUILD, 'sidepanel.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
  expect(entries.length).toBeGreaterThan(0);
  // A host only the table holds: wherever it is, that file is loaded by the detector's import(), not at first paint.
  const marker = 'securepubads.g.doubleclick.net';
  for (const file of [...entries, 'inspector.js']) expect(readFileSync(join(AUDIT_BUILD, file), 'utf8').includes(marker), file).toBe(false);
  const chunks = readdirSync(join(AUDIT_BUILD, 'chunks')).filter((f) => readFileSync(join(AUDIT_BUILD, 'chunks', f), 'utf8').includes(marker));
  expect(chunks).toEqual([expect.stringMatching(/^trackerdb-compact-.*\.js$/)]);
  // tldts and its public-suffix list are lazy too: its option name survives minification, and stays out of first paint.
  const suffix = 'mixedInputs';
  for (const file of [...entries, 'inspector.js']) expect(readFileSync(join(AUDIT_BUILD, file), 'utf8').includes(suffix), file).toBe(false);
});
