import { test, expect, openFacts } from './fixtures';

test('the panel shows legal links, licence, the GAR mark, publisher/dates and access signals of a resource page', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/licence/resource-page.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();

  await expect(panel.getByTestId('finding:legal-links/accessibility')).toContainText('partiellement conforme');
  await expect(panel.getByTestId('section:legal-links').getByRole('heading')).toContainText('4 constats');

  const licence = panel.getByTestId('section:licence');
  await expect(licence.getByTestId('finding:licence/open-cc-by-sa-4-0')).toContainText('CC BY-SA 4.0');
  await expect(licence.getByTestId('finding:licence/open-cc-by-sa-4-0')).toHaveAttribute('data-severity', 'info');

  const gar = panel.getByTestId('section:gar');
  await expect(gar.getByTestId('finding:gar-mark/mark')).toContainText('compatible GAR');
  await expect(gar.getByRole('heading')).toContainText('1 constat');

  const metadata = panel.getByTestId('section:metadata');
  await expect(metadata.getByTestId('finding:publisher-dates/publisher')).toContainText('Éditions Atlas Junior');
  await expect(metadata.getByTestId('finding:publisher-dates/updated')).toContainText('14 octobre 2026');
  await openFacts(panel, 'metadata');
  await expect(metadata.getByTestId('finding:access-model/pricing-link')).toBeVisible();
  await expect(metadata.getByTestId('finding:access-model/school-licence')).toBeVisible();

  // The mark is outlined on the page when asked (it is a fact: folded until opened).
  await openFacts(panel, 'gar');
  await panel.getByTestId('button:show:gar-mark/mark').click();
  await expect.poll(() => page.locator('loupe-overlay').count()).toBe(1);
  await page.close();
});

test('a page about the Gare du Nord claims no GAR compatibility in the panel', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/gar-mark/gare.html`);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('state:done')).toBeVisible();
  // An absence is not "OK": the category says "Non trouvé".
  await expect(panel.getByTestId('status:gar')).toHaveText('Non trouvé');
  await expect(panel.getByTestId('finding:gar-mark/not-found')).toHaveCount(1);
  await expect(panel.getByTestId('finding:gar-mark/mark')).toHaveCount(0);
  await expect(panel.getByTestId('finding:gar-mark/mention')).toHaveCount(0);
  await page.close();
});
