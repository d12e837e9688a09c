import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { InspectResult } from '../../lib/inspect/inspect-tab';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';
import { tabIdOf } from '../../scripts/lib/chromium';
import { expect, outlines, panelResult, test } from './fixtures';

// The hostile-page suite (issue 10): pages that blanked, forged, hid or stalled Loupe's report. Each test has a time
// bound (its timeout, and the waits inside) and an expected outcome. Pages: test/fixtures/hostile/.

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');
let site: StaticServer;
let otherSite: StaticServer;
let special: Server;
let specialOrigin: string;

// A minimal one-page PDF, served without ".pdf" in its address.
const PDF = Buffer.from(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.beforeAll(async () => {
  site = await serveFolder(HOSTILE);
  otherSite = await serveFolder(HOSTILE);
  // Pages a static server cannot give: one that never finishes loading, a PDF at an address without ".pdf".
  special = createServer((req, res) => {
    if (req.url === '/document') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(PDF);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write('<!doctype html><html lang="fr"><head><title>Sans fin</title></head><body><h1>Chargement…</h1><a href="/mentions-legales">Mentions légales</a>');
    // …and never res.end(): the page stays "loading".
  });
  await new Promise<void>((r) => special.listen(0, '127.0.0.1', r));
  specialOrigin = `http://127.0.0.1:${(special.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  special.closeAllConnections();
  await new Promise<void>((r) => special.close(() => r()));
  await site.close();
  await otherSite.close();
});

async function resultOf(panel: Page): Promise<InspectResult> {
  return (await panelResult(panel)).result;
}

function ok(result: InspectResult) {
  if (!result.ok) throw new Error(`not inspected: ${result.reason} ${result.detail}`);
  return result;
}

test('clobbered forms, an SVG link and a javascript: link: a full report, the forms read as they are', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/clobber.html`);
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { snapshot, evaluation } = ok(await resultOf(panel));
  const [clobbered, plain] = snapshot.forms;
  expect(clobbered).toMatchObject({ id: 'signup', action: `${site.origin}/inscription`, method: 'post', heading: 'Créer un compte élève' });
  const visible = (f: typeof clobbered) => f!.fields.filter((x) => !x.hidden).map((x) => `${x.type} ${x.label}`);
  expect(visible(clobbered)).toEqual(['email Adresse e-mail', 'password Mot de passe']);
  expect(visible(clobbered)).toEqual(visible(plain));
  expect(clobbered!.ref.selector).toBe('#signup');
  const ids = evaluation.findings.map((f) => f.id);
  expect(ids).toContain('account/signup-form');
  // The SVG link is read; the javascript: link is no privacy policy.
  expect(ids).toEqual(expect.arrayContaining(['legal-links/legal-notice', 'legal-links/missing-privacy']));
  expect(ids).not.toContain('legal-links/privacy');
  // No finding leads to it: no evidence address, no legal link. Its start tag may be quoted as text, as the
  // a11y-fake-link finding does (a link used as a button, RGAA 7.1), shown as text, never as a link.
  expect(evaluation.findings.flatMap((f) => f.evidence.map((e) => e.url ?? '')).filter((u) => /^\s*javascript:/i.test(u))).toEqual([]);
  expect(JSON.stringify(evaluation.findings.filter((f) => f.detector !== 'a11y-fake-link'))).not.toContain('javascript:');
  expect(ids).toContain('a11y-fake-link/button-as-link');
  expect(snapshot.limits.unreadElements ?? 0).toBe(0);
  await page.close();
});

test('a frame that never lets scripts in (javascript:false): the accessibility check ends within its bound', async ({ loupe }) => {
  test.setTimeout(45_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/frame-never-injectable.html`);
  const panel = await loupe.context.newPage();
  await panel.goto(`chrome-extension://${loupe.extensionId}/sidepanel.html?tabId=${await tabIdOf(loupe, page)}&injectMs=5000`);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 30_000 });
  const { evaluation } = ok(await resultOf(panel));
  const ids = evaluation.findings.map((f) => f.id);
  expect(ids).toContain('legal-links/legal-notice');
  // The top frame is checked either way: its image without alt is found.
  expect(ids).toContain('axe/violation:image-alt');
  await panel.close();
  await page.close();
});

test('a page that never finishes loading is inspected as it stands', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  const page = await loupe.context.newPage();
  await page.goto(`${specialOrigin}/never-ends`, { waitUntil: 'commit' });
  await expect(page.locator('a')).toHaveCount(1);
  const panel = await openPanel(page);
  // A fact: listed, folded under the section's facts (lib/panel/display.ts), so attached rather than visible.
  await expect(panel.getByTestId('finding:legal-links/legal-notice')).toBeAttached({ timeout: 20_000 });
  await page.close();
});

