import { test, expect } from './fixtures';

test('the accessibility check follows the fast findings and shows axe results with their RGAA criteria', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/a11y-zoom/axe-violations.html`);
  const panel = await openPanel(page);
  await expect(panel.locator('main[data-a11y="done"]')).toBeVisible();
  const img = panel.getByTestId('finding:axe/violation:image-alt');
  await expect(img).toContainText('Les images doivent avoir une alternative textuelle');
  await expect(panel.getByTestId('rgaa:axe/violation:image-alt')).toContainText('Critère RGAA 1.1 : Chaque image porteuse d’information a-t-elle une alternative textuelle ?');
  // One image in the page, one inside the frame: the frame is named.
  await expect(img).toContainText('dans un cadre');
  await expect(panel.getByTestId('finding:axe/violation:label')).toHaveAttribute('data-severity', 'problem');
  // One status for the section, the verdict's words: axe's failures make it a problem, as any other check's would.
  await expect(panel.getByTestId('status:accessibility')).toHaveText('Problème');
  await expect(panel.getByTestId('a11y:users')).toContainText('élèves aveugles');
  // The fast language finding gives way to axe's, which carries the same verdict.
  await expect(panel.getByTestId('finding:a11y-lang/missing')).toHaveCount(0);
  await expect(panel.getByTestId('finding:axe/violation:html-has-lang')).toBeVisible();
  const result = await panel.evaluate(() => globalThis.__loupe?.result);
  expect(result?.ok && result.evaluation.findings.filter((f) => f.detector === 'axe' && f.category === 'accessibility').length).toBeGreaterThan(3);
  expect(result?.ok && result.evaluation.detectors.find((d) => d.id === 'axe')?.status).toBe('ok');
  await page.close();
});

test('showing an axe finding outlines its elements, in the page, in a shadow root and around a frame', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.goto(`${server.origin}/a11y-zoom/axe-violations.html`);
  const panel = await openPanel(page);
  await expect(panel.locator('main[data-a11y="done"]')).toBeVisible();
  const boxes = () =>
    page.evaluate(() =>
      Array.from(document.querySelector('loupe-overlay')?.shadowRoot?.querySelectorAll('.box') ?? []).map((b) => {
        const r = b.getBoundingClientRect();
        return { x: r.x + 3, y: r.y + 3, width: r.width - 6, height: r.height - 6 };
      }),
    );
  const near = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1 && Math.abs(a.width - b.width) <= 1 && Math.abs(a.height - b.height) <= 1;

  await panel.getByTestId('button:show:axe/violation:button-name').click();
  await expect.poll(async () => (await boxes()).length).toBe(2);
  const shown = await boxes();
  const plain = (await page.locator('#empty-button').boundingBox())!;
  const inShadow = (await page.locator('#host button').boundingBox())!;
  expect(shown.some((b) => near(b, plain))).toBe(true);
  expect(shown.some((b) => near(b, inShadow))).toBe(true);

  await panel.getByTestId('button:show:axe/violation:image-alt').click();
  await expect.poll(async () => (await boxes()).length).toBe(2);
  const images = await boxes();
  const alone = (await page.locator('#no-alt').boundingBox())!;
  const frame = (await page.locator('#frame').boundingBox())!;
  expect(images.some((b) => near(b, alone))).toBe(true);
  expect(images.some((b) => near(b, frame))).toBe(true);
  await page.close();
});
