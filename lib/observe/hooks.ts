import type { HookEvent } from './schema';
import { OBSERVE_LIMITS } from './limits';
import { scriptOfStack } from './stack';

// Loupe's hooks in the page's own world, installed at document_start of an observed reload only
// (entrypoints/observer-main.ts). They wrap the calls through which a page sends data away (fetch, XHR, beacons,
// images, WebSocket), listens to keys and the pointer, watches the document's changes, draws and reads canvases,
// renders and reads Web Audio, queries and reads WebGL, and writes cookies. Rules kept here:
// - the page's own call always runs, with its own arguments, and returns what it would have (a hook that fails is
//   counted and skipped: `safe`);
// - the originals are taken before any page script runs, and the wrappers print as the originals do, so a page
//   that checks `fetch.toString()` sees native code;
// - everything kept is capped (OBSERVE_LIMITS), past the caps only counted.

type Post = (e: HookEvent) => void;

const KEY_TYPES = new Set(['keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput']);
const POINTER_TYPES = new Set(['mousemove', 'mousedown', 'mouseup', 'click', 'pointermove', 'pointerdown', 'touchstart', 'touchmove', 'scroll', 'wheel']);

/** The smallest readPixels counted as reading a drawing back (as for canvases: observed-canvas's 16×16). */
const CANVAS_MIN_READ = 16;

/** Events are sent in batches: a page that floods (10,000 requests) costs a few messages, not one per request. */
const BATCH = 250;
const FLUSH_MS = 50;

