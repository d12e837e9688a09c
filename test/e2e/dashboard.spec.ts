import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { test, expect, axeViolations, SHOTS } from './fixtures';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import { groupByResource } from '../../lib/consolidate/group';
import { consolidateResource } from '../../lib/consolidate/resource';
import { historyChanges } from '../../lib/consolidate/changes';
import { generateEvaluations } from '../support/evaluations';

// The dashboard with colleagues' files: several evaluators' files and a broken one imported together, one resource's
// consolidation, the referent's verdict, and the consolidated CSV read back.

test('imports several evaluators’ files, names the bad one, consolidates a resource, exports the CSV, deletes the resource and undoes it', async ({ ownLoupe }) => {
  // Its own browser: the test reads what the dashboard stored.
  // The demo page's real findings on every evaluation; each resource's newest inspection no longer has Meta's pixel.
  const demo = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!demo.ok) throw new Error('fixture unreadable');
  const findings = demo.file.evaluations[0]!.findings;
  const generated = generateEvaluations(12, 21, { resources: 2, evaluators: 4 });
  const newest = new Set(groupByResource(generated).map((g) => g.evaluationIds[0]));
  const all = generated.map((e) => ({ ...e, findings: newest.has(e.id) ? findings.filter((f) => f.id !== 'trackers/org-facebook') : findings }));
  const dir = mkdtempSync(join(tmpdir(), 'loupe-dash-'));
  const files = [0, 1, 2].map((i) => {
    const path = join(dir, `evaluateur-${i + 1}.json`);
    writeFileSync(path, JSON.stringify(toExportFile(all.filter((_, k) => k % 3 === i), { now: 0, version: 'test' })));
    return path;
  });
  const broken = join(dir, 'mal-forme.json');
  writeFileSync(broken, '{"format": "loupe-evaluations", "version": 2, "evaluations": [');

  const page = await ownLoupe.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1400 });
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await expect(page).toHaveTitle(/Tableau de bord/);
  await page.getByTestId('import-input').setInputFiles([...files, broken]);
  const outcomes = page.getByTestId('import-outcome');
  await expect(outcomes.first()).toBeVisible();
  await expect(outcomes).toHaveCount(4);
  await expect(page.locator('[data-testid=import-outcome][data-ok=false]')).toContainText('mal-forme.json');
  await expect(page.locator('[data-testid=import-outcome][data-ok=false]')).toContainText('JSON');

  const groups = groupByResource(all);
  expect(groups).toHaveLength(2);
  const g = groups[0]!;
  const row = page.getByTestId(`resource:${g.key}`);
  await expect(row.getByTestId('resource-counts')).toContainText(`${g.evaluations} évaluation(s), ${g.evaluators} évaluateur(s)`);
  expect(await axeViolations(page)).toEqual([]);

  await row.getByRole('button').click();
  const detail = page.getByTestId('resource-detail');
  const c = consolidateResource(all.filter((e) => g.evaluationIds.includes(e.id)));
  // The dashboard shows the shared consolidated view (components/consolidation), the one consolidation-render tests.
  await expect(detail.getByTestId('consolidation')).toHaveAttribute('data-resource', g.key);
  await expect(detail.getByTestId('consol:rests-on')).toContainText(`Repose sur ${c.agreement.pairable} notes`);
  if (c.agreement.alpha === null) await expect(detail.getByTestId('consol:alpha-none')).toBeVisible();
  else await expect(detail.getByTestId('consol:alpha')).toHaveAttribute('data-alpha', c.agreement.alpha.toFixed(3));
  // Every criterion rated, those only rated off the scale too (their count stands in the off-scale column).
  await expect(detail.locator('[data-testid^="spread:"]')).toHaveCount(c.spreads.length);
  await expect(detail.locator('[data-testid^="consol-blocking:"]')).toHaveCount(c.blocking.length);
  // What changed between the resource's inspections, dated: the generated evaluations differ in their trackers.
  const steps = historyChanges(all.filter((e) => g.evaluationIds.includes(e.id)));
  expect(steps.length).toBeGreaterThan(0);
  await expect(detail.getByTestId('consol:changes').locator('li')).toHaveCount(steps.length);
  await expect(detail.getByTestId('consol:changes')).toContainText('Facebook');
  // Disagreements first.
  const flags = await detail.locator('[data-testid^="spread:"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-disagree') === 'true'));
  expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  await detail.getByTestId('consol:decide').click();
  await expect(detail.getByRole('alert')).toBeVisible();
  await expect(detail.getByTestId('consol:reason')).toHaveAttribute('aria-invalid', 'true');
  await detail.getByTestId('consol:level').selectOption('avec-reserves');
  await detail.getByTestId('consol:reason').fill('Publicité à désactiver; =SOMME(A1)');
  await detail.getByTestId('consol:decide').click();
  await expect(detail.getByTestId('consol:referent-current')).toHaveAttribute('data-level', 'avec-reserves');
  await expect(detail.getByRole('alert')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await detail.screenshot({ path: `${SHOTS}/dashboard-resource.png` });
  await detail.getByRole('button', { name: 'Fermer' }).click();
  await expect(row).toContainText('avis du référent');
  await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(2);
  // French headers and values, as the referent's spreadsheet shows them.
  const line = parsed.data.find((r) => r['Titre'] === g.title)!;
  expect(line).toMatchObject({ 'Évaluations': String(g.evaluations), 'Évaluateurs': String(g.evaluators), 'Verdict du référent': 'Avec réserves' });
  expect(line['Accord entre évaluateurs (alpha de Krippendorff)']).toMatch(/^-?\d,\d\d$/);
  // csvCell neutralises a formula after a ";" too (French spreadsheets split on it).
  expect(line['Raison du référent']).toBe("Publicité à désactiver; '=SOMME(A1)");

  // Deleting the resource takes all its evaluations and the referent's verdict; undo brings every one back.
  await row.getByRole('button').click();
  await page.getByTestId('resource-delete').click();
  await expect(page.getByTestId('resource-count')).toHaveText('1 ressource(s)');
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'supprimée' })).toContainText(`${g.evaluations} évaluation(s) supprimée(s)`);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('resource-count')).toHaveText('2 ressource(s)');
  await expect(row.getByTestId('resource-counts')).toContainText(`${g.evaluations} évaluation(s), ${g.evaluators} évaluateur(s)`);
  await expect(row).toContainText('avis du référent');
  await page.close();
});