test('past its bound, the accessibility check keeps the fast findings and says what it did not check', async ({ loupe }) => {
  test.setTimeout(30_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/clobber.html`);
  const panel = await loupe.context.newPage();
  // A bound of 1 ms stands for an axe that stalls (a rule that never ends): nothing finishes within it.
  await panel.goto(`chrome-extension://${loupe.extensionId}/sidepanel.html?tabId=${await tabIdOf(loupe, page)}&axeMs=1`);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { evaluation } = ok(await resultOf(panel));
  expect(evaluation.findings.map((f) => f.id)).toContain('account/signup-form');
  expect(evaluation.limits.map((l) => l.messageKey)).toEqual(expect.arrayContaining([expect.stringMatching(/^limit_axe(NotFinished|RulesNotChecked)$/)]));
  expect(evaluation.limits.map((l) => l.message).join(' ')).toMatch(/Le contrôle d'accessibilité n'a pas fini dans le délai/);
  await expect(panel.getByTestId('section:limits')).toContainText("n'a pas fini dans le délai");
  await panel.close();
  await page.close();
});

test('a page that cleared its resource timeline: its trackers are still named, and the clearing is said', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  await loupe.context.route(/^https:\/\/(connect\.facebook\.net|www\.googletagmanager\.com|www\.facebook\.com)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
  );
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/cleared-timeline.html`);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.endsWith('/favicon.ico'))), { timeout: 5_000 }).toEqual([]);
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { snapshot, evaluation } = ok(await resultOf(panel));
  expect(snapshot.limits.timelineCleared).toBe(true);
  const text = JSON.stringify(evaluation.findings.filter((f) => f.category === 'trackers'));
  expect(text).toMatch(/Facebook|Meta/);
  expect(text).toMatch(/Google/);
  await expect(panel.getByTestId('section:limits')).toContainText('clearResourceTimings');
  await loupe.context.unrouteAll();
  await page.close();
});

test('a sign-up form and a Facebook pixel inside a same-origin frame are reported', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  await loupe.context.route(/^https:\/\/www\.facebook\.com\//, (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: '' }));
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/same-origin-frame.html`);
  await page.frameLocator('iframe').locator('form').waitFor();
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { snapshot, evaluation } = ok(await resultOf(panel));
  expect(snapshot.limits.sameOriginFrames).toBe(1);
  const ids = evaluation.findings.map((f) => f.id);
  expect(ids).toEqual(expect.arrayContaining(['account/signup-form', 'account/birth-date']));
  expect(JSON.stringify(evaluation.findings.filter((f) => f.category === 'trackers'))).toMatch(/Facebook|Meta/);
  await loupe.context.unrouteAll();
  await page.close();
});

test('« Montrer » outlines an element inside a same-origin frame, the frame scrolled into view', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  await loupe.context.route(/^https:\/\/www\.facebook\.com\//, (route) => route.fulfill({ status: 204, body: '' }));
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/frame-below.html`);
  const form = page.frameLocator('iframe').locator('form');
  await form.waitFor();
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { evaluation } = ok(await resultOf(panel));
  const signup = evaluation.findings.find((f) => f.id === 'account/signup-form')!;
  expect(signup.evidence[0]?.selector).toContain(' |>> ');
  await panel.getByTestId('button:show:account/signup-form').click();
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(1);
  // The box sits around the form inside the frame (border, padding and scroll counted), not around the frame.
  const [box] = await outlines(page);
  const at = (await form.boundingBox())!;
  expect(Math.abs(box!.x + 3 - at.x)).toBeLessThan(2);
  expect(Math.abs(box!.y + 3 - at.y)).toBeLessThan(2);
  expect(Math.abs(box!.width - 6 - at.width)).toBeLessThan(2);
  expect(at.y).toBeGreaterThanOrEqual(0);
  expect(at.y).toBeLessThan(await page.evaluate(() => innerHeight));
  await loupe.context.unrouteAll();
  await page.close();
});

test('a sign-up form inside a closed shadow root is read', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/closed-shadow.html`);
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  const { evaluation } = ok(await resultOf(panel));
  expect(evaluation.findings.map((f) => f.id)).toContain('account/signup-form');
  await page.close();
});

