import { isThirdParty } from '../net/site';
import { TRACKING_CATEGORIES } from './categories';
import { describePattern, matchUrl, type CompactTrackerData, type TrackerMatch } from './compact';
import { parseUrl } from '../net/parse-url';

// One definition of "tracker" for every detector (trackers, consent, the before/after comparison): a third party
// that trackerdb lists in a category that follows visitors. A public CDN or a font service is trackerdb's "hosting":
// a third party that receives the request, not a tracker, unless trackerdb files it elsewhere.

/** What trackerdb knows of a third-party URL (any category), or undefined for first-party and unknown hosts. */
export function thirdPartyService(data: CompactTrackerData, url: string, pageUrl: string): TrackerMatch | undefined {
  return isThirdParty(url, pageUrl) ? specificMatch(data, url) : undefined;
}

export function isTracking(match: Pick<TrackerMatch, 'category'>): boolean {
  return TRACKING_CATEGORIES.includes(match.category);
}

/** The tracker behind a URL of the page: a third party trackerdb files as advertising, analytics or social. */
export function trackerOf(data: CompactTrackerData, url: string, pageUrl: string): TrackerMatch | undefined {
  const match = thirdPartyService(data, url, pageUrl);
  return match && isTracking(match) ? match : undefined;
}

// Issue 22: the most specific reading of a URL. Google's tag script (googletagmanager.com/gtag/js) is filed by
// trackerdb as "Google Tag", advertising, whatever it loads; its id says which product it is: G-/UA- measure the
// audience (Google Analytics), GTM- is the tag manager, AW-/DC- are advertising.
const GTAG_ID: [RegExp, string][] = [
  [/^(G|UA)-/i, 'google_analytics'],
  [/^GTM-/i, 'google_tag_manager'],
];

/** The match for a URL, refined where its address names a more specific product than trackerdb's pattern. */
export function specificMatch(data: CompactTrackerData, url: string): TrackerMatch | undefined {
  const m = matchUrl(data, url);
  if (m?.pattern !== 'google_tag') return m;
  const id = new URLSearchParams(parseUrl(url)?.search ?? '').get('id') ?? '';
  const key = GTAG_ID.find(([re]) => re.test(id))?.[1];
  return (key && describePattern(data, key)) || m;
}

/**
 * Whether the match is a company's catch-all entry (its pattern is the company itself, among several products of
 * it in trackerdb): "Facebook" for any facebook.com address says who, not which product or what it does.
 */
export function isCompanyOnly(data: CompactTrackerData, m: TrackerMatch): boolean {
  if (m.pattern !== m.organization) return false;
  let products = 0;
  for (const p of Object.values(data.patterns)) if (p[2] === m.organization && ++products > 1) return true;
  return false;
}
