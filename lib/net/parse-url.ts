// Detectors read the same addresses again and again (each link by the legal-links, GAR, pricing, licence and
// tracker checks): parsing an address once per snapshot instead of once per detector took the detectors from about
// a third of their time in `new URL` (npm run bench -- gather) to one parse per address.

/** The parts of an absolute address that detectors read; frozen, since every caller shares it. */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

const MAX_ENTRIES = 20_000;
const cache = new Map<string, UrlParts | null>();

/** `new URL(url)` without a base, as its parts; null when the address does not parse. */
export function parseUrl(url: string): UrlParts | null {
  const known = cache.get(url);
  if (known !== undefined) return known;
  let parts: UrlParts | null = null;
  try {
    const u = new URL(url);
    parts = Object.freeze({ href: u.href, protocol: u.protocol, hostname: u.hostname, pathname: u.pathname, search: u.search, hash: u.hash });
  } catch {
    parts = null;
  }
  // A bound, not an LRU: one page holds far fewer addresses; a long session just starts the cache over.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(url, parts);
  return parts;
}

/** Starts the cache over: each snapshot pays for its own addresses (and a benchmark measures them cold). */
export function forgetParsedUrls(): void {
  cache.clear();
}

/** The last segment of the address's path, percent-decoded; '' when there is none or it does not decode. */
export function fileNameOf(url: string): string {
  const u = parseUrl(url);
  if (!u) return '';
  const last = u.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The host name of an address (lower case, no port), or '' when it has none. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname ?? '';
}
