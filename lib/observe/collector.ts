import { hookEventSchema, OBSERVE_LIMITS, type NotObserved, type ObservationInput, type ObservedCookie, type ObservedRequest, type Typed } from './schema';

// Gathers what an observed reload reports, as it arrives, within the caps (OBSERVE_LIMITS), counting what it drops:
// the hooks' events (each parsed: they crossed from the page), the browser's request log, the cookie store before
// and after. Pure: lib/inspect/observe-tab.ts feeds it from the browser, the unit tests from plain objects.

/** A cookie as the browser's cookies API gives it (Chrome and Firefox share these fields). */
export interface StoreCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  session?: boolean;
  expirationDate?: number;
  partitionKey?: unknown;
}

/** A request as webRequest.onBeforeRequest gives it, with the body where the browser gave one. */
export interface BrowserRequest {
  url: string;
  method: string;
  timeStamp: number;
  frameId?: number;
  requestBody?: { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[] } | null;
}

const cookieKey = (c: { name: string; domain: string; path: string }) => `${c.name}\u0000${c.domain.replace(/^\./, '')}\u0000${c.path}`;

function bodyOf(r: BrowserRequest): string | undefined {
  const b = r.requestBody;
  if (!b) return undefined;
  if (b.formData) {
    return Object.entries(b.formData)
      .flatMap(([k, vs]) => vs.map((v) => `${k}=${v}`))
      .join('&')
      .slice(0, OBSERVE_LIMITS.body);
  }
  if (b.raw?.length) {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let text = '';
    for (const part of b.raw) if (part.bytes && text.length < OBSERVE_LIMITS.body) text += decoder.decode(new Uint8Array(part.bytes).slice(0, OBSERVE_LIMITS.body));
    return text.slice(0, OBSERVE_LIMITS.body);
  }
  return undefined;
}

export class ObservationCollector {
  readonly requests: ObservedRequest[] = [];
  readonly typed: Typed[] = [];
  private clicks: NonNullable<ObservationInput['clicks']> = [];
  typingDone = false;
  private listeners: ObservationInput['listeners'] = [];
  private canvases = new Map<string, ObservationInput['canvases'][number]>();
  private fonts = new Map<string, number>();
  private audio = new Map<string, NonNullable<ObservationInput['audio']>[number]>();
  private webgl = new Map<string, NonNullable<ObservationInput['webgl']>[number]>();
  private recorders = new Set<string>();
  private scriptCookies = new Map<string, { name: string; raw: string }>();
  private counts = { requests: { kept: 0, dropped: 0 }, listeners: { kept: 0, dropped: 0 }, canvases: { kept: 0, dropped: 0 }, cookies: { kept: 0, dropped: 0 }, hookErrors: 0 };
  private listenerKeys = new Set<string>();
  /** Events the page's world sent that did not parse: counted, never used. */
  refused = 0;
  /** Whether any report reached the panel from the page's world: without one the hooks did not run. */
  heard = false;
  /** The top frame's hooks sent their last batch when asked at the window's end. */
  flushed = false;

  constructor(private readonly startedAt: number) {}

