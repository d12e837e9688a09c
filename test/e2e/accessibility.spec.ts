import { test, expect, panelResult } from './fixtures';

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
  const { result } = await panelResult(panel);
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

/** A silent WAV of `seconds` (8 kHz, 8 bits): a real duration for the media engine, no file in the repository. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const n = rate * seconds;
  const b = Buffer.alloc(44 + n, 128);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36);
  b.writeUInt32LE(n, 40);
  return b;
}

test('Loupe’s own rules run in Chromium, one finding per element where axe judges the same one, severity by RGAA', async ({ loupe, server, openPanel }) => {
  const page = await loupe.context.newPage();
  await page.route('**/media/quatre-secondes.wav', (route) => route.fulfill({ status: 200, contentType: 'audio/wav', body: silentWav(4) }));
  await page.goto(`${server.origin}/a11y-autoplay/barriers.html`);
  await page.waitForFunction(() => (document.getElementById('music') as HTMLAudioElement).readyState >= 1);
  const panel = await openPanel(page);
  // axe on a page with a live media element can take a while on a loaded machine.
  await expect(panel.locator('main[data-a11y="done"]')).toBeVisible({ timeout: 60_000 });
  const { result } = await panelResult(panel);
  if (!result?.ok) throw new Error('inspection failed');
  const byId = new Map(result.evaluation.findings.map((f) => [f.id, f]));
  // The media engine knows the duration: 4 s of sound, no control → a problem, said once (axe's no-autoplay-audio merged).
  expect(byId.get('a11y-autoplay/sound:audio-1')).toMatchObject({ severity: 'problem', data: { duration: 4, verdict: 'failed' } });
  expect(result.evaluation.findings.filter((f) => f.id.endsWith(':no-autoplay-audio'))).toEqual([]);
  expect(byId.get('a11y-placeholder-label/placeholder-only')?.severity).toBe('problem');
  expect(byId.get('a11y-fake-link/button-as-link')?.severity).toBe('problem');
  expect(byId.get('a11y-pseudo-content/text')?.evidence[0]?.text).toContain('Nouveau');
  expect(byId.get('a11y-duplicate-id/referenced')?.severity).toBe('problem');
  expect(byId.has('axe/incomplete:duplicate-id-aria')).toBe(false);
  // A best practice axe tags with no criterion, failing RGAA 9.1 (h1 then h3): a problem under 9.1.
  expect(byId.get('axe/violation:heading-order')).toMatchObject({ severity: 'problem', data: { rgaa: ['9.1'] } });
  await expect(panel.getByTestId('finding:a11y-fake-link/button-as-link')).toBeVisible();
  await page.close();
});

/** A page locking its orientation by CSS (ACT b33eff), with a data table whose first row is one header over both columns. */
const orientationPage = (head: string) => `<!DOCTYPE html><html lang="fr"><head><title>Orientation</title>${head}
<style>@media (orientation: portrait) { html { transform: rotate(90deg); } }</style></head>
<body><main><h1>Horaires</h1><table><tr><th id="nom" colspan="2">Nom</th></tr>
<tr><th headers="nom">Prénom</th><th headers="nom">Nom de famille</th></tr><tr><td>Léa</td><td>Martin</td></tr></table></main></body></html>`;

test('axe runs the rules a plain axe.run runs, and reads style sheets only where that fetches nothing', async ({ loupe, server, openPanel }) => {
  const inPlace = `${server.origin}/axe-run/orientation.html`;
  const elsewhere = `${server.origin}/axe-run/orientation-sheet-elsewhere.html`;
  const sheet = 'http://feuilles.test/site.css';
  let sheetRequests = 0;
  await loupe.context.route(inPlace, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: orientationPage('') }));
  await loupe.context.route(elsewhere, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: orientationPage(`<link rel="stylesheet" href="${sheet}">`) }));
  await loupe.context.route(sheet, (route) => {
    sheetRequests++;
    return route.fulfill({ status: 200, contentType: 'text/css', body: 'body { margin: 0; }' });
  });
  const findingsOf = async (url: string) => {
    const page = await loupe.context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    await expect(panel.locator('main[data-a11y="done"]')).toBeVisible({ timeout: 60_000 });
    const { result } = await panelResult(panel);
    if (!result?.ok) throw new Error('inspection failed');
    await page.close();
    return new Map(result.evaluation.findings.map((f) => [f.id, f]));
  };
  try {
    // Its sheets are all readable in place: the orientation lock is decided (RGAA 13.9).
    const read = await findingsOf(inPlace);
    expect(read.get('axe/violation:css-orientation-lock')).toMatchObject({ severity: 'problem', data: { rgaa: ['13.9'] } });
    // An experimental axe rule (off in a plain axe.run) does not take the spanning header for a fake caption.
    expect(read.has('axe/violation:table-fake-caption')).toBe(false);
    // A sheet of another origin: axe would fetch it again to read it; it is not read, the lock is left to a person.
    const notRead = await findingsOf(elsewhere);
    expect(notRead.has('axe/violation:css-orientation-lock')).toBe(false);
    expect(sheetRequests).toBe(1);
  } finally {
    await loupe.context.unroute(inPlace);
    await loupe.context.unroute(elsewhere);
    await loupe.context.unroute(sheet);
  }
});
