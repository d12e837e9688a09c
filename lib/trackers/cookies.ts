// Cookie names set by well-known trackers, mapped to trackerdb pattern keys so the organisation and its country
// come from the same database. Names are prefixes: _hjSession_123, _ga_ABC, _pk_id.1.abcd.
export const TRACKER_COOKIES: readonly (readonly [prefix: string, pattern: string])[] = [
  ['_ga', 'google_analytics'],
  ['_gid', 'google_analytics'],
  ['_gat', 'google_analytics'],
  ['__utm', 'google_analytics'],
  ['_gcl_', 'google_adservices'],
  ['_fbp', 'facebook'],
  ['_fbc', 'facebook'],
  ['_hj', 'hotjar'],
  ['_clck', 'microsoft_clarity'],
  ['_clsk', 'microsoft_clarity'],
  ['_uetsid', 'bing_ads'],
  ['_uetvid', 'bing_ads'],
  ['_ym_', 'yandex_metrika'],
  ['_pk_', 'matomo'],
  ['_ttp', 'tiktok_analytics'],
  ['_cs_', 'contentsquare.net'],
  ['__hstc', 'hubspot'],
  ['hubspotutk', 'hubspot'],
  ['ajs_anonymous_id', 'segment'],
  ['_hp2_', 'heap'],
  ['mp_', 'mixpanel'],
];

export function trackerCookiePattern(name: string): string | undefined {
  return TRACKER_COOKIES.find(([prefix]) => name.startsWith(prefix))?.[1];
}
