import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import { exportFileSchema } from '../../lib/export/schema';
import { type Consolidation } from '../../lib/model/consolidation';

import { test, expect, routeThirdParties, SHOTS } from './fixtures';
import { resourceKey } from '../../lib/net/resource';

// Advice in place: a referent's consolidated bundle (evaluations of the demo page and of another resource, and the
// referent's verdict on the demo page) is imported through the dashboard's file input, as a teacher would; the side
// panel on the demo page then shows the referent's verdict first, dated, with the change since the evaluated
// inspection; a page with nothing stored shows no advice. Own browser: it writes storage.

test('a referent bundle imported in the dashboard: the side panel shows the referent verdict and what changed first; nothing for a page never evaluated', async ({ ownLoupe, server, openPanel }) => {
  await routeThirdParties(ownLoupe);
  const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!read.ok) throw new Error(read.messageKey);
  const url = `${server.origin}/examples/demo.html`;
  const base = read.file.evaluations[0]!;
  // The evaluated inspection lacks a tracker the page has (Meta) and its sign-up form.
  const evaluation = { ...base, resource: { ...base.resource, url }, findings: base.findings.filter((f) => f.id !== 'trackers/org-facebook' && f.id !== 'account/signup-form') };
  const evaluations = [
    { ...evaluation, id: 'older-eval-0001', inspectedAt: '2026-10-01T09:00:00.000Z', author: { name: 'Hélène Durand', school: 'Collège Jean-Moulin' } },
    { ...evaluation, id: 'newer-eval-0002', inspectedAt: '2026-11-12T09:00:00.000Z', author: { name: 'Loïc Martin', school: 'Lycée Victor-Hugo' } },
    // Another resource in the same bundle: its advice must not show on the demo page.
    { ...evaluation, id: 'other-eval-0003', inspectedAt: '2026-11-20T09:00:00.000Z', resource: { url: 'https://autre-editeur.example/ressource', site: 'autre-editeur.example', title: 'Autre' } },
  ];
  const decision: Consolidation = {
    resource: { url, site: '127.0.0.1', title: 'Demo' },
    level: 'deconseillee',
    reason: 'Publicité et compte élève.',
    blocking: ['no-ads'],
    by: { name: 'Référente numérique', role: 'RUPN' },
    decidedAt: '2026-11-12T10:00:00.000Z',
    evaluationIds: ['newer-eval-0002'],
  };
  // The bundle as the dashboard's "export the consolidated bundle" writes it.
  const bundle = exportFileSchema.parse({ ...toExportFile(evaluations, { now: Date.parse('2026-11-13T08:00:00.000Z'), version: 'test' }), consolidations: [decision] });
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-advice-')), 'avis-referent.json');
  writeFileSync(file, JSON.stringify(bundle, null, 2));

  const dashboard = await ownLoupe.context.newPage();
  await dashboard.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await dashboard.getByTestId('import-input').setInputFiles(file);
  const outcome = dashboard.getByTestId('import-outcome');
  await expect(outcome).toHaveAttribute('data-ok', 'true');
  await expect(outcome).toContainText('avis-referent.json');
  await expect(outcome).toContainText('3 évaluation(s) ajoutée(s), 0 déjà présente(s), 1 avis consolidé(s)');
  await expect(dashboard.getByTestId(`resource:${resourceKey(url)}`)).toContainText('avis du référent');
  await dashboard.close();

  const page = await ownLoupe.context.newPage();
  await page.goto(url);
  const panel = await openPanel(page, ownLoupe);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  const summary = panel.getByTestId('advice:summary');
  await expect(summary).toContainText('Évaluée 2 fois');
  await expect(summary).toContainText(/votre référent\s?: déconseillée — .+ \(le 12 novembre 2026\)/);
  await expect(panel.getByTestId('advice:changes')).toContainText(/Depuis l'évaluation du 12 novembre 2026.*Facebook/);
  await expect(panel.getByTestId('advice:details')).toHaveAttribute('href', /evaluations\.html\?id=newer-eval-0002$/);
  // First: the panel's first section, above the verdict and the findings.
  expect(await panel.locator('main h2').first().getAttribute('id')).toBe('h-advice');
  await expect(panel.getByTestId('advice')).toBeVisible();
  // Both boxes read in one task of the panel: read apart, a re-render between them (the accessibility phase ending)
  // gave no box at all under load.
  const offset = await panel.evaluate(() => document.querySelector('[data-testid=advice]')!.getBoundingClientRect().y - document.querySelector('main')!.getBoundingClientRect().y);
  expect(offset).toBeLessThan(300);
  await panel.screenshot({ path: resolve(SHOTS, 'advice-in-place.png') });

  const other = await ownLoupe.context.newPage();
  await other.goto(`${server.origin}/account/clean.expect.json`);
  const bare = await openPanel(other, ownLoupe);
  await expect(bare.getByTestId('state:done')).toBeVisible();
  await expect(bare.getByTestId('advice')).toHaveCount(0);
});
