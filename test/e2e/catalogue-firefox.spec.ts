import { expect, test } from '@playwright/test';
import { launchFirefoxWithLoupe } from '../../scripts/lib/firefox';
import { catalogueOf, catalogueText } from '../../lib/catalogue/publish';
import { generateDecisions } from '../support/catalogue';
import { catalogueServer, withValidators } from '../support/catalogue-server';

// The same subscription in a real Firefox (ESR over WebDriver BiDi): subscribed from the settings page, fetched by the
// background page (Firefox's own fetch, no cookie, no referrer), a 304 on demand, an error said with the copy kept.

test('Firefox: a subscription is fetched by the background, confirmed by a 304, and keeps its copy through an error', async () => {
  test.setTimeout(180_000);
  const server = await catalogueServer('127.0.0.1');
  let down = false;
  const ok = withValidators(() => catalogueText(catalogueOf(generateDecisions(12, 4), { academie: 'Académie de Lyon' })), () => '"f1"');
  server.route('/catalogue.json', (req, res) => (down ? void res.writeHead(500).end() : ok(req, res)));
  const ff = await launchFirefoxWithLoupe();
  try {
    const page = await ff.openExtensionPage('options.html');
    await page.waitForSelector('[data-testid="subscriptions:none"]');
    await page.type('[data-testid="subscribe-url"]', `${server.origin}/catalogue.json`);
    await page.click('[data-testid="subscribe"]');
    const item = '[data-testid="subscription"]';
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-entries') === '12', { timeout: 30_000 }, item);
    expect(await page.$eval(`${item} h3`, (e) => e.textContent)).toBe('Académie de Lyon');

    await page.click('[data-testid="subscription:refresh"]');
    await expect.poll(() => server.seen.filter((s) => s.headers['if-none-match'] === '"f1"').length, { timeout: 30_000 }).toBe(1);

    down = true;
    await page.click('[data-testid="subscription:refresh"]');
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-error') === 'http', { timeout: 30_000 }, item);
    expect(await page.$eval('[data-testid="subscription:error"]', (e) => e.textContent)).toContain('erreur HTTP 500');
    expect(await page.$eval(item, (e) => e.getAttribute('data-entries'))).toBe('12');
    for (const s of server.seen) {
      expect(s.headers.cookie).toBeUndefined();
      expect(s.headers.referer).toBeUndefined();
    }
  } finally {
    await ff.close();
    await server.close();
  }
});