test('a frame that answers axe in its place is never asked, and does not stall the check; a frame Loupe injected is checked', async ({ loupe, openPanel }) => {
  test.setTimeout(40_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/forged-frames.html?other=${encodeURIComponent(`${otherSite.origin}/other-site.html`)}`);
  await page.frameLocator('#other-site').locator('img').waitFor();
  const panel = await openPanel(page);
  // axe waited 60 s for the forger's promised answer; the bound here is well under that.
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 25_000 });
  expect(await page.evaluate(() => (window as unknown as { forgerSaw: string[] }).forgerSaw)).toEqual([]);
  const { evaluation } = ok(await resultOf(panel));
  const alt = evaluation.findings.find((f) => f.id === 'axe/violation:image-alt');
  // The cross-origin frame Loupe injected answered: its image without alt is there, outlined by its frame.
  expect(alt?.evidence.map((e) => e.selector)).toContain('#other-site');
  // 127.0.0.1 is a secure context: the frames' answers were sealed, the opaque-origin forger (never asked) aside.
  expect(evaluation.limits.map((l) => l.messageKey)).not.toContain('limit_axeFramesUnsealed');
  await page.close();
});

test("a frame Loupe injected cannot forge axe's answer: its page script's replies are not heard", async ({ loupe, openPanel }) => {
  test.setTimeout(40_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/forged-by-frame.html`);
  await page.frameLocator('#forger').locator('p').waitFor();
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 25_000 });
  const { evaluation } = ok(await resultOf(panel));
  expect(evaluation.detectors.find((d) => d.id === 'axe')?.status).toBe('ok');
  // The forger heard nothing it could read, so it answered nothing; and no forged node reached the report.
  expect(await page.frameLocator('#forger').locator('body').evaluate(() => (window as unknown as { forgeries: number }).forgeries)).toBe(0);
  expect(JSON.stringify(evaluation.findings)).not.toContain('forged-by-page');
  await page.close();
});

test('on a plain-http page the frames are still checked, and the report says their answers could not be sealed', async ({ loupe, openPanel }) => {
  test.setTimeout(40_000);
  // Plain http from a name other than 127.0.0.1 is not a secure context: no WebCrypto in the page's frames.
  await loupe.context.route(/^http:\/\/(editeur|autre-site)\.test\//, async (route) => {
    const file = new URL(route.request().url()).pathname.replace(/^\//, '');
    await route.fulfill({ status: 200, contentType: file.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8', path: resolve(HOSTILE, file) });
  });
  const page = await loupe.context.newPage();
  await page.goto('http://editeur.test/plain-http-frames.html');
  await page.frameLocator('#other-site').locator('img').waitFor();
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 25_000 });
  const { evaluation } = ok(await resultOf(panel));
  expect(evaluation.findings.find((f) => f.id === 'axe/violation:image-alt')?.evidence.map((e) => e.selector)).toContain('#other-site');
  expect(evaluation.limits.map((l) => l.messageKey)).toContain('limit_axeFramesUnsealed');
  await page.close();
});

test('a text file, an SVG document and a PDF without ".pdf" are said to be what they are', async ({ loupe, openPanel }) => {
  test.setTimeout(45_000);
  for (const [url, type] of [
    [`${site.origin}/notes.txt`, 'text/plain'],
    [`${site.origin}/drawing.svg`, 'image/svg+xml'],
    [`${specialOrigin}/document`, 'application/pdf'],
  ] as const) {
    const page = await loupe.context.newPage();
    await page.goto(url).catch(() => undefined);
    const panel = await openPanel(page);
    await expect(panel.getByTestId('unavailable')).toBeVisible({ timeout: 15_000 });
    const result = await resultOf(panel);
    expect(result.ok, url).toBe(false);
    if (!result.ok) expect([result.reason, result.detail], url).toEqual(['not-html', type]);
    await expect(panel.getByTestId('error:not-html')).toContainText("n'est pas une page web");
    await panel.close();
    await page.close();
  }
});

test('a full inspection makes no request of its own and posts nothing to the page', async ({ loupe, openPanel }) => {
  test.setTimeout(30_000);
  const page = await loupe.context.newPage();
  await page.goto(`${site.origin}/requests.html?css=${encodeURIComponent(`${otherSite.origin}/style.css`)}`, { waitUntil: 'networkidle' });
  const during: string[] = [];
  const log = (r: { url(): string }) => {
    if (/^https?:/.test(r.url())) during.push(r.url());
  };
  loupe.context.on('request', log);
  const panel = await openPanel(page);
  await expect(panel.locator(PANEL_FINISHED)).toBeVisible({ timeout: 20_000 });
  ok(await resultOf(panel));
  loupe.context.off('request', log);
  // The page is idle: every request during the inspection would be Loupe's (axe's style-sheet preload was one).
  expect(during).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { loupeMessages: string[] }).loupeMessages)).toEqual([]);
  await page.close();
});
