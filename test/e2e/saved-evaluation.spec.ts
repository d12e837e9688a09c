import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { toExportFile } from '../../lib/export/export-file';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { test, expect, axeViolations, panelResult, routeThirdParties } from './fixtures';

// A saved evaluation renders itself: the panel opened on an exported file (sidepanel.html?view=saved), with no page
// and no snapshot, shows the same report as the live panel did. Only what needs the page is left out of the
// comparison: the "show on the page" buttons and the before/after-consent block.

/** The report as a person reads it, in order, and the structure the tests address (data-testid). */
async function reportOf(panel: Page): Promise<{ text: string; ids: string[] }> {
  return panel.getByTestId('report').evaluate((report) => {
    const copy = report.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('button, [data-testid="consent-compare"]')) el.remove();
    const ids = [...copy.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid')!);
    return { text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(), ids };
  });
}

async function openSaved(panel: Page, extensionId: string, path: string): Promise<void> {
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=saved`);
  await panel.getByTestId('input:saved-file').setInputFiles(path);
}

test('an exported evaluation, opened alone, renders the same report as the live panel', async ({ loupe, server, openPanel }) => {
  await routeThirdParties(loupe);
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/examples/demo.html`);
  const live = await openPanel(page);
  await live.waitForSelector(PANEL_FINISHED, { timeout: 60_000 });
  await expect(live.locator('main')).toHaveAttribute('data-a11y', 'done');
  const liveReport = await reportOf(live);
  const { result } = await panelResult(live);
  if (!result.ok) throw new Error(result.detail);
  // The demo has something in every part the evaluation must carry by itself: limits, axe, blocking points.
  expect(liveReport.ids).toEqual(expect.arrayContaining(['verdict', 'section:blocking', 'a11y:done', 'section:trackers']));

  // What the export button writes, with the query strings kept so the evidence reads the same as on the live panel.
  const dir = mkdtempSync(join(tmpdir(), 'loupe-saved-'));
  const path = join(dir, 'demo.json');
  writeFileSync(path, JSON.stringify(toExportFile([result.evaluation], { now: Date.now(), version: '0.1.0', keepQuery: true })));
  await page.close();

  const saved = await loupe.context.newPage();
  await openSaved(saved, loupe.extensionId, path);
  await expect(saved.getByTestId('state:saved')).toBeVisible();
  await expect(saved.locator('main')).toHaveAttribute('data-a11y', 'done');
  const savedReport = await reportOf(saved);
  expect(savedReport.ids).toEqual(liveReport.ids);
  expect(savedReport.text).toEqual(liveReport.text);
  // Nothing can be outlined without the page, so nothing offers to.
  await expect(saved.locator('[data-testid^="button:show"]')).toHaveCount(0);
  expect(await axeViolations(saved)).toEqual([]);
  await saved.close();
});

test('a version 1 file opens through the migration; a bad file is refused in words and loses nothing', async ({ loupe }) => {
  const panel = await loupe.context.newPage();
  await openSaved(panel, loupe.extensionId, resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'));
  await expect(panel.getByTestId('state:saved')).toBeVisible();
  // Version 1 kept its limits as French sentences: they come back as messages and show as they were.
  await expect(panel.getByTestId('section:limits')).toContainText("2 cadre(s) d'un autre site (iframe)");
  await expect(panel.getByTestId('a11y:done').locator(':scope > summary')).toBeVisible();

  const bad = join(mkdtempSync(join(tmpdir(), 'loupe-bad-')), 'bad.json');
  writeFileSync(bad, '{"format":"loupe-evaluations","version":2,"evaluations":[{}]}');
  await panel.getByTestId('input:saved-file').setInputFiles(bad);
  await expect(panel.getByTestId('saved:error')).toContainText("n'est pas une évaluation Loupe valide");
  // The evaluation already shown stays.
  await expect(panel.getByTestId('section:limits')).toBeVisible();
  await panel.close();
});
