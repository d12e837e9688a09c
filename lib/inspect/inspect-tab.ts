import { browser } from 'wxt/browser';
import { SLOW_RULES } from '../a11y/slow-rules';
import { detectorList } from '../detectors/registry';
import type { ArtifactId } from '../detectors/types';
import { setBadge } from './badge';
import type { Observation } from '../observe/schema';
import { AXE_PARTIAL, AXE_RUN, AXE_SEAL, INSPECTOR_GATHER, INSPECTOR_GENERATED } from './page-globals';
import { inspectPage, type InspectionEvent, type InspectResult, type PageAccess } from './pipeline';
import { BOUNDS, TimeoutError, withTimeout } from './with-timeout';

export type { InspectFailure, InspectionEvent, InspectResult, InspectStep, InspectSuccess } from './pipeline';

// The pipeline (lib/inspect/pipeline.ts) bound to a browser tab: the side panel calls it for a person, and the
// headless audit drives that same panel. The toolbar badge follows the phases. Every call into the page is bounded
// (lib/inspect/with-timeout.ts): a page that never finishes loading, a frame that never lets scripts in or a rule
// that never ends costs a known delay, never the report.

export interface AxeBounds {
  axeInject: number;
  axeRun: number;
  axeFrame: number;
}

/** What the accessibility check could not reach within its bounds; set here, on the artifact, never by the page. */
export interface AxeCut {
  seconds: number;
  rulesNotChecked?: string[];
  framesNotChecked?: boolean;
  /** Frames were checked, but their messages to the top frame could not be sealed (a plain-http page). */
  framesUnsealed?: boolean;
}

function tabAccess(tabId: number, url: string | undefined, bounds: AxeBounds, browserRequests?: readonly string[], observation?: Observation): PageAccess {
  return {
    url,
    browserRequests,
    ...(observation ? { offers: ['observation' as const] } : {}),
    async gather() {
      // As soon as possible (injectImmediately): a page that never finishes loading is read as it stands.
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
    },
    async artifact(id: ArtifactId) {
      // The observed reload ran before this inspection (lib/inspect/observe-tab.ts): its result is at hand.
      if (id === 'observation') return observation;
      if (id === 'generated') return generatedCode(tabId);
      if (id !== 'axe') throw new Error(`unknown artifact ${id}`);
      return axeArtifact(tabId, bounds);
    },
  };
}

/** The page's generated code, serialised by the inspector the gather left in the page (entrypoints/inspector.ts). */
async function generatedCode(tabId: number): Promise<unknown> {
  const [top] = await withTimeout(
    browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: (key: string) => (globalThis as unknown as Record<symbol, () => unknown>)[Symbol.for(key)]!(),
      args: [INSPECTOR_GENERATED],
      injectImmediately: true,
    }),
    BOUNDS.gather,
    'generated code',
  );
  return top?.result;
}

async function axeArtifact(tabId: number, bounds: AxeBounds): Promise<unknown> {
  const cut: AxeCut = { seconds: Math.round(bounds.axeRun / 1000) };
  // A key for this inspection's axe frame messages, known only to the isolated worlds Loupe injects
  // (lib/a11y/sealed-messenger.ts): a page script in a frame cannot forge an answer.
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
  let origins: string[];
  try {
    ({ origins, unsealed: cut.framesUnsealed } = await injectAxe(tabId, bounds.axeInject, secret));
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    // A frame that never lets scripts in (<iframe src="javascript:false">) can hold the all-frames injection: the
    // top frame is checked alone, and the frames are said not to be.
    cut.framesNotChecked = true;
    cut.seconds = Math.round(bounds.axeInject / 1000);
    ({ origins } = await injectAxe(tabId, bounds.axeInject, secret, false));
  }
  let raw: unknown;
  try {
    const [top] = await withTimeout(
      browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: (key: string, opts: unknown) => (globalThis as unknown as Record<symbol, (o: unknown) => Promise<unknown>>)[Symbol.for(key)]!(opts),
        args: [AXE_RUN, { allowedOrigins: origins, frameWaitMs: bounds.axeFrame }],
      }),
      bounds.axeRun,
      'axe',
    );
    raw = top?.result;
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    // Past the bound: what axe found so far stands, the rules it did not reach are named.
    raw = await readPartial(tabId);
    cut.seconds = Math.round(bounds.axeRun / 1000);
    // Nothing checked yet: an empty result would read as "no problem"; the check failed, and says so.
    const checked = (raw as { checked?: unknown[] } | null)?.checked;
    if (!raw || typeof raw !== 'object' || !checked?.length) throw error;
  }
  if (!raw || typeof raw !== 'object') return raw;
  const checked = (raw as { checked?: unknown }).checked;
  if (Array.isArray(checked)) cut.rulesNotChecked = SLOW_RULES.filter((r) => !checked.includes(r));
  return cut.framesNotChecked || cut.framesUnsealed || cut.rulesNotChecked?.length ? { ...raw, cut } : raw;
}

