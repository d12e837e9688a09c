import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, axeViolations } from './fixtures';
import { toExportFile } from '../../lib/export/export-file';
import { generateEvaluations } from '../support/evaluations';

// A synced folder imported twice through the dashboard's folder field: the second time only the new file is read.
// ASCII names: Playwright's folder upload hangs on an accented folder name with this Chromium (the unit test,
// test/unit/import-folder.test.ts, covers accented paths).

test('the dashboard imports a synced folder, then only its new files', async ({ ownLoupe }) => {
  const evals = generateEvaluations(6, 8, { resources: 3, evaluators: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'loupe-dossier-'));
  const root = join(dir, 'evaluations-partagees');
  mkdirSync(join(root, 'college-brassens'), { recursive: true });
  const write = (rel: string, list: typeof evals) => writeFileSync(join(root, rel), JSON.stringify(toExportFile(list, { now: 0, version: 'test' })));
  write('a.json', evals.slice(0, 2));
  write('college-brassens/b.json', evals.slice(2, 4));
  writeFileSync(join(root, 'mal-forme.json'), '{"format":');
  writeFileSync(join(root, 'lisez-moi.txt'), 'notes');

  const page = await ownLoupe.context.newPage();
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await page.getByTestId('import-folder').setInputFiles(root);
  await expect(page.getByTestId('import-folder-summary')).toHaveAttribute('data-known', '0');
  await expect(page.getByTestId('import-folder-summary')).toContainText(/3 fichier\(s\) nouveau\(x\) ou modifié\(s\)\s;\s0 déjà importé\(s\)/);
  await expect(page.locator('[data-testid=import-outcome][data-ok=true]')).toHaveCount(2);
  await expect(page.locator('[data-testid=import-outcome][data-ok=false]')).toContainText('mal-forme.json');
  expect(await axeViolations(page)).toEqual([]);

  write('c.json', evals.slice(4));
  await page.reload();
  await page.getByTestId('import-folder').setInputFiles(root);
  await expect(page.getByTestId('import-folder-summary')).toHaveAttribute('data-known', '2');
  const outcomes = page.getByTestId('import-outcome');
  // The new file, and the refused one tried again; a.json and b.json are not read again.
  await expect(outcomes).toHaveCount(2);
  await expect(page.locator('[data-testid=import-outcome][data-ok=true]')).toContainText('c.json');
  await expect(page.getByTestId('import-outcomes')).not.toContainText('a.json');
});