/** Installs the hooks; returns the flush the bridge calls at the window's end (then the batch says `flushed`). */
export function installHooks(w: Window & typeof globalThis, send: (batch: { k: 'batch'; events: HookEvent[] }) => void, now: () => number): (last?: boolean) => void {
  const { Error: Err, WeakMap: WM, Reflect: R, Object: O, String: S, Set: SetC } = w;
  const originalToString = w.Function.prototype.toString;
  const addListenerOriginal = w.EventTarget.prototype.addEventListener;
  // Taken before any page script: a page that replaces JSON.stringify does not change what the hooks compare.
  const stringify = w.JSON.stringify;
  const setTimer = w.setTimeout.bind(w);
  const disguised = new WM<object, object>();
  const counts = { requests: 0, listeners: 0, canvases: 0, errors: 0 };
  const script = () => scriptOfStack(new Err().stack);

  // Each batch ends with the counts so far: what was dropped past the caps and the hooks' own errors.
  let queue: HookEvent[] = [];
  let scheduled = false;
  const flush = (last = false) => {
    scheduled = false;
    const events = queue;
    queue = [];
    if (last) events.push({ k: 'flushed' });
    if (counts.requests > OBSERVE_LIMITS.requests) events.push({ k: 'dropped', what: 'requests', n: counts.requests - OBSERVE_LIMITS.requests });
    if (counts.listeners > OBSERVE_LIMITS.listeners) events.push({ k: 'dropped', what: 'listeners', n: counts.listeners - OBSERVE_LIMITS.listeners });
    if (counts.canvases > OBSERVE_LIMITS.canvases) events.push({ k: 'dropped', what: 'canvases', n: counts.canvases - OBSERVE_LIMITS.canvases });
    if (counts.errors > 0) events.push({ k: 'error', n: counts.errors });
    if (events.length) send({ k: 'batch', events });
  };
  const end = (last?: boolean) => flush(!!last);
  const post: Post = (e) => {
    queue.push(e);
    if (queue.length >= BATCH) flush();
    else if (!scheduled) {
      scheduled = true;
      setTimer(flush, FLUSH_MS);
    }
  };
  const later = () => {
    if (!scheduled) {
      scheduled = true;
      setTimer(flush, FLUSH_MS);
    }
  };

  const safe = (f: () => void) => {
    try {
      f();
    } catch {
      counts.errors++;
      later();
    }
  };
  // The wrapper answers toString() as the original would.
  w.Function.prototype.toString = new Proxy(originalToString, {
    apply(target, self, args) {
      return R.apply(target, disguised.get(self as object) ?? self, args);
    },
  });

  function wrap<T extends object>(owner: T, name: keyof T & string, around: (original: (...a: unknown[]) => unknown) => (this: unknown, ...a: unknown[]) => unknown) {
    const original = owner[name] as unknown as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    const wrapper = around(original);
    disguised.set(wrapper, original);
    O.defineProperty(wrapper, 'name', { value: original.name });
    O.defineProperty(wrapper, 'length', { value: original.length });
    (owner as Record<string, unknown>)[name] = wrapper;
  }
  function wrapSetter(proto: object, prop: string, onSet: (self: unknown, value: unknown) => void) {
    const d = O.getOwnPropertyDescriptor(proto, prop);
    if (!d?.set) return;
    const set = d.set;
    const wrapper = function (this: unknown, value: unknown) {
      safe(() => onSet(this, value));
      return R.apply(set, this, [value]);
    };
    disguised.set(wrapper, set);
    O.defineProperty(proto, prop, { ...d, set: wrapper });
  }

  const bodyText = (body: unknown): string | undefined => {
    if (body === undefined || body === null) return undefined;
    if (typeof body === 'string') return body.slice(0, OBSERVE_LIMITS.body);
    if (body instanceof w.URLSearchParams) return body.toString().slice(0, OBSERVE_LIMITS.body);
    if (body instanceof w.FormData) {
      const parts: string[] = [];
      body.forEach((v, k) => parts.push(`${k}=${typeof v === 'string' ? v : '[file]'}`));
      return parts.join('&').slice(0, OBSERVE_LIMITS.body);
    }
    if (body instanceof w.ArrayBuffer || w.ArrayBuffer.isView(body)) {
      const bytes = body instanceof w.ArrayBuffer ? new w.Uint8Array(body) : new w.Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      return new w.TextDecoder('utf-8', { fatal: false }).decode(bytes.slice(0, OBSERVE_LIMITS.body));
    }
    // A Blob is read asynchronously: its size is said, its content not.
    if (body instanceof w.Blob) return `[blob ${body.size}]`;
    return undefined;
  };
  const absolute = (u: unknown) => {
    try {
      return new w.URL(S(u), w.location.href).href;
    } catch {
      return S(u);
    }
  };
  const request = (via: 'fetch' | 'xhr' | 'beacon' | 'image' | 'websocket', url: unknown, method: string, body?: unknown) =>
    safe(() => {
      counts.requests++;
      if (counts.requests > OBSERVE_LIMITS.requests) return later();
      const b = bodyText(body);
      post({ k: 'req', r: { url: absolute(url).slice(0, 4096), method, via, ...(b === undefined ? {} : { body: b }), script: script(), t: now() } });
    });

  // ── sending ──────────────────────────────────────────────────────────────────────────────────────────────────
  wrap(w, 'fetch', (original) =>
    function (this: unknown, ...a: unknown[]) {
      safe(() => {
        const input = a[0];
        const init = (a[1] ?? {}) as { method?: string; body?: unknown };
        const isRequest = input instanceof w.Request;
        request('fetch', isRequest ? input.url : input, S(init.method ?? (isRequest ? input.method : 'GET')).toUpperCase(), init.body);
      });
      return R.apply(original, this, a);
    },
  );
  const xhrs = new WM<object, { method: string; url: string }>();
  wrap(w.XMLHttpRequest.prototype, 'open', (original) =>
    function (this: unknown, ...a: unknown[]) {
      safe(() => xhrs.set(this as object, { method: S(a[0]).toUpperCase(), url: absolute(a[1]) }));
      return R.apply(original, this, a);
    },
  );
  wrap(w.XMLHttpRequest.prototype, 'send', (original) =>
    function (this: unknown, ...a: unknown[]) {
      const o = xhrs.get(this as object);
      if (o) request('xhr', o.url, o.method, a[0]);
      return R.apply(original, this, a);
    },
  );
  wrap(w.Navigator.prototype, 'sendBeacon', (original) =>
    function (this: unknown, ...a: unknown[]) {
      request('beacon', a[0], 'POST', a[1]);
      return R.apply(original, this, a);
    },
  );
  wrapSetter(w.HTMLImageElement.prototype, 'src', (_self, value) => request('image', value, 'GET'));
  wrap(w.WebSocket.prototype, 'send', (original) =>
    function (this: unknown, ...a: unknown[]) {
      safe(() => request('websocket', (this as WebSocket).url, 'SEND', a[0]));
      return R.apply(original, this, a);
    },
  );

  // ── listening and watching ───────────────────────────────────────────────────────────────────────────────────
  wrap(w.EventTarget.prototype, 'addEventListener', (original) =>
    function (this: unknown, ...a: unknown[]) {
      safe(() => {
        const type = S(a[0]);
        if (!KEY_TYPES.has(type) && !POINTER_TYPES.has(type)) return;
        const s = script();
        if (!s) return;
        counts.listeners++;
        if (counts.listeners > OBSERVE_LIMITS.listeners) return later();
        const target = this === w ? 'window' : this === w.document ? 'document' : this instanceof w.HTMLInputElement || this instanceof w.HTMLTextAreaElement ? 'field' : 'other';
        post({ k: 'listen', l: { type, script: s, target } });
      });
      return R.apply(original, this, a);
    },
  );
  const recorders = new SetC<string>();
  wrap(w.MutationObserver.prototype, 'observe', (original) =>
    function (this: unknown, ...a: unknown[]) {
      safe(() => {
        const [target, options] = a as [unknown, { subtree?: boolean } | undefined];
        const d = w.document;
        // Watching the whole document: what a recorder does to replay the page (a widget watches its own node).
        if (!options?.subtree || (target !== d && target !== d.documentElement && target !== d.body)) return;
        const s = script();
        if (!s || recorders.has(s) || recorders.size >= OBSERVE_LIMITS.recorders) return;
        recorders.add(s);
        post({ k: 'recorder', r: { script: s } });
      });
      return R.apply(original, this, a);
    },
  );

  // ── canvases ─────────────────────────────────────────────────────────────────────────────────────────────────
  interface CanvasState { id: number; textChars: number; colors: Set<string>; saveRestore: boolean; reads: { via: 'toDataURL' | 'toBlob' | 'getImageData'; width: number; height: number; type?: string }[] }
  const canvases = new WM<object, CanvasState>();
  let canvasIds = 0;
  const stateOf = (canvas: unknown): CanvasState | undefined => {
    if (!canvas || typeof canvas !== 'object') return undefined;
    let s = canvases.get(canvas);
    if (!s) {
      s = { id: ++canvasIds, textChars: 0, colors: new SetC(), saveRestore: false, reads: [] };
      canvases.set(canvas, s);
    }
    return s;
  };
  const ctxProto = w.CanvasRenderingContext2D?.prototype;
  const read = (canvas: HTMLCanvasElement, via: 'toDataURL' | 'toBlob' | 'getImageData', width: number, height: number, type?: unknown) =>
    safe(() => {
      const st = stateOf(canvas)!;
      const s = script();
      if (!s) return;
      if (st.reads.length < 20) st.reads.push({ via, width, height, ...(typeof type === 'string' ? { type: type.slice(0, 40) } : {}) });
      counts.canvases++;
      if (counts.canvases > OBSERVE_LIMITS.canvases) return later();
      post({ k: 'canvas', c: { canvas: st.id, script: s, width: canvas.width, height: canvas.height, textChars: st.textChars, colors: st.colors.size, saveRestore: st.saveRestore, reads: [...st.reads] } });
    });
  if (ctxProto) {
    for (const name of ['fillText', 'strokeText'] as const) {
      wrap(ctxProto, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = stateOf((this as CanvasRenderingContext2D).canvas);
            if (st) st.textChars += S(a[0]).length;
          });
          return R.apply(original, this, a);
        },
      );
    }
    for (const name of ['save', 'restore'] as const) {
      wrap(ctxProto, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = stateOf((this as CanvasRenderingContext2D).canvas);
            if (st) st.saveRestore = true;
          });
          return R.apply(original, this, a);
        },
      );
    }
    for (const prop of ['fillStyle', 'strokeStyle']) {
      wrapSetter(ctxProto, prop, (self, value) => {
        const st = stateOf((self as CanvasRenderingContext2D).canvas);
        if (st && st.colors.size < 50) st.colors.add(S(value));
      });
    }
    wrap(ctxProto, 'getImageData', (original) =>
      function (this: unknown, ...a: unknown[]) {
        read((this as CanvasRenderingContext2D).canvas, 'getImageData', Math.abs(Number(a[2]) || 0), Math.abs(Number(a[3]) || 0));
        return R.apply(original, this, a);
      },
    );
    // Font probing: a script sets `font` and measures the same text again and again.
    const fontsByScript = new Map<string, Set<string>>();
    wrap(ctxProto, 'measureText', (original) =>
      function (this: unknown, ...a: unknown[]) {
        safe(() => {
          const font = S((this as CanvasRenderingContext2D).font);
          const s = script();
          if (!s) return;
          let set = fontsByScript.get(s);
          if (!set) {
            if (fontsByScript.size >= OBSERVE_LIMITS.fonts) return;
            fontsByScript.set(s, (set = new SetC()));
          }
          if (set.has(font) || set.size >= 1000) return;
          set.add(font);
          if (set.size % 10 === 0) post({ k: 'fonts', f: { script: s, fonts: set.size } });
        });
        return R.apply(original, this, a);
      },
    );
  }
  wrap(w.HTMLCanvasElement.prototype, 'toDataURL', (original) =>
    function (this: unknown, ...a: unknown[]) {
      const c = this as HTMLCanvasElement;
      read(c, 'toDataURL', c.width, c.height, a[0]);
      glImageRead(c, 'toDataURL');
      return R.apply(original, this, a);
    },
  );
  wrap(w.HTMLCanvasElement.prototype, 'toBlob', (original) =>
    function (this: unknown, ...a: unknown[]) {
      const c = this as HTMLCanvasElement;
      read(c, 'toBlob', c.width, c.height, a[1]);
      glImageRead(c, 'toBlob');
      return R.apply(original, this, a);
    },
  );

  // ── the person's clicks (before and after consent) ─────────────────────────────────────────────────────────
  // Loupe never clicks: a trusted click is the person's, e.g. on a consent banner's "Refuser" during the window.
  // Listened to with the original addEventListener, in the capture phase of the window, before any page script
  // exists: the page can neither see this listener nor stop the click from reaching it. What the button says and
  // the ids and classes around it are sent; whether that answered a banner is judged outside the page.
  let clicksKept = 0;
  R.apply(addListenerOriginal, w, [
    'click',
    (ev: Event) =>
      safe(() => {
        if (!ev.isTrusted || clicksKept >= OBSERVE_LIMITS.clicks) return;
        const first = ev.composedPath()[0];
        const button = first instanceof w.Element ? first.closest('button, a, [role="button"], input[type="button"], input[type="submit"]') : null;
        if (!button) return;
        const text = (button instanceof w.HTMLInputElement ? button.value : button.textContent || button.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 100);
        const around: string[] = [];
        for (let el: Element | null = button, i = 0; el && i < 8; el = el.parentElement, i++) around.push(`${el.id} ${el.getAttribute('class') ?? ''}`.trim());
        clicksKept++;
        post({ k: 'click', c: { text, around: around.filter(Boolean).join(' ').slice(0, 300), t: now() } });
      }),
    true,
  ]);

  // ── Web Audio (audio fingerprinting: a generated signal rendered and read back, never heard) ─────────────────
  // Each context's state, reported (as canvases are) only when it changed: an analyser read 60 times a second by a
  // visualiser costs one report, not one per frame. Nothing here changes what the page's calls return.
  interface AudioState { id: number; offline: boolean; generated: Set<'oscillator' | 'constant'>; compressor: boolean; media: boolean; replayed: boolean; reads: Set<'getChannelData' | 'copyFromChannel' | 'analyser'>; toDestination: Set<object>; ctx: object; script?: string; last?: string }
  const audioStates = new WM<object, AudioState>();
  const renderedBuffers = new WM<object, AudioState>();
  let audioIds = 0;
  let audioKept = 0;
  const audioOf = (ctx: unknown): AudioState | undefined => {
    if (!ctx || typeof ctx !== 'object') return undefined;
    let st = audioStates.get(ctx);
    if (!st) {
      st = { id: ++audioIds, offline: !!w.OfflineAudioContext && ctx instanceof w.OfflineAudioContext, generated: new SetC(), compressor: false, media: false, replayed: false, reads: new SetC(), toDestination: new SetC(), ctx };
      audioStates.set(ctx, st);
    }
    return st;
  };
  const gainProto = w.GainNode?.prototype;
  const gainGet = gainProto ? O.getOwnPropertyDescriptor(gainProto, 'gain')?.get : undefined;
  const paramValueGet = w.AudioParam ? O.getOwnPropertyDescriptor(w.AudioParam.prototype, 'value')?.get : undefined;
  const nodeContextGet = w.AudioNode ? O.getOwnPropertyDescriptor(w.AudioNode.prototype, 'context')?.get : undefined;
  /** Heard: a node connected to a running output that is not a gain node turned down to 0 (the usual way to hide one). */
  const audible = (st: AudioState) => {
    if (st.offline) return false;
    for (const node of st.toDestination) {
      if (gainProto && gainGet && paramValueGet && node instanceof w.GainNode && R.apply(paramValueGet, R.apply(gainGet, node, []), []) === 0) continue;
      return true;
    }
    return false;
  };
  const reportAudio = (st: AudioState) => {
    const s = st.script ?? script();
    if (!s) return;
    st.script = s;
    const a = { context: st.id, script: s, offline: st.offline, generated: [...st.generated], compressor: st.compressor, media: st.media, audible: audible(st), replayed: st.replayed, reads: [...st.reads] };
    const sig = stringify(a);
    if (sig === st.last) return;
    if (st.last === undefined && ++audioKept > OBSERVE_LIMITS.audio) return;
    st.last = sig;
    post({ k: 'audio', a });
  };
  const baseAudio = w.BaseAudioContext?.prototype;
  if (baseAudio) {
    const marks: [string, (st: AudioState) => void][] = [
      ['createOscillator', (st) => st.generated.add('oscillator')],
      ['createConstantSource', (st) => st.generated.add('constant')],
      ['createDynamicsCompressor', (st) => (st.compressor = true)],
      ['createBufferSource', (st) => (st.media = true)],
      ['decodeAudioData', (st) => (st.media = true)],
    ];
    for (const [name, mark] of marks) {
      wrap(baseAudio as unknown as Record<string, unknown>, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = audioOf(this);
            if (st) mark(st);
          });
          return R.apply(original, this, a);
        },
      );
    }
  }
  if (w.AudioContext) {
    for (const name of ['createMediaElementSource', 'createMediaStreamSource', 'createMediaStreamTrackSource']) {
      wrap(w.AudioContext.prototype as unknown as Record<string, unknown>, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = audioOf(this);
            if (st) st.media = true;
          });
          return R.apply(original, this, a);
        },
      );
    }
  }
  if (w.AudioNode && nodeContextGet) {
    wrap(w.AudioNode.prototype, 'connect', (original) =>
      function (this: unknown, ...a: unknown[]) {
        safe(() => {
          if (w.AudioDestinationNode && a[0] instanceof w.AudioDestinationNode) audioOf(R.apply(nodeContextGet, this, []))?.toDestination.add(this as object);
        });
        return R.apply(original, this, a);
      },
    );
  }
  // The rendered buffer of an offline context: from startRendering's promise, or from the complete event, whose
  // handler runs before the promise's reactions (so both are followed).
  const originalThen = w.Promise.prototype.then;
  if (w.OfflineAudioContext) {
    wrap(w.OfflineAudioContext.prototype, 'startRendering', (original) =>
      function (this: unknown, ...a: unknown[]) {
        const result = R.apply(original, this, a);
        safe(() => {
          const st = audioOf(this);
          if (st && result instanceof w.Promise)
            R.apply(originalThen, result, [(buffer: unknown) => safe(() => void (buffer && typeof buffer === 'object' && renderedBuffers.set(buffer, st))), () => undefined]);
        });
        return result;
      },
    );
  }
  const completion = w.OfflineAudioCompletionEvent?.prototype;
  const renderedGet = completion ? O.getOwnPropertyDescriptor(completion, 'renderedBuffer') : undefined;
  if (completion && renderedGet?.get) {
    const get = renderedGet.get;
    const wrapper = function (this: unknown) {
      const buffer = R.apply(get, this, []) as unknown;
      safe(() => {
        const st = audioOf((this as Event).target);
        if (st && buffer && typeof buffer === 'object') renderedBuffers.set(buffer, st);
      });
      return buffer;
    };
    disguised.set(wrapper, get);
    O.defineProperty(completion, 'renderedBuffer', { ...renderedGet, get: wrapper });
  }
  if (w.AudioBuffer) {
    for (const name of ['getChannelData', 'copyFromChannel'] as const) {
      wrap(w.AudioBuffer.prototype, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = renderedBuffers.get(this as object);
            if (!st) return;
            st.reads.add(name);
            reportAudio(st);
          });
          return R.apply(original, this, a);
        },
      );
    }
  }
  if (w.AnalyserNode && nodeContextGet) {
    for (const name of ['getFloatFrequencyData', 'getByteFrequencyData', 'getFloatTimeDomainData', 'getByteTimeDomainData'] as const) {
      wrap(w.AnalyserNode.prototype, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const st = audioOf(R.apply(nodeContextGet, this, []));
            if (!st) return;
            st.reads.add('analyser');
            reportAudio(st);
          });
          return R.apply(original, this, a);
        },
      );
    }
  }
  if (w.AudioBufferSourceNode) {
    // A rendered buffer played afterwards: a synthesiser's sound, not a measurement.
    wrapSetter(w.AudioBufferSourceNode.prototype, 'buffer', (_self, value) => {
      const st = value && typeof value === 'object' ? renderedBuffers.get(value) : undefined;
      if (!st) return;
      st.replayed = true;
      if (st.last !== undefined) reportAudio(st);
    });
  }

  // ── WebGL (WebGL fingerprinting: the GPU named and its parameters swept, or a hidden drawing read back) ────────
  interface GlState { id: number; unmasked: boolean; extensions: boolean; params: Set<unknown>; precisions: Set<string>; drew: boolean; readBack: Set<'readPixels' | 'toDataURL' | 'toBlob'>; script?: string; last?: string }
  const glStates = new WM<object, GlState>();
  let glIds = 0;
  let glKept = 0;
  const glOf = (canvas: unknown, create = true): GlState | undefined => {
    if (!canvas || typeof canvas !== 'object') return undefined;
    let st = glStates.get(canvas);
    if (!st && create) {
      st = { id: ++glIds, unmasked: false, extensions: false, params: new SetC(), precisions: new SetC(), drew: false, readBack: new SetC() };
      glStates.set(canvas, st);
    }
    return st;
  };
  /** Shown: a canvas of the document that takes room and is not hidden (an OffscreenCanvas never is). */
  const shown = (canvas: unknown) => {
    if (!(canvas instanceof w.HTMLCanvasElement) || !canvas.isConnected) return false;
    const r = canvas.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && w.getComputedStyle(canvas).visibility !== 'hidden';
  };
  const reportGl = (canvas: unknown, st: GlState) => {
    const s = script() ?? st.script;
    if (!s) return;
    st.script = s;
    const g = { canvas: st.id, script: s, unmasked: st.unmasked, extensions: st.extensions, params: st.params.size, precisions: st.precisions.size, drew: st.drew, readBack: [...st.readBack], visible: shown(canvas) };
    const sig = stringify(g);
    if (sig === st.last) return;
    if (st.last === undefined && ++glKept > OBSERVE_LIMITS.webgl) return;
    st.last = sig;
    post({ k: 'webgl', g });
  };
  const UNMASKED = new SetC<unknown>([0x9245, 0x9246]); // UNMASKED_VENDOR_WEBGL, UNMASKED_RENDERER_WEBGL
  for (const gl of [w.WebGLRenderingContext, w.WebGL2RenderingContext]) {
    if (!gl) continue;
    const proto = gl.prototype as unknown as Record<string, unknown>;
    const canvasGet = O.getOwnPropertyDescriptor(gl.prototype, 'canvas')?.get;
    const canvasOf = (self: unknown) => (canvasGet ? R.apply(canvasGet, self, []) : undefined);
    const hook = (name: string, onCall: (canvas: unknown, st: GlState, a: unknown[]) => boolean) =>
      wrap(proto, name, (original) =>
        function (this: unknown, ...a: unknown[]) {
          safe(() => {
            const canvas = canvasOf(this);
            const st = glOf(canvas);
            if (st && onCall(canvas, st, a)) reportGl(canvas, st);
          });
          return R.apply(original, this, a);
        },
      );
    // Reported only on a change (a new parameter, a read): engines call these once at start, not per frame.
    hook('getParameter', (_c, st, a) => {
      const isNew = !st.params.has(a[0]) && st.params.size < 500;
      if (isNew) st.params.add(a[0]);
      if (UNMASKED.has(a[0]) && !st.unmasked) return (st.unmasked = true);
      return isNew;
    });
    hook('getSupportedExtensions', (_c, st) => !st.extensions && (st.extensions = true));
    hook('getShaderPrecisionFormat', (_c, st, a) => {
      const key = `${S(a[0])}:${S(a[1])}`;
      if (st.precisions.has(key) || st.precisions.size >= 100) return false;
      st.precisions.add(key);
      return true;
    });
    // Draw calls are the hot path of a 3D page: a flag, no report.
    for (const name of ['drawArrays', 'drawElements']) hook(name, (_c, st) => ((st.drew = true), false));
    hook('readPixels', (_c, st, a) => Math.abs(Number(a[2]) || 0) >= CANVAS_MIN_READ && Math.abs(Number(a[3]) || 0) >= CANVAS_MIN_READ && (st.readBack.add('readPixels'), true));
  }
  /** A WebGL canvas read back as an image (from the canvas hooks' toDataURL / toBlob). */
  const glImageRead = (canvas: unknown, via: 'toDataURL' | 'toBlob') =>
    safe(() => {
      const st = glOf(canvas, false);
      if (!st) return;
      st.readBack.add(via);
      reportGl(canvas, st);
    });

  // ── cookies written by scripts (the cookie store, with the cookies permission, sees the others) ─────────────
  wrapSetter(w.Document.prototype, 'cookie', (_self, value) => {
    const raw = S(value).slice(0, 4096);
    post({ k: 'cookie', name: raw.split('=')[0]!.trim().slice(0, 300), raw, t: now() });
  });
  return end;
}
