import { isTrackerCategory, type TrackerCategory } from './categories';
import { parseUrl } from '../net/parse-url';

// The compact tracker lookup built from @ghostery/trackerdb by scripts/build-tracker-data.ts.
// trackerdb's own matcher (an adblock engine, 1.7 MB, ~45 µs a URL) is too heavy for the panel's first paint;
// this table answers "which tracker is this host?" by walking up the host's labels, with trackerdb's path rules
// (`||host/path`) for hosts where only some paths are trackers (googletagmanager.com/gtag/js, facebook.com/tr).

export interface CompactTrackerData {
  source: string;
  version: string;
  licence: string;
  /** Organisation key → [name, ISO country code or '', privacy-policy URL or '']. */
  organizations: Record<string, [string, string, string]>;
  /** Pattern key → [tracker name, category key, organisation key or '']. */
  patterns: Record<string, [string, string, string]>;
  /** Host (a domain or a subdomain) → pattern key. */
  hosts: Record<string, string>;
  /** Host → [path prefix (path and query), pattern key], longest prefix first. */
  paths: Record<string, [string, string][]>;
}

export interface TrackerMatch {
  pattern: string;
  name: string;
  category: TrackerCategory;
  organization: string;
  organizationName: string;
  country: string;
  privacyPolicy: string;
}

/** The pattern key for a URL's host and path, or undefined; walks from the full host up to its last label. */
export function lookupPattern(data: CompactTrackerData, host: string, pathAndQuery: string): string | undefined {
  let h = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const rules = Object.hasOwn(data.paths, h) ? data.paths[h] : undefined;
    if (rules) for (const [prefix, key] of rules) if (pathAndQuery.startsWith(prefix)) return key;
    if (Object.hasOwn(data.hosts, h)) return data.hosts[h];
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

export function describePattern(data: CompactTrackerData, key: string): TrackerMatch | undefined {
  const p = data.patterns[key];
  if (!p) return undefined;
  const [name, category, org] = p;
  const o = org ? data.organizations[org] : undefined;
  return {
    pattern: key,
    name,
    // The committed table holds trackerdb's categories only (test/unit/tracker-data.test.ts).
    category: isTrackerCategory(category) ? category : 'misc',
    // Patterns without an organisation in trackerdb stand for themselves.
    organization: org || `pattern:${key}`,
    organizationName: o?.[0] ?? name,
    country: o?.[1] ?? '',
    privacyPolicy: o?.[2] ?? '',
  };
}

export function matchUrl(data: CompactTrackerData, url: string): TrackerMatch | undefined {
  const u = parseUrl(url);
  if (!u) return undefined;
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') return undefined;
  const key = lookupPattern(data, u.hostname, u.pathname + u.search);
  return key ? describePattern(data, key) : undefined;
}
