import { getDomain, getHostname } from 'tldts';
import { TLDTS_OPTIONS } from './site';

// One identity for a resource, used by storage, consolidation, the advice in place and catalogues:
// - its key: the address without scheme, "www.", query, fragment or trailing slash — the evaluations of one resource
//   share it (`https://www.Site.fr/a/b/?x=1#y` and `http://site.fr/a/b` are one resource);
// - its site: the registrable domain with the public-suffix list's private section (lib/net/site.ts, the same
//   setting as "third party"), or the host for IP addresses and local names;
// - its host: the host name, lower case.
// tldts (~270 kB) is not in the panel's first script: the panel reaches this module through dynamic imports.

export function resourceKey(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `${u.protocol}${u.pathname}`;
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${u.port ? `:${u.port}` : ''}${path || '/'}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}

export function resourceSite(url: string): string {
  return getDomain(url, TLDTS_OPTIONS) ?? getHostname(url)?.toLowerCase() ?? '';
}

export function resourceOf(url: string): { key: string; site: string; host: string } {
  return { key: resourceKey(url), site: resourceSite(url), host: getHostname(url)?.toLowerCase() ?? '' };
}
