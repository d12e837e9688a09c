import { browser } from 'wxt/browser';
import { buildEvaluation } from '../export/evaluation';
import type { Evaluation } from '../export/schema';
import type { InspectResult } from '../inspect/inspect-tab';
import { runDetectors } from '../inspect/run-detectors';
import { AXE_PARTIAL, AXE_RUN } from '../inspect/page-globals';
import { BOUNDS, TimeoutError, withTimeout } from '../inspect/with-timeout';
import type { PageSnapshot } from '../snapshot/schema';
import { axeArtifactSchema, type AxeArtifact } from './artifact';
import { SLOW_RULES } from './slow-rules';
import { AXE_DETECTOR_ID, axeDetector } from './axe-findings';

// The accessibility check, run after the fast inspection: inject axe into every frame Loupe may reach, run it from
// the top frame (which collects the sub-frames' results), parse the reply, and add its findings to the evaluation.

export type AccessibilityResult =
  | { ok: true; artifact: AxeArtifact; evaluation: Evaluation; snapshot: PageSnapshot }
  | { ok: false; detail: string; evaluation: Evaluation; snapshot: PageSnapshot };

type AxeCut = NonNullable<PageSnapshot['limits']['axe']>;

/** Fast findings that an axe rule decides with more nuance: once axe has run, its verdict (and evidence) stands. */
const DECIDED_BY_AXE = new Set(['a11y-lang/missing', 'a11y-zoom/blocked']);

export interface AxeBounds {
  axeInject: number;
  axeRun: number;
  axeFrame: number;
}

export async function runAccessibility(tabId: number, inspected: Extract<InspectResult, { ok: true }>, bounds: AxeBounds = BOUNDS): Promise<AccessibilityResult> {
  const started = performance.now();
  const cut: AxeCut = { seconds: Math.round(bounds.axeRun / 1000) };
  let origins: string[];
  try {
    origins = await injectAxe(tabId, bounds.axeInject);
  } catch (error) {
    if (!(error instanceof TimeoutError)) return failed(inspected, error instanceof Error ? error.message : String(error), started);
    // A frame that never lets scripts in (<iframe src="javascript:false">) holds the all-frames injection forever:
    // the top frame is checked alone, and the frames are said not to be.
    cut.framesNotChecked = true;
    cut.seconds = Math.round(bounds.axeInject / 1000);
    try {
      origins = await injectAxe(tabId, bounds.axeInject, false);
    } catch (again) {
      return failed(inspected, again instanceof Error ? again.message : String(again), started, { ...cut, rulesNotChecked: ['*'] });
    }
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
    if (!(error instanceof TimeoutError)) return failed(inspected, error instanceof Error ? error.message : String(error), started, cut);
    // Past the bound: what axe found so far stands, the rules it did not reach are named.
    raw = await readPartial(tabId);
    cut.seconds = Math.round(bounds.axeRun / 1000);
    if (!raw) return failed(inspected, error.message, started, { ...cut, rulesNotChecked: ['*'] });
  }
  const parsed = axeArtifactSchema.safeParse(raw);
  if (!parsed.success) return failed(inspected, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), started, cut);
  const checked = parsed.data.checked;
  if (checked) cut.rulesNotChecked = checked.length === 0 ? ['*'] : SLOW_RULES.filter((id) => !checked.includes(id));
  const limited = cut.framesNotChecked || cut.rulesNotChecked?.length ? withCut(inspected, cut) : inspected;
  return { ok: true, artifact: parsed.data, evaluation: await withAxe(limited, parsed.data), snapshot: limited.snapshot };
}

/** Loads axe into every frame (or the top one only) and returns the origins of the frames it reached. */
async function injectAxe(tabId: number, ms: number, allFrames = true): Promise<string[]> {
  const target = allFrames ? { tabId, allFrames: true } : { tabId, frameIds: [0] };
  await withTimeout(browser.scripting.executeScript({ target, files: ['/axe.js'], injectImmediately: true }), ms, 'axe injection');
  const frames = await withTimeout(
    browser.scripting.executeScript({
      target,
      func: (key: string) => ((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)] ? location.origin : null),
      args: [AXE_RUN],
      injectImmediately: true,
    }),
    ms,
    'axe injection',
  );
  const origins = frames.map((f) => f.result).filter((o): o is string => typeof o === 'string' && /^https?:\/\/|^file:/.test(o));
  return [...new Set(origins)];
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

/** The inspection with the accessibility check's limits added to its snapshot's, so the panel and export say them. */
function withCut(inspected: Extract<InspectResult, { ok: true }>, cut: AxeCut): Extract<InspectResult, { ok: true }> {
  return { ...inspected, snapshot: { ...inspected.snapshot, limits: { ...inspected.snapshot.limits, axe: cut } } };
}

export async function withAxe(inspected: Extract<InspectResult, { ok: true }>, artifact: AxeArtifact): Promise<Evaluation> {
  const started = performance.now();
  const run = await runDetectors(inspected.snapshot, [axeDetector(artifact)], { now: Date.now() });
  const kept = inspected.evaluation.findings.filter((f) => !DECIDED_BY_AXE.has(f.id));
  const status = { ...run.detectors[0]!, ms: Math.round(performance.now() - started) + artifact.ms };
  return merge(inspected, [...kept, ...run.findings], status);
}

function failed(inspected: Extract<InspectResult, { ok: true }>, detail: string, started: number, cut?: AxeCut): AccessibilityResult {
  const status = { id: AXE_DETECTOR_ID, status: 'error' as const, error: detail.slice(0, 500), ms: Math.round(performance.now() - started) };
  const limited = cut ? withCut(inspected, cut) : inspected;
  return { ok: false, detail, evaluation: merge(limited, inspected.evaluation.findings, status), snapshot: limited.snapshot };
}

function merge(inspected: Extract<InspectResult, { ok: true }>, findings: Evaluation['findings'], status: Evaluation['detectors'][number]): Evaluation {
  const e = inspected.evaluation;
  const rebuilt = buildEvaluation(
    inspected.snapshot,
    { findings, detectors: [...e.detectors.filter((d) => d.id !== AXE_DETECTOR_ID), status] },
    { now: Date.parse(e.inspectedAt), id: e.id, version: e.loupeVersion },
  );
  return { ...rebuilt, ...(e.grid ? { grid: e.grid } : {}), ...(e.author ? { author: e.author } : {}) };
}
