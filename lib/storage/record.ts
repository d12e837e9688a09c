import { z } from 'zod';
import { consolidationSchema } from '../model/consolidation';
import { criterionFieldsSchema, verdictFieldsSchema, verdictLevelSchema } from '../model/assessment';
import { evaluationSchema } from '../detectors/finding';

// What the database keeps per evaluation: the whole evaluation (inspection, context, grid, notes, screenshots,
// verdict) plus the fields the lists are indexed and searched by.

/**
 * A draft is saved as the person types, so it may hold an override whose comment is not written yet: the rules that
 * an export enforces (lib/export/schema.ts) apply when the evaluation is saved as done.
 */
export const draftEvaluationSchema = evaluationSchema.extend({
  grid: z.array(criterionFieldsSchema).optional(),
  verdict: verdictFieldsSchema.optional(),
});

export const STATUSES = ['draft', 'done'] as const;

/** Made here, or read from a file someone shared (a colleague's evaluation, a referent's bundle). */
export const originSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own') }),
  z.object({ kind: z.literal('imported'), importedAt: z.number(), fileName: z.string().max(500) }),
]);
export type RecordOrigin = z.infer<typeof originSchema>;

export const storedEvaluationSchema = z.object({
  id: z.string(),
  /** The resource's address without scheme, www., query, fragment or trailing slash: the key of its history. */
  url: z.string(),
  /** Registrable domain: evaluations of the same site are shown as related. */
  site: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: z.enum(STATUSES),
  /** Denormalised for sorting (schema version 2); "" when there is no verdict yet. */
  verdict: z.union([verdictLevelSchema, z.literal('')]),
  /** Lower-case title and site, for the search box (schema version 2). */
  search: z.string(),
  evaluation: draftEvaluationSchema,
  /** Where the record comes from (schema version 3); absent: the person's own, made in this browser. */
  origin: originSchema.optional(),
});
export type StoredEvaluation = z.infer<typeof storedEvaluationSchema>;

/** A referent's consolidated verdict, keyed by the resource's normalised address (schema version 3). */
export const storedConsolidationSchema = z.object({
  url: z.string(),
  site: z.string(),
  /** Milliseconds, for sorting; the consolidation keeps its ISO date. */
  decidedAt: z.number(),
  origin: originSchema,
  consolidation: consolidationSchema,
});
export type StoredConsolidation = z.infer<typeof storedConsolidationSchema>;

export function searchText(title: string, site: string, url: string): string {
  return `${title} ${site} ${url}`.toLowerCase();
}