/**
 * Loads axe into every frame (or the top one only): the origins of the frames it reached, and whether frames had to
 * talk unsealed.
 */
async function injectAxe(tabId: number, ms: number, secret: string, allFrames = true): Promise<{ origins: string[]; unsealed?: true }> {
  const target = allFrames ? { tabId, allFrames: true } : { tabId, frameIds: [0] };
  await withTimeout(browser.scripting.executeScript({ target, files: ['/axe.js'], injectImmediately: true }), ms, 'axe injection');
  const frames = await withTimeout(
    browser.scripting.executeScript({
      target,
      func: (key: string) => {
        if (!(globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)]) return null;
        // WebCrypto exists in secure contexts only (https, 127.0.0.1): a plain-http frame cannot seal.
        return { origin: location.origin, canSeal: !!globalThis.crypto?.subtle };
      },
      args: [AXE_RUN],
      injectImmediately: true,
    }),
    ms,
    'axe injection',
  );
  // Frames of an opaque origin (data:, sandboxed) are never asked by axe (allowedOrigins below): they do not count.
  // Sealed only when every frame axe talks to can: a frame that could not would go unheard. Otherwise axe's own
  // messages stay, and the report says so (the README says what a page script in a frame can then do).
  const origins = [...new Set(frames.map((f) => f.result?.origin).filter((o): o is string => typeof o === 'string' && /^(https?|file):/.test(o)))];
  const talking = frames.filter((f) => f.result && origins.includes(f.result.origin));
  const sealed = talking.every((f) => f.result!.canSeal);
  if (sealed) {
    await withTimeout(
      browser.scripting.executeScript({
        target,
        func: (sealKey: string, key: string) => (globalThis as unknown as Record<symbol, ((s: string) => void) | undefined>)[Symbol.for(sealKey)]?.(key),
        args: [AXE_SEAL, secret],
        injectImmediately: true,
      }),
      ms,
      'axe injection',
    );
  }
  // A page alone has no frame messages to forge: only frames talking unsealed are worth a word in the report.
  return !sealed && talking.length > 1 ? { origins, unsealed: true } : { origins };
}

async function readPartial(tabId: number): Promise<unknown> {
  try {
    const [top] = await withTimeout(
      browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: (key: string) => (globalThis as unknown as Record<symbol, () => unknown>)[Symbol.for(key)]?.() ?? null,
        args: [AXE_PARTIAL],
      }),
      3_000,
      'axe partial results',
    );
    return top?.result ?? null;
  } catch {
    // The page is still busy in a rule: nothing can be read back.
    return null;
  }
}

/** `browserRequests`: the browser's log of the page's requests, given by the headless audit (lib/inspect/browser-requests.ts). */
export async function inspectTab(
  tabId: number,
  onEvent: (event: InspectionEvent) => void = () => {},
  bounds: AxeBounds = BOUNDS,
  browserRequests?: readonly string[],
  observation?: Observation,
): Promise<InspectResult> {
  const tab = await browser.tabs.get(tabId);
  return inspectPage(tabAccess(tabId, tab.url, bounds, browserRequests, observation), {
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
