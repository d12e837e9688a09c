import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, axeViolations, routeThirdParties, PANEL_VIEWPORT } from './fixtures';
import { tabIdOf } from '../../scripts/lib/chromium';
import { catalogueServer, withValidators } from '../support/catalogue-server';
import { toExportFile } from '../../lib/export/export-file';
import { readCatalogueText } from '../../lib/catalogue/parse';
import { catalogueOf, catalogueText } from '../../lib/catalogue/publish';
import { generateDecisions } from '../support/catalogue';

// The published catalogue (issue 24): a referent's decisions, imported in the dashboard, exported as a catalogue that
// is the same bytes every time and the same as lib/catalogue/publish.ts writes from those decisions.

test('the dashboard publishes the referent’s decisions as a catalogue, the same bytes twice', async ({ ownLoupe }) => {
  const decisions = generateDecisions(40, 5);
  const dir = mkdtempSync(join(tmpdir(), 'loupe-catalogue-'));
  const bundle = join(dir, 'avis-du-referent.json');
  writeFileSync(bundle, JSON.stringify({ ...toExportFile([], { now: 0, version: 'test' }), consolidations: decisions }));

  const page = await ownLoupe.context.newPage();
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await page.getByTestId('import-input').setInputFiles([bundle]);
  await expect(page.locator('[data-testid=import-outcome][data-ok=true]')).toBeVisible();
  await expect(page.getByTestId('catalogue-count')).toContainText('40 ressources jugées');
  await page.getByTestId('catalogue-academie').fill('Académie de Lyon');
  await page.getByTestId('catalogue-evaluations').fill('pas une adresse');
  await expect(page.getByTestId('export-catalogue')).toBeDisabled();
  await expect(page.getByRole('alert')).toContainText('https://');
  await page.getByTestId('catalogue-evaluations').fill('https://dane.exemple.fr/evaluations.json');
  expect(await axeViolations(page)).toEqual([]);

  const texts: string[] = [];
  for (let i = 0; i < 2; i++) {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-catalogue').click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('catalogue.json');
    texts.push(readFileSync((await d.path())!, 'utf8'));
  }
  expect(texts[1]).toBe(texts[0]);
  const read = readCatalogueText(texts[0]!);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  expect(read.file.entries).toHaveLength(40);
  expect(texts[0]).toBe(catalogueText(catalogueOf(decisions, { academie: 'Académie de Lyon', evaluationsUrl: 'https://dane.exemple.fr/evaluations.json' })));
});

// Subscriptions: the settings page asks for the origin, the background fetches the whole file from a real HTTP server
// on this computer (a second origin, localhost, for the redirect), and the panel's advice reads the copies.

const catalogueFor = (site: string, level: 'recommandee' | 'deconseillee', academie: string, n = 1) =>
  catalogueText({
    format: 'loupe-catalogue',
    version: 1,
    publishedAt: '2026-11-12T10:00:00.000Z',
    academie,
    entries: [
      { match: { site, pathPrefix: '/examples' }, title: 'Démo', level, reason: `Avis de ${academie}`, blocking: level === 'deconseillee' ? ['no-ads'] : [], decidedAt: '2026-11-12T10:00:00.000Z' },
      ...catalogueOf(generateDecisions(n, 9)).entries,
    ],
  });

