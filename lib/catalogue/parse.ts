import { parse as parseHost } from 'tldts';
import { catalogueFileSchema, type CatalogueFile } from '../model/catalogue';
import { TLDTS_OPTIONS } from '../net/site';

// Reading a catalogue from a subscription or a file: untrusted text, refused whole with one reason (the last good copy
// stays where it is). The reasons are codes; the pages word them in French and English (catalogue_error_* keys).

export type CatalogueProblem =
  | { code: 'not-json' }
  | { code: 'schema'; field: string }
  /** A pattern that would match a whole public suffix (`gouv.fr`, `github.io`): every site under it. */
  | { code: 'too-broad'; site: string }
  /** A host that is not on its entry's site. */
  | { code: 'host-off-site'; site: string };

export type CatalogueRead = { ok: true; file: CatalogueFile } | { ok: false; problem: CatalogueProblem };

/** A site must be a registrable domain (or an IP address): never a public suffix. */
export function isRegistrable(site: string): boolean {
  const p = parseHost(site, TLDTS_OPTIONS);
  return p.isIp === true || p.domain === site;
}

export function checkCatalogue(data: unknown): CatalogueRead {
  const parsed = catalogueFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: { code: 'schema', field: issue?.path.join('.') || '(racine)' } };
  }
  // Sites repeat (several resources of one publisher): each is checked once.
  const seen = new Set<string>();
  for (const e of parsed.data.entries) {
    const { site, host } = e.match;
    if (host && host !== site && !host.endsWith(`.${site}`)) return { ok: false, problem: { code: 'host-off-site', site: host } };
    if (seen.has(site)) continue;
    if (!isRegistrable(site)) return { ok: false, problem: { code: 'too-broad', site } };
    seen.add(site);
  }
  return { ok: true, file: parsed.data };
}

export function readCatalogueText(text: string): CatalogueRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  return checkCatalogue(data);
}