  /** One event from the hooks or the bridge; `pageOrigin` turns the page's clock into the observation's. */
  hookEvent(raw: unknown, pageTimeOrigin = this.startedAt): void {
    // The hooks send batches (lib/observe/hooks.ts): each event is parsed on its own, a bad one costs only itself.
    const batch = raw as { k?: unknown; events?: unknown } | null;
    if (batch && batch.k === 'batch' && Array.isArray(batch.events)) {
      for (const e of batch.events.slice(0, 1000)) this.hookEvent(e, pageTimeOrigin);
      return;
    }
    const parsed = hookEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.refused++;
      return;
    }
    this.heard = true;
    const e = parsed.data;
    const shift = pageTimeOrigin - this.startedAt;
    switch (e.k) {
      case 'req':
        this.addRequest({ ...e.r, t: Math.round(e.r.t + shift) });
        break;
      case 'listen': {
        const key = `${e.l.type} ${e.l.script} ${e.l.target}`;
        if (this.listenerKeys.has(key)) break;
        this.listenerKeys.add(key);
        if (this.listeners.length < OBSERVE_LIMITS.listeners) {
          this.listeners.push(e.l);
          this.counts.listeners.kept++;
        } else this.counts.listeners.dropped++;
        break;
      }
      case 'canvas': {
        // The latest state of a canvas as one script read it replaces the earlier ones.
        const key = `${e.c.canvas} ${e.c.script}`;
        if (this.canvases.has(key) || this.canvases.size < OBSERVE_LIMITS.canvases) this.canvases.set(key, e.c);
        else this.counts.canvases.dropped++;
        break;
      }
      case 'fonts':
        this.fonts.set(e.f.script, Math.max(this.fonts.get(e.f.script) ?? 0, e.f.fonts));
        break;
      // As for canvases: the latest state of a context as one script used it replaces the earlier ones.
      case 'audio': {
        const key = `${e.a.context} ${e.a.script}`;
        if (this.audio.has(key) || this.audio.size < OBSERVE_LIMITS.audio) this.audio.set(key, e.a);
        break;
      }
      case 'webgl': {
        const key = `${e.g.canvas} ${e.g.script}`;
        if (this.webgl.has(key) || this.webgl.size < OBSERVE_LIMITS.webgl) this.webgl.set(key, e.g);
        break;
      }
      case 'click':
        if (this.clicks.length < OBSERVE_LIMITS.clicks) this.clicks.push({ ...e.c, t: Math.round(e.c.t + shift) });
        break;
      case 'recorder':
        if (this.recorders.size < OBSERVE_LIMITS.recorders) this.recorders.add(e.r.script);
        break;
      case 'cookie':
        if (this.scriptCookies.size < OBSERVE_LIMITS.cookies) this.scriptCookies.set(e.name, { name: e.name, raw: e.raw });
        break;
      case 'dropped':
        this.counts[e.what].dropped = Math.max(this.counts[e.what].dropped, e.n);
        break;
      case 'error':
        this.counts.hookErrors = Math.max(this.counts.hookErrors, e.n);
        break;
      case 'typed':
        if (this.typed.length < OBSERVE_LIMITS.typed) this.typed.push({ ...e.f, t: Math.round(e.f.t + shift) });
        break;
      case 'flushed':
        this.flushed = true;
        break;
      case 'typedAll':
        this.typingDone = true;
        break;
    }
  }

  /** One request of the browser's own log (webRequest), which sees every frame and kind. */
  browserRequest(r: BrowserRequest): void {
    const body = bodyOf(r);
    this.addRequest({ url: r.url.slice(0, 4096), method: r.method, via: 'browser', ...(body === undefined ? {} : { body }), t: Math.round(r.timeStamp - this.startedAt) });
  }

  private addRequest(r: ObservedRequest): void {
    if (this.requests.length < OBSERVE_LIMITS.requests) {
      this.requests.push(r);
      this.counts.requests.kept++;
    } else this.counts.requests.dropped++;
  }

  /**
   * The observation. `before` / `after`: the cookie store around the reload (absent without the cookies
   * permission: the cookies scripts wrote are kept instead, and the report says the store was not read).
   */
  result(o: {
    url: string;
    windowMs: number;
    loadMs?: number;
    totalMs: number;
    ended: ObservationInput['ended'];
    navigatedTo?: string;
    before?: readonly StoreCookie[];
    after?: readonly StoreCookie[];
    notObserved: NotObserved[];
  }): ObservationInput {
    const cookies: ObservedCookie[] = [];
    if (o.after) {
      const before = new Map((o.before ?? []).map((c) => [cookieKey(c), c]));
      for (const c of o.after) {
        const old = before.get(cookieKey(c));
        cookies.push({
          name: c.name.slice(0, 300),
          domain: c.domain.slice(0, 300),
          path: c.path.slice(0, 300),
          httpOnly: c.httpOnly,
          secure: c.secure,
          partitioned: c.partitionKey !== undefined && c.partitionKey !== null,
          ...(c.session || c.expirationDate === undefined ? {} : { expires: Math.round(c.expirationDate) }),
          source: 'store',
          setDuring: !old || old.value !== c.value || old.expirationDate !== c.expirationDate,
        });
      }
    } else {
      for (const { name, raw } of this.scriptCookies.values()) cookies.push(scriptCookie(name, raw, o.url, this.startedAt));
    }
    const kept = cookies.slice(0, OBSERVE_LIMITS.cookies);
    this.counts.cookies = { kept: kept.length, dropped: cookies.length - kept.length };
    const notObserved = new Set(o.notObserved);
    if (!this.heard) notObserved.add('hooks');
    if (this.typingDone && this.typed.length === 0) notObserved.add('no-fields');
    if (o.ended === 'navigated') notObserved.add('navigated');
    if (o.ended === 'closed') notObserved.add('closed');
    return {
      url: o.url,
      startedAt: this.startedAt,
      windowMs: o.windowMs,
      ...(o.loadMs === undefined ? {} : { loadMs: Math.round(o.loadMs) }),
      totalMs: Math.round(o.totalMs),
      ended: o.ended,
      ...(o.navigatedTo ? { navigatedTo: o.navigatedTo } : {}),
      typed: this.typed,
      requests: this.requests,
      listeners: this.listeners,
      canvases: [...this.canvases.values()],
      fonts: [...this.fonts].map(([script, fonts]) => ({ script, fonts })),
      audio: [...this.audio.values()],
      webgl: [...this.webgl.values()],
      clicks: this.clicks,
      recorders: [...this.recorders].map((script) => ({ script })),
      cookies: kept,
      counts: this.counts,
      notObserved: [...notObserved],
    };
  }
}

/** A cookie as a script wrote it (`name=value; max-age=…; expires=…; domain=…`): what document.cookie's hook saw. */
export function scriptCookie(name: string, raw: string, pageUrl: string, now: number): ObservedCookie {
  const attrs = new Map<string, string>();
  for (const part of raw.split(';').slice(1)) {
    const [k, ...v] = part.split('=');
    attrs.set(k!.trim().toLowerCase(), v.join('=').trim());
  }
  let expires: number | undefined;
  const maxAge = Number(attrs.get('max-age'));
  if (attrs.has('max-age') && Number.isFinite(maxAge)) expires = Math.round(now / 1000 + maxAge);
  else if (attrs.has('expires')) {
    const t = Date.parse(attrs.get('expires')!);
    if (Number.isFinite(t)) expires = Math.round(t / 1000);
  }
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    // An address that does not parse: the domain stays empty.
  }
  return {
    name: name.slice(0, 300),
    domain: (attrs.get('domain') || host).slice(0, 300),
    path: (attrs.get('path') || '/').slice(0, 300),
    httpOnly: false,
    secure: attrs.has('secure'),
    partitioned: attrs.has('partitioned'),
    ...(expires === undefined ? {} : { expires }),
    source: 'script',
    setDuring: true,
  };
}
