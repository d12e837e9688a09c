import { z } from 'zod';

// What an observed reload saw (issue 23): the page's own calls caught from its first instruction by Loupe's hooks
// in the page's world (entrypoints/observer-main.ts), the browser's request log where the person granted it, the
// cookies, and what Loupe typed. Everything here came from the page or crossed from it, so it is parsed here with
// caps on every list; the counts say how much was left out. Detectors read it as the `observation` artifact.

const str = (max: number) => z.string().max(max);
/** An address, cut rather than refused: a page may build very long ones. */
const addr = z.string().transform((s) => s.slice(0, 4096));

import { OBSERVE_LIMITS } from './limits';

export { OBSERVE_LIMITS };

/** The forms of a typed value looked for in what leaves the page (lib/observe/encodings.ts). */
export const ENCODINGS = ['raw', 'url', 'base64', 'md5', 'sha1', 'sha256', 'sha512'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How a request left the page. `browser`: the browser's own log (webRequest), which sees frames and every kind. */
export const REQUEST_VIAS = ['fetch', 'xhr', 'beacon', 'image', 'websocket', 'browser'] as const;
export const requestVia = z.enum(REQUEST_VIAS);

export const observedRequestSchema = z.object({
  url: addr,
  method: str(20),
  via: requestVia,
  /** The body as text (form data as `name=value&…`), cut at OBSERVE_LIMITS.body; absent when there was none. */
  body: z.string().transform((s) => s.slice(0, OBSERVE_LIMITS.body)).optional(),
  /** The script whose call sent it (first page address on the call's stack), when known. */
  script: addr.optional(),
  /** Milliseconds since the observation started. */
  t: z.number(),
});
export type ObservedRequest = z.infer<typeof observedRequestSchema>;

/** A listener a script added for the keys or the pointer (key logging, session recording). */
export const listenerSchema = z.object({ type: str(40), script: addr, target: z.enum(['window', 'document', 'field', 'other']) });

/** What one script did to one canvas: enough to tell a fingerprint from a drawing (lib/detectors/observed-canvas.ts). */
export const canvasUseSchema = z.object({
  canvas: z.number().int(),
  script: addr,
  width: z.number(),
  height: z.number(),
  /** Characters written with fillText / strokeText. */
  textChars: z.number(),
  /** Distinct fill / stroke styles used. */
  colors: z.number(),
  /** save() or restore() called: what drawing code does, and a fingerprint has no need of. */
  saveRestore: z.boolean(),
  /** How it was read back, with the size of the largest getImageData. */
  reads: z.array(z.object({ via: z.enum(['toDataURL', 'toBlob', 'getImageData']), width: z.number(), height: z.number(), type: str(40).optional() })).max(20),
});
export type CanvasUse = z.infer<typeof canvasUseSchema>;

/**
 * What one script did with one Web Audio context: enough to tell a fingerprint (a generated signal rendered and read,
 * never heard) from a page that plays or shows sound (lib/detectors/observed-audio.ts).
 */
export const audioUseSchema = z.object({
  context: z.number().int(),
  script: addr,
  /** An OfflineAudioContext (renders into memory, never to the speakers). */
  offline: z.boolean(),
  /** Generated sources created on it: oscillator, constant. */
  generated: z.array(z.enum(['oscillator', 'constant'])).max(2),
  /** A DynamicsCompressorNode created on it (the usual amplifier of the machine's small differences). */
  compressor: z.boolean(),
  /** Recorded or decoded sound fed to it: a buffer source, a media element or stream, decodeAudioData. */
  media: z.boolean(),
  /** Something connected to its destination, other than a gain node set to 0, in a context that runs (heard). */
  audible: z.boolean(),
  /** A rendered buffer of it was given to a buffer source to be played afterwards. */
  replayed: z.boolean(),
  /** How its output was read back: samples of a rendered buffer, or an analyser's data. */
  reads: z.array(z.enum(['getChannelData', 'copyFromChannel', 'analyser'])).max(3),
});
export type AudioUse = z.infer<typeof audioUseSchema>;

/** What one script did with one WebGL context: parameters swept, pixels read, whether it was shown (observed-webgl). */
export const webglUseSchema = z.object({
  canvas: z.number().int(),
  script: addr,
  /** The unmasked GPU vendor or renderer read (WEBGL_debug_renderer_info). */
  unmasked: z.boolean(),
  /** getSupportedExtensions() called. */
  extensions: z.boolean(),
  /** Distinct getParameter names read. */
  params: z.number(),
  /** Distinct getShaderPrecisionFormat (shader, precision) pairs read. */
  precisions: z.number(),
  /** A draw call made (drawArrays / drawElements). */
  drew: z.boolean(),
  /** Pixels read back: readPixels of at least 16×16, or toDataURL / toBlob of the canvas. */
  readBack: z.array(z.enum(['readPixels', 'toDataURL', 'toBlob'])).max(3),
  /** The canvas was on the page and took some room when last reported (an engine draws where it is seen). */
  visible: z.boolean(),
});
export type WebglUse = z.infer<typeof webglUseSchema>;

/**
 * A click of the person (a trusted event: Loupe never clicks) on a button, with the ids and classes of the elements
 * around it: whether it answered a consent banner, and how, is judged outside the page (lib/detectors/consent.ts).
 */
export const consentClickSchema = z.object({
  /** The button's text (or value, or aria-label). */
  text: str(100),
  /** Ids and classes of the button and its ancestors, nearest first. */
  around: str(300),
  /** ms since the observation started. */
  t: z.number(),
});
export type ConsentClick = z.infer<typeof consentClickSchema>;

/** A script that set `font` on a canvas and measured text: how many distinct fonts it measured. */
export const fontProbeSchema = z.object({ script: addr, fonts: z.number() });

/** A script that watched the whole document's changes (MutationObserver on the document or body, subtree). */
export const recorderSchema = z.object({ script: addr });

export const TYPED_KINDS = ['email', 'text', 'search', 'tel', 'password', 'name'] as const;
/** A made-up value Loupe typed into a visible field (never the person's), and where. */
export const typedSchema = z.object({
  selector: str(500),
  /** The field's label or name, as the page shows it. */
  label: str(200),
  kind: z.enum(TYPED_KINDS),
  /** Whether the page marks it as a search box (type=search, role=searchbox…): a first-party suggestion is expected there. */
  search: z.boolean(),
  value: str(200),
  /** When typing began, ms since the observation started. */
  t: z.number(),
});
export type Typed = z.infer<typeof typedSchema>;

export const observedCookieSchema = z.object({
  name: str(300),
  domain: str(300),
  path: str(300),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  /** CHIPS: a cookie partitioned by the top-level site. */
  partitioned: z.boolean(),
  /** Seconds since the epoch; absent for a session cookie. */
  expires: z.number().optional(),
  /** Where it was read: the browser's cookie store (cookies permission) or a script's document.cookie write. */
  source: z.enum(['store', 'script']),
  /** Set or changed during the observation (not there, or with another value or expiry, before the reload). */
  setDuring: z.boolean(),
});
export type ObservedCookie = z.infer<typeof observedCookieSchema>;

/** What could not be observed, said in the report (message keys observe_notObserved_<reason>). */
export const NOT_OBSERVED = ['frames', 'request-log', 'cookie-store', 'no-fields', 'navigated', 'hooks', 'closed', 'late'] as const;
export const notObservedSchema = z.enum(NOT_OBSERVED);
export type NotObserved = z.infer<typeof notObservedSchema>;

const counted = z.object({ kept: z.number(), dropped: z.number() });

export const observationSchema = z.object({
  /** The page observed (after the reload). */
  url: addr,
  startedAt: z.number(),
  /** The window after "load" during which the page was watched, in ms. */
  windowMs: z.number(),
  /** Time from the reload to the page's "load", ms (the bench compares it to a plain reload). */
  loadMs: z.number().optional(),
  /** Time from the reload to the end of the observation, ms: its cost. */
  totalMs: z.number(),
  /** Why it ended: the window ran out, the page went to another origin, the tab closed. */
  ended: z.enum(['window', 'navigated', 'closed']),
  /** Where the page went, when it went to another origin. */
  navigatedTo: addr.optional(),
  typed: z.array(typedSchema).max(OBSERVE_LIMITS.typed),
  requests: z.array(observedRequestSchema).max(OBSERVE_LIMITS.requests),
  listeners: z.array(listenerSchema).max(OBSERVE_LIMITS.listeners),
  canvases: z.array(canvasUseSchema).max(OBSERVE_LIMITS.canvases),
  fonts: z.array(fontProbeSchema).max(OBSERVE_LIMITS.fonts),
  /** Absent in observations made before audio and WebGL were observed. */
  audio: z.array(audioUseSchema).max(OBSERVE_LIMITS.audio).default([]),
  webgl: z.array(webglUseSchema).max(OBSERVE_LIMITS.webgl).default([]),
  /** The person's clicks on buttons during the window, in order (absent before they were recorded). */
  clicks: z.array(consentClickSchema).max(OBSERVE_LIMITS.clicks).default([]),
  recorders: z.array(recorderSchema).max(OBSERVE_LIMITS.recorders),
  cookies: z.array(observedCookieSchema).max(OBSERVE_LIMITS.cookies),
  /** How many of each were seen and how many dropped past the caps. */
  counts: z.object({ requests: counted, listeners: counted, canvases: counted, cookies: counted, hookErrors: z.number() }),
  notObserved: z.array(notObservedSchema).max(NOT_OBSERVED.length),
});
export type Observation = z.infer<typeof observationSchema>;
export type ObservationInput = z.input<typeof observationSchema>;

/** What the page's world posts to the bridge, one message per event, parsed by the panel on arrival. */
export const hookEventSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('req'), r: observedRequestSchema }),
  z.object({ k: z.literal('listen'), l: listenerSchema }),
  z.object({ k: z.literal('canvas'), c: canvasUseSchema }),
  z.object({ k: z.literal('fonts'), f: fontProbeSchema }),
  z.object({ k: z.literal('audio'), a: audioUseSchema }),
  z.object({ k: z.literal('webgl'), g: webglUseSchema }),
  z.object({ k: z.literal('click'), c: consentClickSchema }),
  z.object({ k: z.literal('recorder'), r: recorderSchema }),
  z.object({ k: z.literal('cookie'), name: str(300), raw: str(4096), t: z.number() }),
  z.object({ k: z.literal('dropped'), what: z.enum(['requests', 'listeners', 'canvases']), n: z.number() }),
  z.object({ k: z.literal('error'), n: z.number() }),
  z.object({ k: z.literal('typed'), f: typedSchema }),
  /** The hooks' last batch, sent when the panel asked at the window's end. */
  z.object({ k: z.literal('flushed') }),
  /** The isolated world finished typing: how many fields it typed into. */
  z.object({ k: z.literal('typedAll'), n: z.number() }),
]);
export type HookEvent = z.infer<typeof hookEventSchema>;
