import { siteOf } from '../net/site';
import type { NodeRef, PageSnapshot } from '../snapshot/schema';

export { siteOf };

// What the page loaded or sends data to, from the snapshot: elements that fetch (script, iframe, img, media,
// <link> that loads), form actions (where typed data goes) and every resource the Performance API recorded.
// Plain <a href> links are not requests and are left out.

export type RequestSource = 'script' | 'iframe' | 'image' | 'link' | 'media' | 'form' | 'resource' | 'hint';

export interface PageRequest {
  url: string;
  host: string;
  /** Registrable domain (tldts), or the host itself for IP addresses and local names. */
  site: string;
  thirdParty: boolean;
  source: RequestSource;
  /** The element that loaded it; resources from the Performance API have none. */
  ref?: NodeRef;
  /** From resource timing only: bytes on the wire, 0 when the browser may not say (cross-origin without TAO). */
  transferSize?: number;
}

// <link rel> tokens that make the browser fetch something; canonical, alternate… do not. Compared token by token:
// "dns-prefetch" is not "prefetch".
const LOADING_RELS = new Set(['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon']);
// Hints: the browser resolves a name or opens a connection, sends no content and loads nothing.
const HINT_RELS = new Set(['dns-prefetch', 'preconnect']);
const relTokens = (rel: string) => rel.toLowerCase().split(/\s+/).filter(Boolean);
const loads = (rel: string) => relTokens(rel).some((t) => LOADING_RELS.has(t));

export function pageRequests(snapshot: PageSnapshot): PageRequest[] {
  const page = siteOf(snapshot.url);
  const out: PageRequest[] = [];
  const seen = new Map<string, PageRequest>();
  const add = (url: string, source: RequestSource, ref?: NodeRef, transferSize?: number) => {
    const prev = seen.get(url);
    // One URL seen as an element and as a resource: keep the element (it can be shown) and the resource's size.
    // Looked up before the site is read: a page's images share a few addresses, each read once.
    if (prev) {
      if (transferSize !== undefined) prev.transferSize = transferSize;
      return;
    }
    const s = siteOf(url);
    if (!s) return;
    const r: PageRequest = { url, ...s, thirdParty: page ? s.site !== page.site : true, source, ref, transferSize };
    seen.set(url, r);
    out.push(r);
  };
  for (const x of snapshot.scripts) add(x.src, 'script', x.ref);
  for (const x of snapshot.iframes) add(x.src, 'iframe', x.ref);
  for (const x of snapshot.images) add(x.src, 'image', x.ref);
  for (const x of snapshot.media) add(x.src, 'media', x.ref);
  for (const x of snapshot.linkTags) if (loads(x.rel)) add(x.href, 'link');
  for (const x of snapshot.forms) if (x.action && !x.virtual) add(x.action, 'form', x.ref);
  for (const x of snapshot.resources) add(x.url, 'resource', undefined, x.transferSize);
  return out;
}

/** Hosts the page announces with dns-prefetch or preconnect: "annoncé, non chargé", never data sent. */
export function resourceHints(snapshot: PageSnapshot): PageRequest[] {
  const page = siteOf(snapshot.url);
  const out: PageRequest[] = [];
  for (const x of snapshot.linkTags) {
    if (loads(x.rel) || !relTokens(x.rel).some((t) => HINT_RELS.has(t))) continue;
    const s = siteOf(x.href);
    if (s && !out.some((r) => r.host === s.host)) out.push({ url: x.href, ...s, thirdParty: page ? s.site !== page.site : true, source: 'hint' });
  }
  return out;
}
