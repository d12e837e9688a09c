import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { exportFileSchema } from '../../lib/export/schema';
import type { InspectResult } from '../../lib/inspect/pipeline';
import { FIXTURES, expect, panelResult, test } from './fixtures';

function evaluationOf(result: InspectResult) {
  if (!result.ok) throw new Error(`not inspected: ${result.reason} ${result.detail}`);
  return result.evaluation;
}

// One pupil-facing page with an ad slot, a cookie banner without "Refuser" and a sign-up form, inspected in
// Chromium with real layout (is the slot on screen?). Third-party hosts are routed to local empty scripts.

const PAGE = 'ads/ads-consent-account.html';
const THIRD_PARTIES = /^https:\/\/(securepubads\.g\.doubleclick\.net|www\.google-analytics\.com|consent\.cookiebot\.com)\//;
const run = promisify(execFile);

test('the panel shows the ad slot, the banner without refuse and the sign-up form; the comparison after a refusal', async ({ loupe, server, openPanel }) => {
  const served: string[] = [];
  await loupe.context.route(THIRD_PARTIES, (route) => {
    served.push(new URL(route.request().url()).hostname);
    return route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* local stand-in */' });
  });
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/${PAGE}`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();

  const ad = panel.getByTestId('finding:ads/slot-google-ad-manager');
  await expect(ad).toHaveAttribute('data-severity', 'blocking');
  await expect(ad).toContainText('Google Ad Manager');
  await expect(panel.getByTestId('finding:consent/no-refuse')).toHaveAttribute('data-severity', 'problem');
  await expect(panel.getByTestId('finding:consent/no-refuse')).toContainText('Refuser');
  await expect(panel.getByTestId('finding:account/signup-form')).toHaveAttribute('data-severity', 'blocking');
  await expect(panel.getByTestId('finding:account/signup-form')).toContainText('créer un compte');

  // The evaluation the panel holds is the one the audit and the export write.
  const evaluation = evaluationOf((await panelResult(panel)).result);
  const slot = evaluation.findings.find((f) => f.id === 'ads/slot-google-ad-manager')!;
  // With real layout the slot is on screen, at its size.
  expect(slot.data).toMatchObject({ network: 'Google Ad Manager (DoubleClick)', slots: 1, onScreen: 1 });
  expect(slot.evidence[0]).toMatchObject({ selector: '#div-gpt-ad-banner', hidden: false, rect: expect.objectContaining({ width: 300, height: 250 }) });
  expect(served).toEqual(expect.arrayContaining(['securepubads.g.doubleclick.net', 'www.google-analytics.com']));

  // Selecting the slot outlines it on the page.
  await panel.getByTestId('button:show:ads/slot-google-ad-manager').click();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(1);

  // Before / after: keep this inspection, "refuse" (the page has no refuse button: the person would use the
  // settings; here the page stays as it is), inspect again and compare: the trackers are still loaded.
  await panel.getByTestId('consent-compare').locator(':scope > summary').click();
  await panel.getByTestId('button:compare-keep').click();
  await expect(panel.getByTestId('compare:waiting')).toBeVisible();
  await panel.getByTestId('button:inspect').click();
  await expect(panel.getByTestId('button:compare-refused')).toBeVisible();
  await panel.getByTestId('button:compare-refused').click();
  const still = panel.getByTestId('finding:consent/still-loaded-after-refusal');
  await expect(still).toHaveAttribute('data-severity', 'problem');
  await expect(still).toContainText('Encore chargés après le refus');
  // Named by organisation (the trackers detector's), Google Analytics and the ad server both being Google's.
  await expect(still).toContainText('après le refus : Google.');
  await page.close();
  await loupe.context.unroute(THIRD_PARTIES);
});

test('the audit JSON of the page lists the ad, consent and sign-up findings with evidence', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-'));
  const root = resolve(import.meta.dirname, '../..');
  // --offline: third-party requests get an empty answer, nothing leaves the machine.
  await run('npx', ['tsx', 'scripts/audit.ts', '--offline', '--out', out, resolve(FIXTURES, PAGE)], { cwd: root, timeout: 180_000 });
  const [file] = readdirSync(out);
  const evaluation = exportFileSchema.parse(JSON.parse(readFileSync(join(out, file!), 'utf8'))).evaluations[0]!;
  const byId = new Map(evaluation.findings.map((f) => [f.id, f]));
  expect(byId.get('ads/slot-google-ad-manager')).toMatchObject({ severity: 'blocking', category: 'ads' });
  expect(byId.get('ads/slot-google-ad-manager')!.evidence.map((e) => e.selector)).toContain('#div-gpt-ad-banner');
  expect(byId.get('consent/cmp-cookiebot')).toMatchObject({ severity: 'info', data: { platform: 'Cookiebot' } });
  expect(byId.get('consent/no-refuse')!.evidence[0]!.selector).toBe('#CybotCookiebotDialog');
  expect(byId.get('consent/trackers-before-consent')!.data).toMatchObject({ trackers: ['Google Analytics', 'Google Marketing Platform'] });
  expect(byId.get('account/signup-form')).toMatchObject({ severity: 'blocking', category: 'account' });
  expect(byId.get('account/signup-form')!.message).toContain('La page demande de créer un compte');
  expect(evaluation.summary.blocking).toBeGreaterThanOrEqual(2);
});

// Issue 15: what only a real layout tells — a honeypot pushed off-screen by a stylesheet, a refuse button in a
// second layer hidden by a stylesheet, a 1×1 ad-server frame sized by CSS — and a legal link run by a script.
const REAL_LAYOUT = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Actualités</title>
<style>.hp{position:absolute;left:-10000px}.layer2{display:none}.pixel{width:1px;height:1px;border:0}</style></head><body>
<main><h1>Actualités</h1>
<form id="contact" action="/contact"><input type="email" name="email" aria-label="E-mail"><p class="hp"><input name="age"><input name="birthday"></p><textarea name="m"></textarea><button>Envoyer</button></form>
<form id="signup" action="/compte"><h2>Créer un compte</h2><input type="email" name="email" aria-label="E-mail"><input type="password" name="pw" aria-label="Mot de passe"><button>Créer mon compte</button></form>
<iframe class="pixel" id="floodlight" src="https://ad.doubleclick.net/ddm/activity/src=1"></iframe></main>
<div id="cookie-banner"><p>Nous utilisons des cookies.</p><button>Tout accepter</button><button>Personnaliser</button>
<div class="layer2"><button>Tout refuser</button><button>Enregistrer</button></div></div>
<footer><a onclick="openPrivacy()" id="priv">Données personnelles</a></footer></body></html>`;

test('real layout: an off-screen honeypot is no birth date, a hidden second layer is no first-level refusal, a 1×1 frame is no ad slot', async ({ loupe, server, openPanel }) => {
  const url = `${server.origin}/issue-15-real-layout.html`;
  await loupe.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: REAL_LAYOUT }));
  await loupe.context.route(/^https:\/\/ad\.doubleclick\.net\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '' }));
  const page = await loupe.context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  const evaluation = evaluationOf((await panelResult(panel)).result);
  const byId = new Map(evaluation.findings.map((f) => [f.id, f]));
  expect(byId.get('account/signup-form')).toMatchObject({ severity: 'blocking' });
  expect(byId.has('account/birth-date')).toBe(false);
  expect(byId.get('consent/no-refuse')).toMatchObject({ severity: 'problem', data: { secondLayer: ['Tout refuser'] } });
  expect([...byId.keys()].filter((id) => id.startsWith('ads/'))).toEqual([]);
  expect(byId.get('trackers/org-google')).toMatchObject({ severity: 'blocking' });
  expect(byId.get('trackers/org-google')!.evidence.map((e) => e.selector)).toContain('#floodlight');
  expect(byId.get('legal-links/privacy')).toMatchObject({ data: { scriptLinks: 1 } });
  expect(byId.get('legal-links/privacy')!.evidence[0]).toMatchObject({ selector: '#priv', text: expect.stringContaining('lien par script') });
  await page.close();
  await loupe.context.unroute(url);
  await loupe.context.unroute(/^https:\/\/ad\.doubleclick\.net\//);
});
