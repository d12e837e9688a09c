import { CATALOGUE_FORMAT, CATALOGUE_VERSION, type CatalogueEntry, type CatalogueFile } from '../model/catalogue';
import type { Consolidation } from '../model/consolidation';
import { resourceKey, resourceSite } from '../net/resource';

// The catalogue the dashboard publishes: one entry per resource a referent judged. Written compact and in one
// canonical order (entries by site, host, path; keys in the schema's order; blocking points sorted) so that two
// exports of the same decisions are the same bytes, and a catalogue kept in git shows only what changed.

export interface PublishOptions {
  /** The académie named in the file and on each entry whose referent named none. */
  academie?: string;
  /** Where the evaluations behind the verdicts are published (the dashboard bundle beside the catalogue). */
  evaluationsUrl?: string;
}

/** Site, host (when it is not the site itself) and path prefix of a resource, from its address. */
export function matchOf(url: string, site: string): CatalogueEntry['match'] {
  const key = resourceKey(url);
  const slash = key.indexOf('/');
  const host = (slash < 0 ? key : key.slice(0, slash)).replace(/:\d+$/, '');
  const path = slash < 0 ? '/' : key.slice(slash);
  return {
    site,
    ...(host !== site ? { host } : {}),
    ...(path !== '/' ? { pathPrefix: path } : {}),
  };
}

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

function entryOf(c: Consolidation, opts: PublishOptions): CatalogueEntry {
  const site = resourceSite(c.resource.url) || c.resource.site;
  const referent = clean(c.by?.name);
  const academie = clean(opts.academie);
  const evaluationsUrl = clean(opts.evaluationsUrl);
  return {
    match: matchOf(c.resource.url, site),
    title: c.resource.title,
    level: c.level,
    reason: c.reason,
    blocking: [...new Set(c.blocking)].sort(),
    decidedAt: new Date(c.decidedAt).toISOString(),
    ...(referent ? { referent } : {}),
    ...(academie ? { academie } : {}),
    ...(evaluationsUrl ? { evaluationsUrl } : {}),
  };
}

const orderKey = (e: CatalogueEntry) => `${e.match.site}\u0000${e.match.host ?? ''}\u0000${e.match.pathPrefix ?? ''}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function catalogueOf(decisions: readonly Consolidation[], opts: PublishOptions = {}): CatalogueFile {
  // One entry per pattern: two decisions on one resource (they cannot be in one base) would keep the newer.
  const byPattern = new Map<string, CatalogueEntry>();
  for (const c of decisions) {
    const e = entryOf(c, opts);
    const k = orderKey(e);
    const had = byPattern.get(k);
    if (!had || had.decidedAt < e.decidedAt) byPattern.set(k, e);
  }
  const entries = [...byPattern.entries()].sort(([a], [b]) => compare(a, b)).map(([, e]) => e);
  const newest = entries.reduce((max, e) => (e.decidedAt > max ? e.decidedAt : max), '1970-01-01T00:00:00.000Z');
  const academie = clean(opts.academie);
  return { format: CATALOGUE_FORMAT, version: CATALOGUE_VERSION, publishedAt: newest, ...(academie ? { academie } : {}), entries };
}

/** The file's bytes: no spaces, keys in the schema's order (the objects above are built in it), one final newline. */
export function catalogueText(file: CatalogueFile): string {
  return JSON.stringify(file) + '\n';
}
