// A small list of ad-serving hosts for the ads detector, by registrable domain, to name the ad network behind a slot
// or a script. Whether a host is a third party is lib/net/site.ts's one definition; whether it tracks is trackerdb's
// (lib/trackers/classify.ts).

export interface AdNetwork {
  id: string;
  name: string;
}

const NETWORKS: Record<string, AdNetwork> = {
  'googlesyndication.com': { id: 'adsense', name: 'Google AdSense' },
  'googleadservices.com': { id: 'google-ads', name: 'Google Ads' },
  'doubleclick.net': { id: 'google-ad-manager', name: 'Google Ad Manager (DoubleClick)' },
  'googletagservices.com': { id: 'google-ad-manager', name: 'Google Ad Manager (DoubleClick)' },
  'adnxs.com': { id: 'xandr', name: 'Xandr (AppNexus)' },
  'criteo.com': { id: 'criteo', name: 'Criteo' },
  'criteo.net': { id: 'criteo', name: 'Criteo' },
  'smartadserver.com': { id: 'smartadserver', name: 'Equativ (Smart AdServer)' },
  'taboola.com': { id: 'taboola', name: 'Taboola' },
  'outbrain.com': { id: 'outbrain', name: 'Outbrain' },
  'amazon-adsystem.com': { id: 'amazon-ads', name: 'Amazon Ads' },
  'rubiconproject.com': { id: 'magnite', name: 'Magnite (Rubicon Project)' },
  'pubmatic.com': { id: 'pubmatic', name: 'PubMatic' },
  'openx.net': { id: 'openx', name: 'OpenX' },
  'adform.net': { id: 'adform', name: 'Adform' },
  'teads.tv': { id: 'teads', name: 'Teads' },
  'casalemedia.com': { id: 'index-exchange', name: 'Index Exchange' },
  'indexww.com': { id: 'index-exchange', name: 'Index Exchange' },
  'sharethrough.com': { id: 'sharethrough', name: 'Sharethrough' },
  '33across.com': { id: '33across', name: '33Across' },
  'adsrvr.org': { id: 'the-trade-desk', name: 'The Trade Desk' },
  'yieldmo.com': { id: 'yieldmo', name: 'Yieldmo' },
  'media.net': { id: 'media-net', name: 'Media.net' },
  'ligatus.com': { id: 'ligatus', name: 'Ligatus' },
  'seedtag.com': { id: 'seedtag', name: 'Seedtag' },
  'mgid.com': { id: 'mgid', name: 'MGID' },
  'prebid.org': { id: 'prebid', name: 'Prebid (enchères publicitaires)' },
  // Issue 22: ad stacks met on real pages that load every slot themselves (header bidding managed services).
  'adthrive.com': { id: 'raptive', name: 'Raptive (AdThrive)' },
  'htlbid.com': { id: 'htlbid', name: 'Hashtag Labs (htlbid)' },
  'cdntrf.com': { id: 'traffective', name: 'Traffective' },
  'adblade.com': { id: 'adblade', name: 'Adblade' },
  // Ad programmes that platforms and managed services run for the sites they host (WordPress.com's WordAds serves
  // from pubmine.com): their loader puts ads on the page whatever the page's own markup says.
  'pubmine.com': { id: 'wordads', name: 'WordAds (Automattic)' },
  'nitropay.com': { id: 'nitropay', name: 'Nitropay' },
  'mediavine.com': { id: 'mediavine', name: 'Mediavine' },
  'ezoic.net': { id: 'ezoic', name: 'Ezoic' },
  'ezojs.com': { id: 'ezoic', name: 'Ezoic' },
  'pub.network': { id: 'freestar', name: 'Freestar' },
  'yieldlove.com': { id: 'yieldlove', name: 'Yieldlove' },
  'improvedigital.com': { id: 'improve-digital', name: 'Improve Digital (Azerion)' },
  'adition.com': { id: 'adition', name: 'ADITION' },
};

/** Named networks for slots recognised by their markup rather than their host. */
export const NETWORK_BY_ID: Record<string, AdNetwork> = Object.fromEntries(
  [...Object.values(NETWORKS), { id: 'prebid', name: 'Prebid (enchères publicitaires)' }].map((n) => [n.id, n]),
);

let site: typeof import('./site') | undefined;

/**
 * tldts and its public-suffix list (~270 kB) load when a detector first needs them, not with the panel's first
 * paint: detectors that call registrableDomain or adNetworkOf await this first.
 */
export async function loadDomainRules(): Promise<void> {
  site ??= await import('./site');
}

function rules(): typeof import('./site') {
  if (!site) throw new Error('lib/net/ad-networks: await loadDomainRules() first');
  return site;
}

/** The ad network serving `url`, if its registrable domain is a known ad-serving host and not the page's own. */
export function adNetworkOf(url: string, pageUrl: string): AdNetwork | undefined {
  if (!/^https?:/i.test(url) || !rules().isThirdParty(url, pageUrl)) return undefined;
  const domain = rules().registrableDomain(url);
  const known = NETWORKS[domain];
  if (known) return known;
  // Prebid.js is served from many CDNs; its file name gives it away.
  if (/\/prebid[\w.-]*\.js(\?|$)/i.test(url)) return NETWORK_BY_ID.prebid;
  return undefined;
}
