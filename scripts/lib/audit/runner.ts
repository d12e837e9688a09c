import type { Evaluation } from '../../../lib/detectors/finding';
import type { InspectResult } from '../../../lib/inspect/inspect-tab';
import { requestLogForPanel } from '../../../lib/inspect/browser-requests';
import { readPanelResult } from '../../../lib/inspect/result-channel';
import { PANEL_FINISHED, PANEL_HAS_FINDINGS } from '../panel';

// One browser with Loupe, whichever it is: the audit opens pages in it, several at once, and asks the panel.

export interface LoadedPage {
  /** The HTTP status of the main document (null for pages without one, such as about: or data:). */
  status: number | null;
  /** Where the browser ended, after redirections. */
  finalUrl: string;
  /**
   * Opens Loupe's panel bound to this page's tab and waits until it has finished, accessibility check included;
   * `onFastFindings` is called when the panel shows its first findings (the benchmark times it); `onMarks` gets the
   * panel's loupe:* performance marks (entrypoints/sidepanel/paint-marks.ts), read before the panel closes.
   */
  inspect(onFastFindings?: () => void, onMarks?: (marks: Record<string, number>) => void): Promise<InspectResult>;
  /** A JPEG of the page's viewport (Chromium only): the evidence that goes with the printable report. */
  screenshot?(quality: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface Runner {
  /** Loads a page; throws when no page could be reached (unreachable host, timeout). */
  open(url: string, timeoutMs: number): Promise<LoadedPage>;
  /** The printable report (report.html) of an evaluation as one self-contained HTML file (Chromium only). */
  reportHtml?(evaluation: Evaluation): Promise<string>;
  close(): Promise<void>;
}

export interface RunnerOptions {
  browserArgs: string[];
  /** Requests leaving 127.0.0.1 get an empty answer: the page's third-party tags stay visible, nothing goes out. */
  offline: boolean;
  /** Observe each page (the panel's observed reload, issue 23) for this long after load, in ms. */
  observeMs?: number | null;
}

export const isLocal = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) || !/^https?:/.test(url);

/** Runs `task` once the previous holder is done: a tiny lock for steps that must not interleave. */
function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** What the audit needs of a browser's pages, Playwright's or puppeteer's. */
interface AnyPage {
  url(): string;
  close(): Promise<void>;
}
interface AnyPanel extends AnyPage {
  waitForSelector(selector: string, opts: { timeout: number }): Promise<unknown>;
  evaluate(fn: string | (() => unknown)): Promise<unknown>;
}

/** A runner from a browser's few primitives: the page's life and the panel's reading are the same in every browser. */
export function makeRunner<P extends AnyPage>(b: {
  newPage(): Promise<P>;
  /**
   * Calls `onUrl` for every request the page makes, its frames' included, from before its navigation: the browser's
   * log, which the page cannot clear (lib/inspect/browser-requests.ts).
   */
  watchRequests(page: P, onUrl: (url: string) => void): void;
  /** Navigates and waits for "load"; resolves with the main document's HTTP status. */
  load(page: P, url: string, timeoutMs: number): Promise<number | null>;
  tabIdOf(page: P): Promise<number>;
  /**
   * `axeMs` bounds the accessibility check; past it the fast findings stand and the rules not checked are named.
   * `query` carries the rest of the panel's address (the request log).
   */
  openPanel(tabId: number, axeMs: number, query: string): Promise<AnyPanel>;
  screenshot?(page: P, quality: number): Promise<Buffer>;
  close(): Promise<void>;
}, observeMs?: number | null): Runner {
  // Finding a tab may bring it to the front (Chromium) or claim it (Firefox): two pages must not do that at once.
  const oneAtATime = serialized();
  return {
    async open(url, timeoutMs) {
      const page = await b.newPage();
      const requests: string[] = [];
      b.watchRequests(page, (u) => requests.push(u));
      try {
        const status = await b.load(page, url, timeoutMs);
        return {
          status,
          finalUrl: page.url(),
          async inspect(onFastFindings, onMarks) {
            // The accessibility check gets part of the page's time, so a slow axe never costs the whole evaluation.
            const tabId = await oneAtATime(() => b.tabIdOf(page));
            // With --observe the panel reloads the page under observation first (its own request log then).
            const query = observeMs ? `&observe=1&observeMs=${observeMs}` : `&requests=${encodeURIComponent(JSON.stringify(requestLogForPanel(requests)))}`;
            const panel = await b.openPanel(tabId, Math.round(timeoutMs * 0.4), query);
            // The observation's window and the reload's own load come on top of the page's time.
            const wait = timeoutMs + (observeMs ? observeMs + 30_000 : 0);
            try {
              if (onFastFindings) {
                await panel.waitForSelector(PANEL_HAS_FINDINGS, { timeout: wait });
                onFastFindings();
              }
              await panel.waitForSelector(PANEL_FINISHED, { timeout: wait });
              const { result } = await readPanelResult(panel);
              if (onMarks) onMarks(await readMarks(panel));
              return result;
            } finally {
              await panel.close();
            }
          },
          ...(b.screenshot ? { screenshot: (quality: number) => b.screenshot!(page, quality) } : {}),
          close: () => page.close(),
        };
      } catch (error) {
        await page.close();
        throw error;
      }
    },
    close: () => b.close(),
  };
}

/** The panel's loupe:* marks, once the finished evaluation's paint mark is there (a frame after the render). */
async function readMarks(panel: AnyPanel): Promise<Record<string, number>> {
  for (let i = 0; i < 50; i++) {
    const marks = (await panel.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('loupe:')).map((m) => [m.name, m.startTime])),
    )) as Record<string, number>;
    if ('loupe:painted:done' in marks) return marks;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {};
}
