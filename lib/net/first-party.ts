import { getDomainWithoutSuffix } from 'tldts';
import { TLDTS_OPTIONS } from './site';

// "The site's own CDN and asset hosts are first party": a host on another registrable domain still belongs to the
// site when it carries the site's name with an asset word (journal-exemple-static.com for journal-exemple.fr), or
// when it serves what the page declares as its own (its icon, manifest or sharing image). A host the page only
// preconnects to proves nothing: trackers are preconnected too. Only for hosts trackerdb does not know.

const ASSET_WORDS = new Set(['', 'cdn', 'static', 'statics', 'st', 'img', 'image', 'images', 'media', 'medias', 'assets', 'asset', 'files', 'file', 'content', 'data', 'pics', 'photos', 'video', 'videos', 'api', 'web', 'www', 'edge', 'cache', 'res', 'resources']);

const brand = (site: string) => (getDomainWithoutSuffix(site, TLDTS_OPTIONS) ?? site).toLowerCase();

/** Whether `site` is the page's brand plus an asset word, in either order ("cdn-editeur", "editeur-static"). */
export function sameBrand(site: string, pageSite: string): boolean {
  const b = brand(pageSite);
  const s = brand(site);
  if (b.length < 4) return false;
  const rest = s.startsWith(b) ? s.slice(b.length) : s.endsWith(b) ? s.slice(0, -b.length) : null;
  if (rest === null) return false;
  return rest.split(/[-_.\d]+/).every((w) => ASSET_WORDS.has(w));
}

/** Addresses the page names as its own: icons, web-app manifest, Open Graph / Twitter sharing image. */
export function declaredOwnUrls(snapshot: { linkTags: { rel: string; href: string }[]; meta: { name: string; property: string; content: string }[] }): string[] {
  const rels = new Set(['icon', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'manifest']);
  return [
    ...snapshot.linkTags.filter((l) => l.rel.toLowerCase().split(/\s+/).some((r) => rels.has(r))).map((l) => l.href),
    ...snapshot.meta.filter((m) => /^(og:image(:url|:secure_url)?|twitter:image(:src)?)$/i.test(m.property || m.name)).map((m) => m.content),
  ];
}