test('files dropped on the import zone are imported like picked ones, a bad one named', async ({ ownLoupe }) => {
  const good = JSON.stringify(toExportFile(generateEvaluations(3, 5, { resources: 1, evaluators: 2 }), { now: 0, version: 'test' }));
  const page = await ownLoupe.context.newPage();
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  const dropped = await page.evaluateHandle((good) => {
    const dt = new DataTransfer();
    dt.items.add(new File([good], 'collegue.json', { type: 'application/json' }));
    dt.items.add(new File(['pas du JSON'], 'notes.json', { type: 'application/json' }));
    return dt;
  }, good);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('import-outcome')).toHaveCount(2);
  await expect(page.locator('[data-testid=import-outcome][data-ok=false]')).toContainText('notes.json');
  await expect(page.locator('[data-testid=import-outcome][data-ok=true]')).toContainText('collegue.json');
  await expect(page.getByTestId('resource-count')).toHaveText('1 ressource(s)');
  await page.close();
});

test('imports in a Worker, says how far it is, and a stop leaves every file wholly imported or not at all', async ({ ownLoupe }) => {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-stop-'));
  const FILES = 8;
  const PER_FILE = 120;
  const all = generateEvaluations(FILES * PER_FILE, 21);
  const files = Array.from({ length: FILES }, (_, i) => {
    const path = join(dir, `lot-${i + 1}.json`);
    writeFileSync(path, JSON.stringify(toExportFile(all.slice(i * PER_FILE, (i + 1) * PER_FILE), { now: 0, version: 'test' })));
    return path;
  });
  const page = await ownLoupe.context.newPage();
  // Counts the workers the page starts: the import must not parse 200 MB on the page's own thread.
  await page.addInitScript(() => {
    const Real = window.Worker;
    const w = window as unknown as { __workers: number };
    w.__workers = 0;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workers++;
      }
    };
  });
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await page.getByTestId('import-input').setInputFiles(files);
  // The progress says files and evaluations done once the first file is in, then the import is stopped.
  await expect(page.getByTestId('import-progress')).toContainText(/[1-7] fichier\(s\) traité\(s\) sur 8, \d+ évaluation\(s\) ajoutée\(s\)/);
  await expect(page.getByTestId('import-progress')).toContainText('restante');
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('import-outcome')).toHaveCount(FILES);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  // One worker per lane (two on a machine of two cores or more), none on the page's own thread.
  expect(await page.evaluate(() => (window as unknown as { __workers: number }).__workers)).toBeGreaterThanOrEqual(1);
  const texts = await page.getByTestId('import-outcome').allTextContents();
  const done = texts.filter((t) => t.includes(`${PER_FILE} évaluation(s) ajoutée(s)`)).length;
  const stopped = texts.filter((t) => t.includes('arrêté')).length;
  // Every file is either wholly in or not at all, and the stop left at least one out.
  expect(done + stopped).toBe(FILES);
  expect(done).toBeGreaterThanOrEqual(1);
  expect(stopped).toBeGreaterThanOrEqual(1);
  const evaluations = (await page.getByTestId('resource-list').locator('[data-testid=resource-counts]').allTextContents()).length;
  expect(evaluations).toBeGreaterThan(0);
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onsuccess = () => {
          const count = open.result.transaction('evaluations').objectStore('evaluations').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(stored).toBe(done * PER_FILE);
  await page.close();
});

test('the same evaluations in two files imported side by side are added once, the second file counting them as present', async ({ ownLoupe }) => {
  const text = JSON.stringify(toExportFile(generateEvaluations(40, 22), { now: 0, version: 'test' }));
  const page = await ownLoupe.context.newPage();
  await page.goto(`chrome-extension://${ownLoupe.extensionId}/dashboard.html`);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(text) },
    { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) },
  ]);
  await expect(page.getByTestId('import-outcome')).toHaveCount(2);
  // In the files' order, whichever lane wrote first.
  const outcomes = await page.getByTestId('import-outcome').allTextContents();
  expect(outcomes[0]).toContain('a.json');
  expect(outcomes[1]).toContain('b.json');
  expect(outcomes.filter((t) => t.includes('40 évaluation(s) ajoutée(s), 0 déjà présente(s)'))).toHaveLength(1);
  expect(outcomes.filter((t) => t.includes('0 évaluation(s) ajoutée(s), 40 déjà présente(s)'))).toHaveLength(1);
  await page.close();
});
