import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, axeViolations, SHOTS } from './fixtures';
import { readExportFile } from '../../lib/export/import';
import { withSuggestedGrid } from '../../lib/grid/state';
import { toRecord } from '../../lib/storage/evaluations';
import { putRecordInPage } from '../../scripts/lib/extension-db';

// The printable report of a saved evaluation, in the real extension: the page reads the evaluation from the
// database, draws its chart inline, passes axe, and prints (print media) with everything unfolded.

test('the printable report shows the verdict, blocking points, the axis chart, the findings and the register draft', async ({ ownLoupe }) => {
  const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!read.ok) throw new Error('fixture unreadable');
  const evaluation = { ...withSuggestedGrid(read.file.evaluations[0]!), author: { name: 'Claire Martin', role: 'Professeure documentaliste' } };
  const record = await toRecord(evaluation, 'done', Date.parse('2026-11-20T10:00:00Z'));

  const page = await ownLoupe.context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // "Mes évaluations" opens (and so creates) the database; the record is then written as the extension would.
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/evaluations.html`);
  await expect(page.getByTestId('list:empty')).toBeVisible();
  await putRecordInPage(page, record);

  // From "Mes évaluations", the record's printable report.
  await page.reload();
  await page.getByTestId(`report:${record.id}`).click();
  await expect(page).toHaveURL(/report\.html\?id=/);
  await expect(page.getByTestId('page:report')).toBeVisible();
  await expect(page.getByTestId('report:title')).toHaveText(evaluation.resource.title);
  await expect(page.getByTestId('report:verdict')).toContainText('Déconseillée');
  await expect(page.getByText('évaluée par Claire Martin, Professeure documentaliste')).toBeVisible();
  await expect(page.getByTestId('report:blocking').locator('li')).toHaveCount(evaluation.verdict!.blocking.length);
  await expect(page.getByTestId('report:chart').locator('g[data-axis]')).toHaveCount(6);
  await expect(page.getByTestId('report:grid').locator('tbody tr')).toHaveCount(evaluation.grid!.length);
  await expect(page.getByTestId('report:register')).toContainText('Google');
  await expect(page.getByTestId('report:register')).toContainText('hors Union européenne');
  await expect(page.getByTestId('report:register')).toContainText('date de naissance');
  expect(await axeViolations(page)).toEqual([]);

  // Printing unfolds every folded section, and the print button itself is not printed.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('button:print')).toBeHidden();
  expect(await page.locator('details:not([open])').count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
  // The report is drawn from the database alone: nothing leaves the extension.
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);

  // The opposite case: an id that is not in the database says so, and loses nothing.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/report.html?id=absent-id-000`);
  await expect(page.getByRole('alert')).toContainText("n'est plus dans ce navigateur");
  await page.close();
});
