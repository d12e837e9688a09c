import { browser } from 'wxt/browser';
import { detectorList } from '../detectors/registry';
import { buildEvaluation } from '../export/evaluation';
import type { Evaluation } from '../export/schema';
import { pageSnapshotSchema, type PageSnapshot } from '../snapshot/schema';
import { reasonFromError, whyNotInspectable, type Uninspectable } from './inspectable';
import { runDetectors } from './run-detectors';

// The one inspection path: the side panel calls it for a person, and the headless audit drives that same panel.

export type InspectResult =
  | { ok: true; evaluation: Evaluation; snapshot: PageSnapshot }
  | { ok: false; reason: Uninspectable | 'no-permission' | 'failed' | 'invalid-snapshot'; detail: string; url?: string };

/** The steps of an inspection, reported as they start so the panel can say what it is doing. */
export type InspectStep = 'gather' | 'detectors';

export async function inspectTab(tabId: number, onStep: (step: InspectStep) => void = () => {}): Promise<InspectResult> {
  const tab = await browser.tabs.get(tabId);
  const why = whyNotInspectable(tab.url);
  if (why) return { ok: false, reason: why, detail: tab.url ?? '', url: tab.url };
  let raw: unknown;
  onStep('gather');
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/content-scripts/inspector.js'],
    });
    raw = first?.result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: reasonFromError(detail, tab.url), detail, url: tab.url };
  }
  const parsed = pageSnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-snapshot', detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), url: tab.url };
  }
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
