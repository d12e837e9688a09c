import { isThirdParty } from '../net/site';
import { TRACKING_CATEGORIES } from './categories';
import { matchUrl, type CompactTrackerData, type TrackerMatch } from './compact';

// One definition of "tracker" for every detector (trackers, consent, the before/after comparison): a third party
// that trackerdb lists in a category that follows visitors. A public CDN or a font service is trackerdb's "hosting":
// a third party that receives the request, not a tracker, unless trackerdb files it elsewhere.

/** What trackerdb knows of a third-party URL (any category), or undefined for first-party and unknown hosts. */
export function thirdPartyService(data: CompactTrackerData, url: string, pageUrl: string): TrackerMatch | undefined {
  return isThirdParty(url, pageUrl) ? matchUrl(data, url) : undefined;
}

export function isTracking(match: Pick<TrackerMatch, 'category'>): boolean {
  return TRACKING_CATEGORIES.includes(match.category);
}

/** The tracker behind a URL of the page: a third party trackerdb files as advertising, analytics or social. */
export function trackerOf(data: CompactTrackerData, url: string, pageUrl: string): TrackerMatch | undefined {
  const match = thirdPartyService(data, url, pageUrl);
  return match && isTracking(match) ? match : undefined;
}
