import { describe, expect, it } from 'vitest';
import { isAudioFingerprint } from '../../lib/detectors/observed-audio';
import { webglFingerprintWays } from '../../lib/detectors/observed-webgl';
import { detectors } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { ObservationCollector } from '../../lib/observe/collector';
import { observationSchema, type AudioUse, type WebglUse } from '../../lib/observe/schema';
import { makeSnapshot } from '../helpers/make-snapshot';

// Audio and WebGL fingerprinting observed (issue 23): the pure rules of lib/detectors/observed-audio.ts and
// observed-webgl.ts, each criterion with the opposite case that must not flag. The browser side, with the hooks, is
// test/e2e/observe.spec.ts.

const SCRIPT = 'https://fp.tiers-exemple.com/f.js';

describe('audio fingerprinting', () => {
  const use = (over: Partial<AudioUse> = {}): AudioUse => ({ context: 1, script: SCRIPT, offline: true, generated: ['oscillator'], compressor: true, media: false, audible: false, replayed: false, reads: ['getChannelData'], ...over });
  it('a generated signal rendered offline and its samples read back is a fingerprint, with or without a compressor', () => {
    expect(isAudioFingerprint(use())).toBe(true);
    expect(isAudioFingerprint(use({ compressor: false, reads: ['copyFromChannel'] }))).toBe(true);
    expect(isAudioFingerprint(use({ generated: ['constant'] }))).toBe(true);
  });
  it('an AudioContext read through an analyser counts only when nothing is heard', () => {
    expect(isAudioFingerprint(use({ offline: false, reads: ['analyser'] }))).toBe(true);
    // A page that plays a note and draws its spectrum.
    expect(isAudioFingerprint(use({ offline: false, reads: ['analyser'], audible: true }))).toBe(false);
    // An AudioContext's samples are not rendered buffers: an analyser is its only read.
    expect(isAudioFingerprint(use({ offline: false, reads: ['getChannelData'] }))).toBe(false);
  });
  it('recorded sound, a rendered sound played afterwards, nothing generated or nothing read is not a fingerprint', () => {
    // A waveform viewer: a decoded file's samples.
    expect(isAudioFingerprint(use({ media: true }))).toBe(false);
    expect(isAudioFingerprint(use({ generated: [], media: true }))).toBe(false);
    // A synthesiser renders then plays.
    expect(isAudioFingerprint(use({ replayed: true }))).toBe(false);
    expect(isAudioFingerprint(use({ generated: [] }))).toBe(false);
    expect(isAudioFingerprint(use({ reads: [] }))).toBe(false);
  });
});

describe('WebGL fingerprinting', () => {
  const use = (over: Partial<WebglUse> = {}): WebglUse => ({ canvas: 1, script: SCRIPT, unmasked: true, extensions: true, params: 30, precisions: 12, drew: false, readBack: [], visible: false, ...over });
  it('the GPU named with a sweep of parameters or precisions, on a canvas never shown, is a fingerprint', () => {
    expect(webglFingerprintWays(use())).toEqual(['parameters']);
    expect(webglFingerprintWays(use({ params: 20, precisions: 0 }))).toEqual(['parameters']);
    expect(webglFingerprintWays(use({ params: 5, precisions: 6 }))).toEqual(['parameters']);
  });
  it('a hidden drawing read back is a fingerprint', () => {
    expect(webglFingerprintWays(use({ unmasked: false, drew: true, readBack: ['readPixels'] }))).toEqual(['pixels']);
    expect(webglFingerprintWays(use({ drew: true, readBack: ['toDataURL'] }))).toEqual(['parameters', 'pixels']);
  });
  it('an engine that reads the renderer once with a few caps, a small sweep, or anything on a shown canvas is not', () => {
    // Babylon.js-like: the renderer for its own workarounds, a dozen caps, no extension list.
    expect(webglFingerprintWays(use({ extensions: false, params: 12, precisions: 4 }))).toEqual([]);
    expect(webglFingerprintWays(use({ params: 19, precisions: 5 }))).toEqual([]);
    expect(webglFingerprintWays(use({ unmasked: false }))).toEqual([]);
    // A 3D viewer: a sweep and a screenshot of the canvas the person sees.
    expect(webglFingerprintWays(use({ visible: true, drew: true, readBack: ['toDataURL'] }))).toEqual([]);
    // Read back without a drawing (a blank canvas), or drawn and never read.
    expect(webglFingerprintWays(use({ unmasked: false, drew: false, readBack: ['readPixels'] }))).toEqual([]);
    expect(webglFingerprintWays(use({ unmasked: false, drew: true }))).toEqual([]);
  });
});

describe('the detectors and the collector', () => {
  const base = { url: 'https://www.editeur-exemple.fr/ressource', startedAt: 0, windowMs: 3000, totalMs: 4000, ended: 'window' as const, typed: [], requests: [], listeners: [], canvases: [], fonts: [], recorders: [], cookies: [], counts: { requests: { kept: 0, dropped: 0 }, listeners: { kept: 0, dropped: 0 }, canvases: { kept: 0, dropped: 0 }, cookies: { kept: 0, dropped: 0 }, hookErrors: 0 }, notObserved: [] };
  it('an observation made before audio and WebGL were observed still parses, with none', () => {
    expect(observationSchema.parse(base)).toMatchObject({ audio: [], webgl: [] });
  });
  it('the collector keeps the latest state of a context per script, and the detectors name the script\'s host', async () => {
    const c = new ObservationCollector(0);
    const audio: AudioUse = { context: 1, script: SCRIPT, offline: true, generated: ['oscillator'], compressor: true, media: false, audible: false, replayed: false, reads: ['getChannelData'] };
    c.hookEvent({ k: 'batch', events: [{ k: 'audio', a: audio }, { k: 'audio', a: { ...audio, context: 2, script: 'https://www.editeur-exemple.fr/synth.js' } }, { k: 'audio', a: { ...audio, context: 2, script: 'https://www.editeur-exemple.fr/synth.js', replayed: true } }] });
    c.hookEvent({ k: 'webgl', g: { canvas: 1, script: SCRIPT, unmasked: true, extensions: true, params: 25, precisions: 12, drew: true, readBack: ['readPixels'], visible: false } });
    c.hookEvent({ k: 'webgl', g: { canvas: 2, script: 'https://www.editeur-exemple.fr/viewer.js', unmasked: true, extensions: true, params: 25, precisions: 12, drew: true, readBack: ['toDataURL'], visible: true } });
    const o = observationSchema.parse(c.result({ url: base.url, windowMs: 3000, totalMs: 4000, ended: 'window', notObserved: [] }));
    expect(o.audio).toHaveLength(2);
    const r = await runDetectors(makeSnapshot(), [detectors['observed-audio'], detectors['observed-webgl']], { now: 0, artifacts: { observation: o } });
    expect(r.detectors.filter((d) => d.status !== 'ok')).toEqual([]);
    expect(r.findings.map((f) => `${f.id} ${f.severity} ${f.messageKey}`)).toEqual([
      'observed-audio/audio-fp.tiers-exemple.com problem observedAudio_audio',
      'observed-webgl/webgl-fp.tiers-exemple.com problem observedWebgl_parameters',
    ]);
    expect(r.findings[1]!.data).toEqual({ kind: 'webgl', script: SCRIPT, ways: ['parameters', 'pixels'], params: 25, precisions: 12 });
  });
});
