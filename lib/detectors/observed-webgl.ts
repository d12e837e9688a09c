import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import type { WebglUse } from '../observe/schema';
import { defineDetector } from './types';

// WebGL fingerprinting, observed (issue 23). Two ways are in use (fingerprinting libraries, and the studies that
// measured them: Englehardt and Narayanan 2016, FP-Inspector 2021), and either is enough:
// - the GPU named and its capabilities swept: the script reads the unmasked vendor or renderer
//   (WEBGL_debug_renderer_info) AND sweeps the context: getSupportedExtensions() with at least 20 distinct
//   getParameter names or 6 distinct getShaderPrecisionFormat pairs;
// - a drawing read back: it drew (drawArrays / drawElements) and read the pixels back, readPixels of at least
//   16×16 or toDataURL / toBlob of the canvas.
// In both, only on a canvas that is not shown: not in the document, without size, or visibility: hidden, or an
// OffscreenCanvas. The opposite case is a 3D viewer or a chart library: it queries MAX_TEXTURE_SIZE and a few caps
// (three.js reads about ten parameters and four precision formats), and some engines (Babylon.js, some map
// libraries) read the unmasked renderer once, for their own workarounds of a driver's bugs; they draw to a canvas
// on the page, and a screenshot button reads that shown canvas back. Reading the renderer alone is therefore not
// enough, and neither is a sweep on a shown canvas: what marks a fingerprint is a context made to be measured,
// never shown. A problem on the "Traceurs et tiers" criterion, as canvas fingerprinting.

export const WEBGL_SWEEP_PARAMS = 20;
export const WEBGL_SWEEP_PRECISIONS = 6;

export const observedWebglData = z.strictObject({
  kind: z.literal('webgl'),
  script: z.string(),
  /** Which of the two ways: the GPU named with a sweep, a drawing read back. */
  ways: z.array(z.enum(['parameters', 'pixels'])),
  params: z.number(),
  precisions: z.number(),
});

/** Which of the two ways above one WebGL context shows, as one script used it (none: not a fingerprint). */
export function webglFingerprintWays(g: WebglUse): ('parameters' | 'pixels')[] {
  if (g.visible) return [];
  const ways: ('parameters' | 'pixels')[] = [];
  if (g.unmasked && g.extensions && (g.params >= WEBGL_SWEEP_PARAMS || g.precisions >= WEBGL_SWEEP_PRECISIONS)) ways.push('parameters');
  if (g.drew && g.readBack.length > 0) ways.push('pixels');
  return ways;
}

export const observedWebgl = defineDetector({
  id: 'observed-webgl',
  category: 'trackers',
  data: observedWebglData,
  requires: ['url'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const prints = o.webgl.map((g) => ({ g, ways: webglFingerprintWays(g), script: g.script })).filter((p) => p.ways.length > 0);
    if (prints.length === 0) return [];
    const { findingsPerScriptHost } = await import('../trackers/destination');
    return findingsPerScriptHost('webgl', prints, o.url || snapshot.url, ({ g, ways }, key, destination) => {
      const detail = [
        ...(ways.includes('parameters') ? [`UNMASKED_RENDERER/VENDOR, getSupportedExtensions, ${g.params} getParameter, ${g.precisions} getShaderPrecisionFormat`] : []),
        ...(ways.includes('pixels') ? [g.readBack.join(', ')] : []),
      ];
      return {
        key,
        severity: 'problem',
        messageKey: ways.includes('parameters') ? 'observedWebgl_parameters' : 'observedWebgl_pixels',
        params: [destination],
        evidence: [{ url: g.script.slice(0, 500), text: detail.join(' ; ') }],
        data: { kind: 'webgl', script: g.script.slice(0, 500), ways, params: g.params, precisions: g.precisions },
      };
    });
  },
});

// Pages vérifiées : test/fixtures/observe/ (webgl-fingerprint.html, webgl-viewer.html), test/e2e/observe.spec.ts.
