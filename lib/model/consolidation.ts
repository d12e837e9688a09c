import { z } from 'zod';
import { authorSchema, verdictLevelSchema } from './assessment';

/**
 * A referent's consolidated verdict on a resource (RUPN, DANE, référent ressources): set in the dashboard from the
 * evaluations it rests on, with a written reason, and shipped in a consolidated bundle so that teachers who import it
 * see it on the publisher's own page.
 */
export const consolidationSchema = z.object({
  resource: z.object({
    /** Without query string or fragment, like an evaluation's. */
    url: z.string(),
    site: z.string(),
    title: z.string(),
  }),
  level: verdictLevelSchema,
  reason: z.string().trim().min(1).max(5000),
  /** The grid criteria the referent names as blocking points ("publicité", "compte élève"). */
  blocking: z.array(z.string()).default([]),
  by: authorSchema.extend({ name: z.string().max(200).optional(), role: z.string().max(200).optional(), school: z.string().max(200).optional() }).optional(),
  decidedAt: z.string().datetime(),
  /** The evaluations the decision rests on. */
  evaluationIds: z.array(z.string()),
});
export type Consolidation = z.infer<typeof consolidationSchema>;
