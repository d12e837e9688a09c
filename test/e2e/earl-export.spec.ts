import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { expect, panelResult, routeThirdParties, test } from './fixtures';

// The panel's « Exporter… » menu writes EARL too: the same lib/export/earl.ts as `npm run audit -- --format earl`.

test('the panel exports the demo page’s evaluation as EARL JSON-LD: one automatic assertion per finding, offline', async ({ loupe, server, openPanel }) => {
  await routeThirdParties(loupe);
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/examples/demo.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  await expect(panel.locator('main')).toHaveAttribute('data-a11y', 'done', { timeout: 60_000 });
  const { result } = await panelResult(panel);
  const findingIds = result.ok ? result.evaluation.findings.map((f) => f.id) : [];
  expect(findingIds.length).toBeGreaterThan(20);

  await panel.getByTestId('export:menu').locator('summary').click();
  await expect(panel.getByTestId('export:earl')).toHaveText('EARL (JSON-LD)');
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export:earl').click()]);
  expect(download.suggestedFilename()).toMatch(/^loupe-127\.0\.0\.1.*-earl\.jsonld$/);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const documentLoader = async (url: string): Promise<never> => {
    throw new Error(`nothing may be fetched: ${url}`);
  };
  type Node = Record<string, { '@id'?: string; '@value'?: string }[]> & { '@type'?: string[] };
  const expanded = (await jsonld.expand(doc, { documentLoader })) as unknown as Node[];
  const EARL = 'http://www.w3.org/ns/earl#';
  const assertions = expanded.filter((n) => n['@type']?.includes(`${EARL}Assertion`));
  expect(assertions.map((a) => a['http://purl.org/dc/terms/identifier']?.[0]?.['@value']).sort()).toEqual([...findingIds].sort());
  for (const a of assertions) {
    expect(a[`${EARL}mode`]?.[0]?.['@id']).toBe(`${EARL}automatic`);
    expect(a[`${EARL}subject`]?.[0]?.['@id']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/examples\/demo\.html$/);
  }
  await page.close();
});
