import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AUDIT_BUILD, launchWithLoupe, tabIdOf } from '../../scripts/lib/chromium';
import { findFirefox, launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { catalogueOf, catalogueText } from '../../lib/catalogue/publish';
import { generateDecisions } from '../support/catalogue';
import { catalogueServer, withValidators, type CatalogueServer } from '../support/catalogue-server';

// The académie's settings through the browsers' own policy mechanism (issue 24): Chromium reads
// /etc/chromium/policies/managed/*.json ("3rdparty" → "extensions" → the extension's id, checked against the
// manifest's managed_schema); Firefox ESR reads its installation's distribution/policies.json ("3rdparty" →
// "Extensions" → the gecko id; browser.policies.alternatePath is honoured by Nightly builds only). Both files are
// machine-wide: the Chromium one names only this worktree's unpacked extension (its id comes from its path); the
// Firefox one is written only if none is there, and both are removed at the end. Run this file alone.

/** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits written a–p. */
const unpackedId = (dir: string) =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

const POLICY_DIR = '/etc/chromium/policies/managed';
const FIREFOX_POLICIES = join(dirname(realpathSync(findFirefox())), 'distribution/policies.json');

test.describe.configure({ mode: 'serial' });

let server: CatalogueServer;
test.beforeAll(async () => {
  server = await catalogueServer('127.0.0.1');
  server.route('/academie.json', withValidators(() => catalogueText(catalogueOf(generateDecisions(7, 3), { academie: 'Académie de Lyon' })), () => '"p1"'));
});
test.afterAll(() => server.close());

const settings = (url: string, extra: Record<string, unknown> = {}) => ({
  catalogues: [url],
  academie: 'Académie de Lyon',
  referentContact: 'dane@ac-lyon.fr',
  defaultContext: { users: 'pupils', level: 'cycle3' },
  allowObserve: false,
  ...extra,
});

test('Chromium: the policy subscribes to the académie’s catalogue (which cannot be removed) and the settings page shows it', async () => {
  test.setTimeout(120_000);
  const id = unpackedId(AUDIT_BUILD);
  const file = join(POLICY_DIR, `loupe-e2e-${id}.json`);
  mkdirSync(POLICY_DIR, { recursive: true });
  // allowObserve of the wrong type: Chromium drops it against managed_schema.json, the rest applies.
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: settings(`${server.origin}/academie.json`, { allowObserve: 'non' }) } } }));
  const b = await launchWithLoupe();
  try {
    expect(b.extensionId).toBe(id);
    const managed = await b.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get());
    expect(managed).toEqual(settings(`${server.origin}/academie.json`, { allowObserve: undefined }));
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    const item = page.locator('[data-testid=subscription][data-by=policy]');
    await expect(item).toHaveAttribute('data-entries', '7', { timeout: 30_000 });
    await expect(item.getByTestId('subscription:policy')).toContainText('Ajouté par votre académie');
    await expect(item.getByTestId('subscription:remove')).toHaveCount(0);
    const lines = page.getByTestId('policy:line');
    await expect(lines).toContainText(['Académie : Académie de Lyon', 'Contact du référent : dane@ac-lyon.fr', "Contexte d'usage par défaut : Les élèves eux-mêmes, Cycle 3"].map((s) => s.replace(' : ', '\u202f: ')));
    // The dashboard's published catalogue is named after the académie.
    await page.goto(`chrome-extension://${id}/dashboard.html`);
    await expect(page.getByTestId('catalogue-academie')).toHaveValue('Académie de Lyon');
  } finally {
    await b.close();
    rmSync(file, { force: true });
  }
});

test('Chromium: an académie that does not allow « Observer la page » gets no such button; without the policy it is offered', async () => {
  test.setTimeout(120_000);
  const id = unpackedId(AUDIT_BUILD);
  const file = join(POLICY_DIR, `loupe-e2e-${id}.json`);
  mkdirSync(POLICY_DIR, { recursive: true });
  server.route('/ressource.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="fr"><head><title>Ressource</title></head><body><main><h1>Fractions</h1><p>Des exercices.</p></main></body></html>');
  });
  const panelOf = async (allowObserve: boolean | undefined) => {
    if (allowObserve === undefined) rmSync(file, { force: true });
    else writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: settings(`${server.origin}/academie.json`, { allowObserve }) } } }));
    const b = await launchWithLoupe();
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/ressource.html`);
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${await tabIdOf(b, page)}`);
    await expect(panel.getByTestId('state:done')).toBeVisible({ timeout: 60_000 });
    return { b, panel };
  };
  try {
    const forbidden = await panelOf(false);
    await expect(forbidden.panel.getByTestId('button:evaluate')).toBeVisible();
    await expect(forbidden.panel.getByTestId('button:observe')).toHaveCount(0);
    await forbidden.b.close();
    const free = await panelOf(undefined);
    await expect(free.panel.getByTestId('button:observe')).toBeVisible();
    await free.b.close();
  } finally {
    rmSync(file, { force: true });
  }
});

test('Firefox: policies.json "3rdparty" reaches storage.managed; a value of the wrong type is named and the rest applies', async () => {
  test.setTimeout(180_000);
  const file = FIREFOX_POLICIES;
  test.skip(existsSync(file), `${file} exists already: not overwritten`);
  writeFileSync(file, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'loupe@loupe-education.fr': settings(`${server.origin}/academie.json`, { referentContact: 42 }) } } } }));
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.openExtensionPage('options.html');
    await page.waitForFunction(() => document.querySelector('[data-testid=subscription][data-by=policy]')?.getAttribute('data-entries') === '7', { timeout: 60_000 });
    expect(await page.$eval('[data-testid="policy:refused"]', (e) => [e.getAttribute('data-key'), e.textContent!.replace(/[\u202f\u00a0]/g, ' ')])).toEqual([
      'referentContact',
      "La stratégie de l'académie donne à « referentContact » une valeur du mauvais type : elle est ignorée, le reste s'applique.",
    ]);
    const lines = await page.$$eval('[data-testid="policy:line"]', (els) => els.map((e) => e.textContent!.replace(/[\u202f\u00a0]/g, ' ')));
    expect(lines).toContain("« Observer la page » : non permis par l'académie");
    expect(lines).toContain('Académie : Académie de Lyon');
    expect(await page.$('[data-testid="subscription:remove"]')).toBeNull();
  } finally {
    await ff.close();
    rmSync(file, { force: true });
  }
});
