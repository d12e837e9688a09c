import { z } from 'zod';
import { LIMITS } from '../snapshot/limits';
import type { PageSnapshot } from '../snapshot/schema';

// The headless audit watches the browser's own request log while the page loads (scripts/lib/audit/runner-*.ts)
// and hands it to the panel (?requests=…). A page can erase its resource timeline (clearResourceTimings) and
// remove the tags that fetched: the browser's log it cannot touch. Requests the log holds and the timeline does not
// are added to the snapshot's resources, so the tracker and third-party detectors classify them like any other,
// and the limits say how many came from the log and to which third-party hosts.

const BROWSER_REQUESTS_MAX = 300;
const URL_MAX = 1500;

/** What crosses into the panel's address: untrusted (any page of the extension could be opened with it). */
const browserRequestsSchema = z.array(z.string().max(URL_MAX).regex(/^https?:\/\//i)).max(BROWSER_REQUESTS_MAX);

/** Parses the `requests` query parameter; anything malformed is dropped whole, as if no log had been given. */
export function parseBrowserRequests(param: string | null): string[] | undefined {
  if (!param) return undefined;
  try {
    const parsed = browserRequestsSchema.safeParse(JSON.parse(param));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The log's web requests, deduplicated and cut to what the panel's address can carry. */
export function requestLogForPanel(urls: readonly string[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    if (out.size >= BROWSER_REQUESTS_MAX) break;
    if (/^https?:\/\//i.test(u) && u.length <= URL_MAX) out.add(u);
  }
  return [...out];
}

const withoutHash = (u: string) => u.replace(/#.*$/, '');
const hostOf = (u: string) => {
  try {
    return new URL(u).hostname;
  } catch {
    return '';
  }
};

/**
 * Adds to the snapshot the requests the browser saw and the page's timeline does not hold; records in its limits
 * how many and the hosts other than the page's own. `thirdParty` decides which hosts are named.
 */
export function addBrowserRequests(snapshot: PageSnapshot, urls: readonly string[], thirdParty: (url: string) => boolean): void {
  const known = new Set([withoutHash(snapshot.url), ...snapshot.resources.map((r) => withoutHash(r.url))]);
  const hosts = new Set<string>();
  let added = 0;
  for (const u of urls) {
    const key = withoutHash(u);
    if (known.has(key) || snapshot.resources.length >= LIMITS.resources) continue;
    known.add(key);
    snapshot.resources.push({ url: u, initiatorType: 'browser-log', transferSize: 0, encodedBodySize: 0, startTime: 0 });
    added++;
    if (thirdParty(u)) hosts.add(hostOf(u));
  }
  if (added > 0) snapshot.limits.browserLog = { added, thirdPartyHosts: [...hosts].filter(Boolean).sort().slice(0, 20) };
}
