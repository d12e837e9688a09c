import type { CatalogueError, CatalogueFile } from '../model/catalogue';
import type { Validators } from '../storage/catalogues';
import { readCatalogueText } from './parse';

// Fetching a subscribed catalogue, from the background only: the whole file, never a per-page lookup; no cookies, no
// referrer, no HTTP cache of the browser's (Loupe sends its own validators, ETag and Last-Modified, so that an
// unchanged file costs a 304). Whatever goes wrong is answered as one reason; the caller keeps the last good copy.

/** Far above an académie's catalogue (10,000 resources ≈ 3.5 MB): a 50 MB answer is refused while it streams. */
export const CATALOGUE_MAX_BYTES = 20 * 1024 * 1024;

export interface FetchDeps {
  fetch: typeof fetch;
  /** Whether Loupe may still read that origin (the person can withdraw it in the browser at any time). */
  hasPermission: (origin: string) => Promise<boolean>;
  timeoutMs?: number;
  maxBytes?: number;
}


export type FetchOutcome =
  | { kind: 'fresh'; file: CatalogueFile; validators: Validators }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: Omit<CatalogueError, 'at'> };

/**
 * Loupe subscribes only to `https://` addresses; plain http is accepted on the loopback interface alone (a catalogue
 * served from this computer, as the tests do), which browsers treat as secure too.
 */
export function subscribableUrl(text: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return u;
  return undefined;
}

/** The pattern a host permission is asked and checked for: that one origin (match patterns carry no port). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

const failed = (error: Omit<CatalogueError, 'at'>): FetchOutcome => ({ kind: 'failed', error });

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes };
}

export async function fetchCatalogue(url: string, validators: Validators, deps: FetchDeps): Promise<FetchOutcome> {
  const u = subscribableUrl(url);
  if (!u) return failed({ code: 'not-https', detail: url.slice(0, 500) });
  if (!(await deps.hasPermission(u.origin).catch(() => false))) return failed({ code: 'permission', detail: u.origin });
  const max = deps.maxBytes ?? CATALOGUE_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 60_000);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: Response;
    try {
      response = await deps.fetch(u.href, {
        method: 'GET',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'follow',
        headers,
        signal: controller.signal,
      });
    } catch {
      return failed({ code: controller.signal.aborted ? 'timeout' : 'network', detail: u.origin });
    }
    // A redirect within the origin is the server's business; to another origin it is not the source subscribed to.
    if (response.url && new URL(response.url).origin !== u.origin) {
      await response.body?.cancel().catch(() => undefined);
      return failed({ code: 'redirected', detail: new URL(response.url).origin });
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return failed({ code: 'http', status: response.status });
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) {
      await response.body?.cancel().catch(() => undefined);
      return failed({ code: 'too-large', bytes: declared });
    }
    let read: Awaited<ReturnType<typeof readCapped>>;
    try {
      read = response.body ? await readCapped(response.body, max) : { bytes: new Uint8Array() };
    } catch {
      // The connection closed before the length it announced (or the last chunk): a truncated download.
      return failed({ code: controller.signal.aborted ? 'timeout' : 'truncated' });
    }
    if ('tooLarge' in read) return failed({ code: 'too-large', bytes: read.tooLarge });
    const checked = readCatalogueText(new TextDecoder().decode(read.bytes));
    if (!checked.ok) {
      const p = checked.problem;
      return failed(p.code === 'not-json' ? { code: 'not-json' } : p.code === 'schema' ? { code: 'schema', detail: p.field } : { code: p.code, detail: p.site });
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { kind: 'fresh', file: checked.file, validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } };
  } finally {
    clearTimeout(timer);
  }
}
