import { getDomain, getHostname } from 'tldts';

// One definition of "third party" for every detector (trackers, ads, consent, page weight): a URL whose registrable
// domain differs from the page's. One tldts setting: the public-suffix list's private section counts, so two
// sites on github.io or on a cloud host's shared domain are two parties, as they have two owners.
// tldts and its list (~270 kB) are not in the panel's first script: this module is only reached through dynamic
// imports (lib/trackers/requests.ts, loadDomainRules in lib/net/ad-networks.ts).

export const TLDTS_OPTIONS = { allowPrivateDomains: true } as const;

/** The registrable domain of a URL, or '' (IP addresses, local names, other schemes). */
export function registrableDomain(url: string): string {
  return getDomain(url, TLDTS_OPTIONS) ?? '';
}

/** Host and site (registrable domain, or the host itself for IP addresses and local names) of a web URL. */
export function siteOf(url: string): { host: string; site: string } | undefined {
  if (!/^(https?|wss?):/i.test(url)) return undefined;
  const host = getHostname(url);
  if (!host) return undefined;
  return { host, site: getDomain(url, TLDTS_OPTIONS) ?? host };
}

/** Whether a web URL belongs to another party than the page; non-web URLs (data:, blob:) belong to no one. */
export function isThirdParty(url: string, pageUrl: string): boolean {
  const s = siteOf(url);
  if (!s) return false;
  const page = siteOf(pageUrl);
  return !page || s.site !== page.site;
}
