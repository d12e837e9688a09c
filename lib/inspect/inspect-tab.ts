import { browser } from 'wxt/browser';
import { detectorList } from '../detectors/registry';
import type { ArtifactId } from '../detectors/types';
import { setBadge } from './badge';
import { inspectPage, type InspectionEvent, type InspectResult, type PageAccess } from './pipeline';

export type { InspectFailure, InspectionEvent, InspectResult, InspectStep, InspectSuccess } from './pipeline';

// The pipeline (lib/inspect/pipeline.ts) bound to a browser tab: the side panel calls it for a person, and the
// headless audit drives that same panel. The toolbar badge follows the phases.

/** The content script that produces each artifact in the page (every frame Loupe may reach), and how to ask it. */
const ARTIFACT_SCRIPTS: Record<ArtifactId, { file: '/content-scripts/axe.js'; symbol: string }> = {
  axe: { file: '/content-scripts/axe.js', symbol: 'loupe.axe' },
};

function tabAccess(tabId: number, url: string | undefined): PageAccess {
  return {
    url,
    async gather() {
      const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/inspector.js'] });
      return first?.result;
    },
    async artifact(id) {
      const script = ARTIFACT_SCRIPTS[id];
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [script.file] });
      // Run from the top frame, which collects the sub-frames' results.
      const [top] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: (symbol: string) => (globalThis as unknown as Record<symbol, () => Promise<unknown>>)[Symbol.for(symbol)]!(),
        args: [script.symbol],
      });
      return top?.result;
    },
  };
}

export async function inspectTab(tabId: number, onEvent: (event: InspectionEvent) => void = () => {}): Promise<InspectResult> {
  const tab = await browser.tabs.get(tabId);
  return inspectPage(tabAccess(tabId, tab.url), {
    detectors: detectorList,
    now: Date.now,
    id: crypto.randomUUID(),
    version: browser.runtime.getManifest().version,
    onEvent(event) {
      onEvent(event);
      if (event.phase === 'fast' || event.phase === 'done') void setBadge(tabId, event.result.evaluation);
      if (event.phase === 'failed') void setBadge(tabId, undefined);
    },
  });
}