test('subscriptions: asked from the settings, fetched whole without cookie or referrer, 304s, failures said and the last copy kept, disagreement shown, unsubscribe removes the data', async ({ ownLoupe, server }) => {
  test.setTimeout(120_000);
  const a = await catalogueServer('127.0.0.1');
  const b = await catalogueServer('localhost');
  try {
    let down = false;
    let slow = false;
    a.route('/academie.json', withValidators(() => catalogueFor('127.0.0.1', 'deconseillee', 'Académie de Lyon', 30), () => '"a1"'));
    a.route('/lycee.json', (req, res) => {
      if (down) return void res.writeHead(503).end('maintenance');
      const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(catalogueFor('127.0.0.1', 'recommandee', 'Lycée Ampère', 5));
      if (slow) setTimeout(send, 2500);
      else send();
    });
    a.route('/ailleurs.json', (_q, r) => void r.writeHead(302, { location: `${b.origin}/catalogue.json` }).end());
    a.route('/page.html', (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>x</title>'));
    b.route('/catalogue.json', (_q, r) => void r.writeHead(200).end(catalogueFor('127.0.0.1', 'recommandee', 'Ailleurs')));
    // A cookie the browser holds for that server: Loupe's request must not carry it.
    await ownLoupe.context.addCookies([{ name: 'session', value: 'SECRET', url: a.origin }]);

    const settings = await ownLoupe.context.newPage();
    await settings.goto(`chrome-extension://${ownLoupe.extensionId}/options.html`);
    await expect(settings).toHaveTitle(/Réglages/);
    await expect(settings.getByTestId('subscriptions:none')).toBeVisible();
    const subscribe = async (url: string) => {
      await settings.getByTestId('subscribe-url').fill(url);
      await settings.getByTestId('subscribe').click();
    };
    await subscribe('http://editeur.fr/catalogue.json');
    await expect(settings.getByTestId('subscribe-problem')).toContainText('https://');

    const item = (path: string) => settings.locator(`[data-testid=subscription][data-url="${a.origin}${path}"]`);
    await subscribe(`${a.origin}/academie.json`);
    await expect(item('/academie.json')).toHaveAttribute('data-entries', '31');
    await expect(item('/academie.json').locator('h3')).toHaveText('Académie de Lyon');
    await expect(item('/academie.json').getByTestId('subscription:status')).toContainText('31 ressources · Dernière mise à jour');
    await subscribe(`${a.origin}/lycee.json`);
    await expect(item('/lycee.json')).toHaveAttribute('data-entries', '6');
    const fetched = a.seen.filter((s) => s.path.endsWith('.json'));
    expect(fetched.length).toBeGreaterThanOrEqual(2);
    for (const s of fetched) {
      expect(s.headers.cookie, s.path).toBeUndefined();
      expect(s.headers.referer, s.path).toBeUndefined();
    }

    // On demand: the validators come back, the server answers 304, the copy stays.
    const before = a.seen.length;
    await item('/academie.json').getByTestId('subscription:refresh').click();
    await expect.poll(() => a.seen.slice(before).find((s) => s.path === '/academie.json')?.headers['if-none-match']).toBe('"a1"');
    await expect(item('/academie.json')).toHaveAttribute('data-entries', '31');
    await expect(item('/academie.json')).toHaveAttribute('data-error', '');

    // A slow answer: the page says it is working, then shows the copy.
    slow = true;
    await item('/lycee.json').getByTestId('subscription:refresh').click();
    await expect(item('/lycee.json').getByRole('status')).toHaveText('Mise à jour en cours…');
    await expect(item('/lycee.json').getByRole('status')).toHaveText('', { timeout: 15_000 });
    await expect(item('/lycee.json')).toHaveAttribute('data-error', '');
    slow = false;

    // An HTTP error: said in French, the last good copy kept.
    down = true;
    await item('/lycee.json').getByTestId('subscription:refresh').click();
    await expect(item('/lycee.json')).toHaveAttribute('data-error', 'http');
    await expect(item('/lycee.json').getByTestId('subscription:error')).toContainText('erreur HTTP 503');
    await expect(item('/lycee.json').getByTestId('subscription:error')).toContainText('La dernière copie valide reste utilisée.');
    await expect(item('/lycee.json')).toHaveAttribute('data-entries', '6');

    // Redirected to another origin: refused, named.
    await subscribe(`${a.origin}/ailleurs.json`);
    await expect(item('/ailleurs.json')).toHaveAttribute('data-error', 'redirected');
    await expect(item('/ailleurs.json').getByTestId('subscription:error')).toContainText(`autre site (${b.origin})`);
    await expect(item('/ailleurs.json').getByTestId('subscription:status')).toContainText('Pas encore de copie valide.');
    expect(await axeViolations(settings)).toEqual([]);

    // The panel on the resource: both catalogues, with their sources, and that they disagree.
    const page = await ownLoupe.context.newPage();
    await page.goto(`${server.origin}/examples/demo.html`);
    await routeThirdParties(ownLoupe);
    const panel = await ownLoupe.context.newPage();
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.goto(`chrome-extension://${ownLoupe.extensionId}/sidepanel.html?tabId=${await tabIdOf(ownLoupe, page)}`);
    const verdicts = panel.getByTestId('advice:catalogue');
    await expect(verdicts).toHaveCount(2, { timeout: 60_000 });
    await expect(panel.getByTestId('advice:disagree')).toBeVisible();
    await expect(verdicts.nth(0)).toContainText('Académie de Lyon\u202f: déconseillée — Absence de publicité');
    await expect(verdicts.nth(0)).toContainText(`source\u202f: ${new URL(a.origin).host}`);
    await expect(verdicts.nth(1)).toContainText('Lycée Ampère\u202f: recommandée — Avis de Lycée Ampère');

    // Unsubscribing removes the copy: the database holds one catalogue less, the panel shows one.
    await item('/lycee.json').getByTestId('subscription:remove').click();
    await expect(item('/lycee.json')).toHaveCount(0);
    const sources = await settings.evaluate(
      () =>
        new Promise<string[]>((ok, ko) => {
          const open = indexedDB.open('loupe');
          open.onerror = () => ko(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('catalogues').objectStore('catalogues').getAllKeys();
            req.onsuccess = () => ok((req.result as string[]).sort());
            req.onerror = () => ko(req.error);
          };
        }),
    );
    expect(sources).toEqual([`${a.origin}/academie.json`]);
    await panel.reload();
    await expect(panel.getByTestId('advice:catalogue')).toHaveCount(1, { timeout: 60_000 });
    await expect(panel.getByTestId('advice:disagree')).toHaveCount(0);
  } finally {
    await a.close();
    await b.close();
  }
});
