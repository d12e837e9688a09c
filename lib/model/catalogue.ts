import { z } from 'zod';
import { verdictLevelSchema } from './assessment';

// The catalogue a referent publishes for an académie (issue 24) and that teachers' browsers subscribe to. It is read
// from the network, so every field is bounded: a subscribed file is untrusted input like a page.

/**
 * A host name pattern with no wildcard: lower-case labels joined by dots (at least two labels). A catalogue cannot
 * say "every site": `*`, `fr` or an empty site are refused here, and lib/catalogue refuses a public suffix too
 * (`gouv.fr`, `github.io`), which needs the suffix list this floor does not import.
 */
const hostPattern = z
  .string()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?:\.(?!-)[a-z0-9-]{1,63})+$/, 'a host name without wildcard (site.fr)');

/**
 * One resource of a catalogue: the address patterns that identify it, the consolidated verdict with its reason and
 * blocking points, who decided and when.
 */
export const catalogueEntrySchema = z.object({
  /**
   * The registrable domain (lib/net/resource.ts); the host when the resource lives on one host of that site
   * (`lycee.exemple.fr`, never with `www.`), and its path prefix when it is one part of a site (`/maths`, matched on
   * whole segments).
   */
  match: z.object({
    site: hostPattern,
    host: hostPattern.optional(),
    pathPrefix: z.string().max(2000).regex(/^\/[^?#\s]*$/, 'a path starting with /').optional(),
  }),
  title: z.string().max(500),
  level: verdictLevelSchema,
  reason: z.string().max(5000),
  /** Grid criterion ids (lib/grid), as in a consolidation. */
  blocking: z.array(z.string().max(100)).max(50),
  decidedAt: z.string().datetime(),
  referent: z.string().max(200).optional(),
  academie: z.string().max(200).optional(),
  /** Where the evaluations behind the verdict are published, if they are. */
  evaluationsUrl: z.string().url().max(2000).regex(/^https?:\/\//, 'an http(s) address').optional(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const CATALOGUE_FORMAT = 'loupe-catalogue';
export const CATALOGUE_VERSION = 1;
/** More than an académie judges (10,000 resources make ~3 MB, ~0.3 MB gzipped). */
export const CATALOGUE_MAX_ENTRIES = 100_000;

/** The published file, version 1. Its JSON Schema is `schemas/catalogue.v1.schema.json` (npm run gen:schema). */
export const catalogueFileSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  /** The newest decision's date: two exports of the same decisions are the same bytes. */
  publishedAt: z.string().datetime(),
  academie: z.string().max(200).optional(),
  entries: z.array(catalogueEntrySchema).max(CATALOGUE_MAX_ENTRIES),
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

/**
 * Why the last refresh of a subscription failed; the last good copy is kept whatever the reason. Worded by the pages
 * (`catalogue_error_<code>` in public/_locales, French and English).
 */
export const CATALOGUE_ERRORS = [
  'http',
  'network',
  'timeout',
  'not-json',
  'schema',
  'too-broad',
  'host-off-site',
  'too-large',
  'truncated',
  'redirected',
  'permission',
  'not-https',
] as const;
export const catalogueErrorSchema = z.object({
  code: z.enum(CATALOGUE_ERRORS),
  /** Milliseconds since 1970. */
  at: z.number(),
  /** The HTTP status, the refused field, site or origin, the size in bytes: what the message names. */
  status: z.number().optional(),
  detail: z.string().max(500).optional(),
  bytes: z.number().optional(),
});
export type CatalogueError = z.infer<typeof catalogueErrorSchema>;

/** Who asked for a subscription: the person (they may remove it) or the académie's policy (they may not). */
export const subscriptionSchema = z.object({
  /** The `https://` address of the catalogue, as given. */
  url: z.string().url().max(2000),
  by: z.enum(['person', 'policy']),
  addedAt: z.number(),
  /** Last answer with a catalogue (200) or confirming the copy (304). */
  checkedAt: z.number().optional(),
  /** When the copy kept was fetched. */
  updatedAt: z.number().optional(),
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
  /** The last refresh's failure; absent after a success. */
  error: catalogueErrorSchema.optional(),
  /** Of the copy kept. */
  entries: z.number().optional(),
  academie: z.string().max(200).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
