import { browser } from 'wxt/browser';
import { detectorList } from '../detectors/registry';
import { buildEvaluation } from '../export/evaluation';
import type { Evaluation } from '../export/schema';
import { pageSnapshotSchema, type PageSnapshot } from '../snapshot/schema';
import { reasonFromError, whyNotInspectable, type Uninspectable } from './inspectable';
import { notHtml, samePage } from './document-kind';
import { INSPECTOR_GATHER } from './page-globals';
import { runDetectors } from './run-detectors';
import { BOUNDS, TimeoutError, withTimeout } from './with-timeout';

// The one inspection path: the side panel calls it for a person, and the headless audit drives that same panel.

export type InspectResult =
  | { ok: true; evaluation: Evaluation; snapshot: PageSnapshot }
  | { ok: false; reason: Uninspectable | 'no-permission' | 'failed' | 'invalid-snapshot' | 'timeout' | 'not-html'; detail: string; url?: string };

/** The steps of an inspection, reported as they start so the panel can say what it is doing. */
export type InspectStep = 'gather' | 'detectors';

/** Loads the gather into the page (as soon as possible, even if the page never finishes loading) and runs it, bounded. */
async function gather(tabId: number): Promise<unknown> {
  await withTimeout(browser.scripting.executeScript({ target: { tabId }, files: ['/inspector.js'], injectImmediately: true }), BOUNDS.inject, 'injection');
  const [first] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId },
      func: (key: string) => (globalThis as unknown as Record<symbol, () => Promise<unknown>>)[Symbol.for(key)]!(),
      args: [INSPECTOR_GATHER],
      injectImmediately: true,
    }),
    BOUNDS.gather,
    'gather',
  );
  return first?.result;
}

export async function inspectTab(tabId: number, onStep: (step: InspectStep) => void = () => {}): Promise<InspectResult> {
  const tab = await browser.tabs.get(tabId);
  const why = whyNotInspectable(tab.url);
  if (why) return { ok: false, reason: why, detail: tab.url ?? '', url: tab.url };
  let raw: unknown;
  onStep('gather');
  try {
    raw = await gather(tabId);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof TimeoutError) return { ok: false, reason: 'timeout', detail: String(Math.round(error.ms / 1000)), url: tab.url };
    return { ok: false, reason: reasonFromError(detail, tab.url), detail, url: tab.url };
  }
  // The gather said what went wrong in the page: that, not the schema's complaint about an empty reply.
  const pageError = (raw as { loupeError?: unknown } | null)?.loupeError;
  if (typeof pageError === 'string') return { ok: false, reason: 'failed', detail: pageError.slice(0, 500), url: tab.url };
  const parsed = pageSnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-snapshot', detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), url: tab.url };
  }
  const kind = notHtml(parsed.data.limits.contentType);
  if (kind) return { ok: false, reason: 'not-html', detail: kind, url: parsed.data.url };
  // The page went elsewhere between the request and the gather: the report is of where it went, and says so.
  if (tab.url && !samePage(tab.url, parsed.data.url)) parsed.data.limits.navigatedFrom = tab.url.slice(0, 4096);
  const snapshot = parsed.data;
  const now = Date.now();
  onStep('detectors');
  const run = await runDetectors(snapshot, detectorList, { now });
  return {
    ok: true,
    snapshot,
    evaluation: buildEvaluation(snapshot, run, { now, id: crypto.randomUUID(), version: browser.runtime.getManifest().version }),
  };
}
