import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import { PANEL_WIDTH, SCREENSHOT, promoTile, sideBySide } from '../../scripts/lib/store-images';
import { generateEvaluations } from '../support/evaluations';
import { axeViolations, expect, routeThirdParties, test } from './fixtures';

// What the stores show: the privacy policy page (in the extension, linked from the panel) and the 1280×800
// screenshots of the demo page with the panel, the grid, the report and the dashboard, plus the 440×280 tile.
// Written to store/images/ with UPDATE_SCREENSHOTS=1 (npm run screenshots), else to test-results/ to look at.

const IMAGES = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../store/images')
  : resolve(import.meta.dirname, '../../test-results/store-images');

/** A PNG's width and height, from its IHDR chunk. */
const sizeOf = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function save(name: string, png: Buffer): void {
  mkdirSync(IMAGES, { recursive: true });
  writeFileSync(join(IMAGES, name), png);
}

test('the privacy policy is a page of the extension, linked from the panel, in French and English, with no axe violation', async ({ loupe, server, openPanel }) => {
  await routeThirdParties(loupe);
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/examples/demo.html`);
  const panel = await openPanel(page);
  const link = panel.getByTestId('link:privacy');
  await expect(link).toHaveText('Confidentialité : Loupe ne collecte rien');
  const [policy] = await Promise.all([loupe.context.waitForEvent('page'), link.click()]);
  await policy.waitForLoadState();
  expect(policy.url()).toBe(`chrome-extension://${loupe.extensionId}/privacy.html`);
  await expect(policy.locator('h1').first()).toHaveText('Politique de confidentialité de Loupe');
  await expect(policy.locator('main')).toContainText('Loupe ne collecte aucune donnée et n\'envoie rien');
  await expect(policy.locator('#english')).toContainText('Loupe collects no data and sends nothing');
  expect(await axeViolations(policy)).toEqual([]);
  // Keyboard alone: the first Tab reaches the link to the English version.
  await policy.keyboard.press('Tab');
  await expect(policy.getByRole('link', { name: 'English version below' })).toBeFocused();
  await Promise.all([policy.close(), page.close()]);
});

/** The demo page at the width left of the panel, and the panel beside it, as one store screenshot. */
async function shot(page: Page, panel: Page): Promise<Buffer> {
  return sideBySide(await page.screenshot(), await panel.screenshot());
}

test('store screenshots at 1280×800 on the demo page: panel, grid, report, dashboard; and the 440×280 tile', async ({ ownLoupe, server, openPanel }) => {
  test.setTimeout(240_000);
  await routeThirdParties(ownLoupe);
  const page = await ownLoupe.context.newPage();
  await page.setViewportSize({ width: SCREENSHOT.width - PANEL_WIDTH, height: SCREENSHOT.height });
  await page.goto(`${server.origin}/examples/demo.html`);
  const panel = await openPanel(page, ownLoupe);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: SCREENSHOT.height });
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  const shots: [string, Buffer][] = [['1-panneau.png', await shot(page, panel)]];

  await panel.getByTestId('button:evaluate').click();
  await expect(panel.getByTestId('evaluate')).toBeVisible();
  await expect(panel.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  shots.push(['2-grille.png', await shot(page, panel)]);

  // The printable report of the evaluation just saved.
  const report = await ownLoupe.context.newPage();
  await report.setViewportSize(SCREENSHOT);
  await report.goto(`chrome-extension://${ownLoupe.extensionId}/evaluations.html`);
  const id = await report.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open('loupe');
        open.onsuccess = () => {
          const keys = open.result.transaction('evaluations').objectStore('evaluations').getAllKeys();
          keys.onsuccess = () => (open.result.close(), done(String(keys.result[0])));
          keys.onerror = () => fail(keys.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );
  await report.goto(`chrome-extension://${ownLoupe.extensionId}/report.html?id=${encodeURIComponent(id)}`);
  await expect(report.getByTestId('report:title')).toBeVisible();
  shots.push(['3-rapport.png', await report.screenshot()]);

  // The dashboard with several evaluators' files of the demo's findings.
  const demo = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!demo.ok) throw new Error('fixture unreadable');
  const all = generateEvaluations(12, 21, { resources: 3, evaluators: 4 }).map((e) => ({ ...e, findings: demo.file.evaluations[0]!.findings }));
  const dir = mkdtempSync(join(tmpdir(), 'loupe-store-'));
  const files = [0, 1, 2].map((i) => {
    const path = join(dir, `evaluateur-${i + 1}.json`);
    writeFileSync(path, JSON.stringify(toExportFile(all.filter((_, k) => k % 3 === i), { now: 0, version: 'test' })));
    return path;
  });
  const dashboard = await ownLoupe.context.newPage();
  await dashboard.setViewportSize(SCREENSHOT);
  await dashboard.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await dashboard.getByTestId('import-input').setInputFiles(files);
  await expect(dashboard.getByTestId('import-outcome')).toHaveCount(3);
  await expect(dashboard.locator('[data-testid^="resource:"]').first()).toBeVisible();
  shots.push(['4-tableau-de-bord.png', await dashboard.screenshot()]);

  for (const [name, png] of shots) {
    expect(sizeOf(png), name).toEqual(SCREENSHOT);
    save(name, png);
  }
  const tile = promoTile(['Une ressource en ligne', 'vérifiée pour la classe']);
  expect(sizeOf(tile)).toEqual({ width: 440, height: 280 });
  save('promo-440x280.png', tile);
});
