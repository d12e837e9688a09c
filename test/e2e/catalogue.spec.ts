import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, axeViolations } from './fixtures';
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
