import { browser } from 'wxt/browser';
import { buildEvaluation } from '../export/evaluation';
import type { Evaluation } from '../export/schema';
import type { InspectResult } from '../inspect/inspect-tab';
import { runDetectors } from '../inspect/run-detectors';
import { axeArtifactSchema, type AxeArtifact } from './artifact';
import { AXE_DETECTOR_ID, axeDetector } from './axe-findings';
import { mergeWithAxe } from './merge-findings';

// The accessibility check, run after the fast inspection: inject axe into every frame Loupe may reach, run it from
// the top frame (which collects the sub-frames' results), parse the reply, and add its findings to the evaluation.

export type AccessibilityResult =
  | { ok: true; artifact: AxeArtifact; evaluation: Evaluation }
  | { ok: false; detail: string; evaluation: Evaluation };

export async function runAccessibility(tabId: number, inspected: Extract<InspectResult, { ok: true }>): Promise<AccessibilityResult> {
  const started = performance.now();
  let raw: unknown;
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/axe.js'] });
    const [top] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => (globalThis as unknown as Record<symbol, () => Promise<unknown>>)[Symbol.for('loupe.axe')]!(),
    });
    raw = top?.result;
  } catch (error) {
    return failed(inspected, error instanceof Error ? error.message : String(error), started);
  }
  const parsed = axeArtifactSchema.safeParse(raw);
  if (!parsed.success) return failed(inspected, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), started);
  return { ok: true, artifact: parsed.data, evaluation: await withAxe(inspected, parsed.data) };
}

export async function withAxe(inspected: Extract<InspectResult, { ok: true }>, artifact: AxeArtifact): Promise<Evaluation> {
  const started = performance.now();
  const run = await runDetectors(inspected.snapshot, [axeDetector(artifact)], { now: Date.now() });
  const status = { ...run.detectors[0]!, ms: Math.round(performance.now() - started) + artifact.ms };
  return merge(inspected, mergeWithAxe(inspected.evaluation.findings, run.findings), status);
}

function failed(inspected: Extract<InspectResult, { ok: true }>, detail: string, started: number): AccessibilityResult {
  const status = { id: AXE_DETECTOR_ID, status: 'error' as const, error: detail.slice(0, 500), ms: Math.round(performance.now() - started) };
  return { ok: false, detail, evaluation: merge(inspected, inspected.evaluation.findings, status) };
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
