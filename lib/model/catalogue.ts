import { z } from 'zod';
import { verdictLevelSchema } from './assessment';

/**
 * One resource of a catalogue a referent publishes for an académie (issue 24): the address patterns that identify
 * it, the consolidated verdict with its reason and blocking points, who decided and when.
 */
export const catalogueEntrySchema = z.object({
  /** The registrable domain (lib/net/resource.ts) and, when the resource is one part of a site, its path prefix. */
  match: z.object({ site: z.string().min(1), pathPrefix: z.string().startsWith('/').optional() }),
  title: z.string(),
  level: verdictLevelSchema,
  reason: z.string().max(5000),
  blocking: z.array(z.string()),
  decidedAt: z.string().datetime(),
  referent: z.string().max(200).optional(),
  academie: z.string().max(200).optional(),
  /** Where the evaluations behind the verdict are published, if they are. */
  evaluationsUrl: z.string().url().optional(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
