import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readExportFile } from '../../lib/export/import';
import { normaliseUrl } from '../../lib/storage/record';
import { test, expect, routeThirdParties, SHOTS } from './fixtures';

// Advice in place: a referent's verdict and two evaluations of the demo page, written into the extension's
// IndexedDB, are shown first in the side panel with the change since the evaluated inspection; a page with nothing
// stored shows no advice. Own browser: it writes storage.

test('the side panel shows the referent verdict and what changed first; nothing for a page never evaluated', async ({ ownLoupe, server, openPanel }) => {
  await routeThirdParties(ownLoupe);
  const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!read.ok) throw new Error(read.messageKey);
  const url = `${server.origin}/examples/demo.html`;
  const base = read.file.evaluations[0]!;
  // The evaluated inspection lacks a tracker the page has (Meta) and its sign-up form.
  const evaluation = { ...base, resource: { ...base.resource, url }, findings: base.findings.filter((f) => f.id !== 'trackers/org-facebook' && f.id !== 'account/signup-form') };
  const key = normaliseUrl(url);
  const rows = [
    { id: 'older-eval-0001', inspectedAt: '2026-10-01T09:00:00.000Z' },
    { id: 'newer-eval-0002', inspectedAt: '2026-11-12T09:00:00.000Z' },
  ].map(({ id, inspectedAt }, i) => ({
    id, url: key, site: '127.0.0.1', title: 'Demo', createdAt: i, updatedAt: i, status: 'done', verdict: '', search: 'demo',
    evaluation: { ...evaluation, id, inspectedAt },
  }));
  const consolidation = {
    url: key, site: '127.0.0.1', decidedAt: Date.parse('2026-11-12T10:00:00.000Z'), origin: { kind: 'imported', importedAt: 0, fileName: 'referent.json' },
    consolidation: { resource: { url, site: '127.0.0.1', title: 'Demo' }, level: 'deconseillee', reason: 'Publicité et compte élève.', blocking: ['no-ads'], decidedAt: '2026-11-12T10:00:00.000Z', evaluationIds: ['newer-eval-0002'] },
  };
  const list = await ownLoupe.context.newPage();
  await list.goto(`chrome-extension://${ownLoupe.extensionId}/evaluations.html`);
  await list.evaluate(
    ({ rows, consolidation }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['evaluations', 'consolidations'], 'readwrite');
          for (const r of rows) tx.objectStore('evaluations').put(r);
          tx.objectStore('consolidations').put(consolidation);
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    { rows, consolidation },
  );

  const page = await ownLoupe.context.newPage();
  await page.goto(url);
  const panel = await openPanel(page, ownLoupe);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  const summary = panel.getByTestId('advice:summary');
  await expect(summary).toContainText('Évaluée 2 fois');
  await expect(summary).toContainText(/votre référent\s?: déconseillée — .+ \(le 12 novembre 2026\)/);
  await expect(panel.getByTestId('advice:changes')).toContainText(/Depuis l'évaluation du 12 novembre 2026.*Facebook/);
  await expect(panel.getByTestId('advice:details')).toHaveAttribute('href', /evaluations\.html\?id=newer-eval-0002$/);
  // First: above the verdict.
  const adviceBox = (await panel.getByTestId('advice').boundingBox())!;
  const mainBox = (await panel.locator('main').boundingBox())!;
  expect(adviceBox.y - mainBox.y).toBeLessThan(300);
  await panel.screenshot({ path: resolve(SHOTS, 'advice-in-place.png') });

  const other = await ownLoupe.context.newPage();
  await other.goto(`${server.origin}/account/clean.expect.json`);
  const bare = await openPanel(other, ownLoupe);
  await expect(bare.getByTestId('state:done')).toBeVisible();
  await expect(bare.getByTestId('advice')).toHaveCount(0);
});
