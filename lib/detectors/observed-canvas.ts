import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import type { CanvasUse } from '../observe/schema';
import { defineDetector } from './types';

// Canvas fingerprinting, observed (issue 23), after Englehardt and Narayanan's criteria ("Online tracking: a
// 1-million-site measurement", 2016), which The Markup's Blacklight also follows:
// - canvas fingerprinting: a script reads back a canvas at least 16×16 (toDataURL / toBlob of the canvas, or a
//   getImageData of at least 16×16) on which at least 10 characters of text were written, and on which nobody
//   called save() or restore(): drawing code (a chart library exporting its PNG, a drawing app) saves and restores
//   the context; a fingerprint draws once and reads. A lossy export (image/jpeg, image/webp) is not a fingerprint.
// - canvas font fingerprinting: one script measures text in at least 50 distinct fonts (which fonts are installed).
// Both are problems on the "Traceurs et tiers" criterion. Audio and WebGL fingerprinting are not observed yet.

export const CANVAS_MIN_SIDE = 16;
export const CANVAS_MIN_TEXT = 10;
export const FONT_PROBES = 50;

export const observedCanvasData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('canvas'), script: z.string(), width: z.number(), height: z.number(), textChars: z.number(), reads: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('fonts'), script: z.string(), fonts: z.number() }),
]);

/** Whether one canvas, as one script read it, meets the fingerprinting criteria above. */
export function isCanvasFingerprint(c: CanvasUse): boolean {
  if (c.saveRestore || c.textChars < CANVAS_MIN_TEXT || c.width < CANVAS_MIN_SIDE || c.height < CANVAS_MIN_SIDE) return false;
  return c.reads.some((r) =>
    r.via === 'getImageData' ? r.width >= CANVAS_MIN_SIDE && r.height >= CANVAS_MIN_SIDE : !/^image\/(jpeg|webp)$/i.test(r.type ?? ''),
  );
}

export const observedCanvas = defineDetector({
  id: 'observed-canvas',
  category: 'trackers',
  data: observedCanvasData,
  requires: ['url'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const pageUrl = o.url || snapshot.url;
    const fingerprints = o.canvases.filter(isCanvasFingerprint);
    const fontProbes = o.fonts.filter((f) => f.fonts >= FONT_PROBES);
    if (fingerprints.length === 0 && fontProbes.length === 0) return [];
    const { findingsPerScriptHost } = await import('../trackers/destination');
    const canvases = await findingsPerScriptHost('canvas', fingerprints, pageUrl, (c, key, destination) => ({
      key,
      severity: 'problem',
      messageKey: 'observedCanvas_canvas',
      params: [destination, { count: c.textChars }],
      evidence: [{ url: c.script.slice(0, 500), text: `${c.width}×${c.height}, ${c.reads.map((r) => r.via).join(', ')}` }],
      data: { kind: 'canvas', script: c.script.slice(0, 500), width: c.width, height: c.height, textChars: c.textChars, reads: [...new Set(c.reads.map((r) => r.via))] },
    }));
    const fonts = await findingsPerScriptHost('fonts', fontProbes, pageUrl, (f, key, destination) => ({
      key,
      severity: 'problem',
      messageKey: 'observedCanvas_fonts',
      params: [destination, { count: f.fonts }],
      evidence: [{ url: f.script.slice(0, 500) }],
      data: { kind: 'fonts', script: f.script.slice(0, 500), fonts: f.fonts },
    }));
    return [...canvases, ...fonts];
  },
});

// Pages vérifiées : test/fixtures/pages/observe/ (canvas-fingerprint.html, chart-export.html), test/e2e/observe.spec.ts.
