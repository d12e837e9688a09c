import { adNetworkOf, registrableDomain } from './ad-networks';

// Hosts that clearly measure or profile visitors, for the consent detector's modest "loaded before consent" check.
// Deliberately short: the trackers detector (trackerdb) is the full classification.
const TRACKER_DOMAINS: Record<string, string> = {
  'google-analytics.com': 'Google Analytics',
  'googletagmanager.com': 'Google Tag Manager',
  'facebook.net': 'Meta (Facebook)',
  'facebook.com': 'Meta (Facebook)',
  'hotjar.com': 'Hotjar',
  'clarity.ms': 'Microsoft Clarity',
  'xiti.com': 'AT Internet (Piano)',
  'matomo.cloud': 'Matomo Cloud',
  'mouseflow.com': 'Mouseflow',
  'fullstory.com': 'FullStory',
  'contentsquare.net': 'Contentsquare',
  'yandex.ru': 'Yandex Metrica',
  'tiktok.com': 'TikTok',
  'linkedin.com': 'LinkedIn',
  'licdn.com': 'LinkedIn',
  'snapchat.com': 'Snapchat',
  'twitter.com': 'X (Twitter)',
  'ads-twitter.com': 'X (Twitter)',
  'bing.com': 'Microsoft Advertising',
};

/** The name of a tracker or ad network serving `url`, when it is on one of the short lists. */
export function trackerNameOf(url: string, pageUrl: string): string | undefined {
  const ad = adNetworkOf(url, pageUrl);
  if (ad) return ad.name;
  if (!/^https?:/i.test(url)) return undefined;
  const domain = registrableDomain(url);
  if (!domain || domain === registrableDomain(pageUrl)) return undefined;
  return TRACKER_DOMAINS[domain];
}
