import type { InspectResult } from '../../lib/inspect/inspect-tab';
import { isLocal } from '../../scripts/lib/audit/runner';
import { answerThirdPartiesEmpty, launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { PANEL_FINISHED } from '../../scripts/lib/panel';
import { serveFolder } from '../../scripts/lib/static-server';
import { FIXTURES, expect, outlines, panelResult, test } from './fixtures';

// RGAA 8.2 in the built extension. html-validate compiles JSON schemas; in the extension's pages (CSP without
// 'unsafe-eval') that worked only once the schemas were precompiled at build time. A panel that cannot run the
// validator never finishes, or finishes with the detector in error: both fail here, in Chromium (MV3) and in
// Firefox (MV2). The page is changed by script before the inspection (a div put in a p), so what is validated is
// the generated code, not the file served.

/** What a script does to the flag page: a p filled with a div (markup would close the p before the div). */
const SCRIPTED = `const p = document.createElement('p'); p.id = 'scripted'; p.textContent = 'Encart'; p.append(document.createElement('div')); document.querySelector('main').append(p);`;
const WANTED = ['a11y-html-validity/nesting problem', 'a11y-html-validity/obsolete problem', 'a11y-html-validity/unclosed problem'];

function validity(result: InspectResult | undefined) {
  expect(result?.ok, JSON.stringify(result).slice(0, 500)).toBe(true);
  if (!result?.ok) return { status: undefined, found: [] as string[], selectors: [] as (string | undefined)[] };
  const mine = result.evaluation.findings.filter((f) => f.detector === 'a11y-html-validity');
  return {
    status: result.evaluation.detectors.find((d) => d.id === 'a11y-html-validity')?.status,
    found: mine.map((f) => `${f.id} ${f.severity}`).sort(),
    selectors: mine.flatMap((f) => f.evidence.map((e) => e.selector)),
  };
}

test('Chromium: the panel finishes with the RGAA 8.2 findings of the generated code, each outlined on the page', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/a11y-html-validity/flag.html`);
  await page.evaluate(SCRIPTED);
  const panel = await openPanel(page);
  await expect(panel.locator('main[data-a11y="done"]')).toBeVisible({ timeout: 60_000 });
  const got = validity((await panelResult(panel)).result);
  expect(got.status).toBe('ok');
  expect(got.found).toEqual(WANTED);
  expect(got.selectors).toEqual(expect.arrayContaining(['#link > button', '#list > div', '#cdi > acronym', '#scripted']));

  // The panel lists the finding, and selecting it outlines the two misplaced elements where they stand.
  await expect(panel.getByTestId('finding:a11y-html-validity/nesting')).toContainText('RGAA 8.2');
  await panel.getByTestId('button:show:a11y-html-validity/nesting').click();
  await expect.poll(() => outlines(page).then((o) => o.length)).toBe(2);
  const target = (await page.locator('#link > button').boundingBox())!;
  expect((await outlines(page)).some((b) => Math.abs(b.x + 3 - target.x) <= 1 && Math.abs(b.y + 3 - target.y) <= 1)).toBe(true);

  // The valid page: the validator ran (status ok) and found nothing.
  const none = await loupe.context.newPage();
  await none.goto(`${server.origin}/a11y-html-validity/none.html`);
  const panel2 = await openPanel(none);
  await expect(panel2.locator('main[data-a11y="done"]')).toBeVisible({ timeout: 60_000 });
  const clean = validity((await panelResult(panel2)).result);
  expect(clean.status).toBe('ok');
  expect(clean.found).toEqual([]);
  await page.close();
  await none.close();
});

test('Firefox: the panel finishes with the same RGAA 8.2 findings', async () => {
  test.setTimeout(240_000);
  const server = await serveFolder(FIXTURES);
  try {
    const ff = await launchFirefoxWithLoupe();
    let result: InspectResult | undefined;
    try {
      const page = await ff.browser.newPage();
      await answerThirdPartiesEmpty(page, isLocal);
      await page.goto(`${server.origin}/a11y-html-validity/flag.html`, { waitUntil: 'load' });
      await page.evaluate(SCRIPTED);
      const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(page)}`);
      await panel.waitForSelector(PANEL_FINISHED, { timeout: 120_000 });
      expect(await panel.$('[data-a11y="done"]')).not.toBeNull();
      result = (await panelResult(panel)).result;
    } finally {
      await ff.close();
    }
    const got = validity(result);
    expect(got.status).toBe('ok');
    expect(got.found).toEqual(WANTED);
    expect(got.selectors).toEqual(expect.arrayContaining(['#link > button', '#list > div', '#cdi > acronym', '#scripted']));
  } finally {
    await server.close();
  }
});

