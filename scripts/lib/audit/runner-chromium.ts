import type { Evaluation } from '../../../lib/detectors/finding';
import { toRecord } from '../../../lib/storage/evaluations';
import { launchWithLoupe, tabIdOf, type LoupeBrowser } from '../chromium';
import { isLocal, makeRunner, type Runner, type RunnerOptions } from './runner';
import { putRecordInPage } from '../extension-db';

export async function chromiumRunner(opts: RunnerOptions): Promise<Runner> {
  const b = await launchWithLoupe({ browserArgs: opts.browserArgs });
  if (opts.offline) await b.context.route((u) => !isLocal(u.href), (route) => route.fulfill({ status: 204, body: '' }));
  const runner = makeRunner({
    newPage: () => b.context.newPage(),
    // Playwright's page events cover the page's frames; the routed (offline) requests are seen all the same.
    watchRequests: (page, onUrl) => page.on('request', (r) => onUrl(r.url())),
    async load(page, url, timeoutMs) {
      const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs / 2 }).catch((error: Error) => {
        // Browser pages (chrome://) and data: URLs load without a "load" Playwright can always see.
        if (/^(chrome|about|data|edge):/i.test(url)) return null;
        // A page that never finishes loading is inspected as it stands once half its time is up: Loupe reads what
        // is there, and the evaluation's limits say what could not be checked.
        if (error.name === 'TimeoutError' && page.url() !== 'about:blank') return null;
        throw error;
      });
      return response?.status() ?? null;
    },
    tabIdOf: (page) => tabIdOf(b, page),
    screenshot: (page, quality) => page.screenshot({ type: 'jpeg', quality }),
    async openPanel(tabId, axeMs, query) {
      const panel = await b.context.newPage();
      await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}&axeMs=${axeMs}${query}`);
      return panel;
    },
    close: () => b.close(),
  }, opts.observeMs);
  return { ...runner, reportHtml: (e) => reportHtml(b, e) };
}

/**
 * Loupe's own printable report for an evaluation, saved as one file to archive: the evaluation is written to the
 * extension's database (as the panel would), report.html renders it, and the rendered page is kept with its styles
 * inlined and its scripts left out, so the file opens anywhere, without Loupe.
 */
async function reportHtml(b: LoupeBrowser, evaluation: Evaluation): Promise<string> {
  const page = await b.context.newPage();
  try {
    // "Mes évaluations" opens (and so creates) the database, at its current version; its count shows once read.
    await page.goto(`chrome-extension://${b.extensionId}/evaluations.html`);
    await page.waitForSelector('[data-testid="list:count"]');
    const record = await toRecord(evaluation, 'done', Date.now());
    await putRecordInPage(page, record);
    await page.goto(`chrome-extension://${b.extensionId}/report.html?id=${encodeURIComponent(evaluation.id)}`);
    await page.waitForSelector('[data-testid="report:title"]');
    return await page.evaluate(() => {
      const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      doc.querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"]').forEach((n) => n.remove());
      const style = document.createElement('style');
      style.textContent = css;
      doc.querySelector('head')!.append(style);
      // The print button needs the extension's script; in the archived file the browser's own print does the same.
      doc.querySelectorAll('.no-print').forEach((n) => n.remove());
      // An archive shows everything: folded sections open, as the report opens them before printing.
      doc.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
      return `<!doctype html>\n${doc.outerHTML}\n`;
    });
  } finally {
    await page.close();
  }
}
