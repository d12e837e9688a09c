import type { CatalogueEntry } from '../model/catalogue';
import { resourceKey, resourceSite } from '../net/resource';

// The per-page lookup behind the panel's "déjà évaluée" advice: every subscribed catalogue's entries indexed once by
// site, so a page costs one map read and a scan of that site's few entries (goal ≤ 1 ms for 10,000 resources,
// npm run bench -- catalogue). Nothing leaves the browser: the lookup reads the copies kept in IndexedDB.

export interface CatalogueSource {
  /** The subscription's address (or the policy's), shown with each verdict. */
  source: string;
  academie?: string;
  entries: readonly CatalogueEntry[];
}

export interface CatalogueMatch {
  source: string;
  academie?: string;
  entry: CatalogueEntry;
}

export type CatalogueIndex = ReadonlyMap<string, readonly CatalogueMatch[]>;

export function indexCatalogues(sources: readonly CatalogueSource[]): CatalogueIndex {
  const bySite = new Map<string, CatalogueMatch[]>();
  for (const s of sources) {
    for (const entry of s.entries) {
      const list = bySite.get(entry.match.site);
      const m: CatalogueMatch = { source: s.source, ...(s.academie ? { academie: s.academie } : {}), entry };
      if (list) list.push(m);
      else bySite.set(entry.match.site, [m]);
    }
  }
  return bySite;
}

/** How precisely an entry names the address: host and a longer path win; -1 when it does not match. */
function specificity(entry: CatalogueEntry, host: string, path: string): number {
  const { host: h, pathPrefix: p } = entry.match;
  if (h && h !== host) return -1;
  // "/maths" covers "/maths" and "/maths/6e", never "/mathematiques".
  if (p && path !== p && !path.startsWith(p.endsWith('/') ? p : `${p}/`)) return -1;
  return (h ? 10_000 : 0) + (p?.length ?? 0);
}

/**
 * What the subscribed catalogues say about the resource at this address: the most precise entry of each source,
 * in the sources' order. Several sources may disagree: the caller shows each with its source.
 */
export function lookupCatalogues(index: CatalogueIndex, url: string): CatalogueMatch[] {
  const site = resourceSite(url);
  const candidates = site ? index.get(site) : undefined;
  if (!candidates) return [];
  const key = resourceKey(url);
  const slash = key.indexOf('/');
  const host = (slash < 0 ? key : key.slice(0, slash)).replace(/:\d+$/, '');
  const path = slash < 0 ? '/' : key.slice(slash);
  const best = new Map<string, { m: CatalogueMatch; score: number }>();
  for (const m of candidates) {
    const score = specificity(m.entry, host, path);
    if (score < 0) continue;
    const had = best.get(m.source);
    if (!had || score > had.score) best.set(m.source, { m, score });
  }
  return [...best.values()].map((b) => b.m);
}

/** Whether the catalogues that name this resource give it different verdicts. */
export const catalogueDisagreement = (matches: readonly CatalogueMatch[]) => new Set(matches.map((m) => m.entry.level)).size > 1;
