import { z } from 'zod';
import { assessmentFields } from './assessment';
import { anyFindingSchema, detectorStatusSchema } from './finding';
import { messageSchema } from './message';

// An evaluation is an Inspection (what Loupe observed on the page) and an Assessment (what the person made of it,
// lib/model/assessment.ts), stored and exported flat in one record. The inspection's phases (fast findings, then
// axe's) replace the inspection part with `withInspection`; the person's part is never copied by hand.

export const resourceSchema = z.object({
  /** Without query string or fragment: they can hold session tokens. */
  url: z.string(),
  /** The registrable domain (lib/net/resource.ts). */
  site: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
});
export type ResourceRef = z.infer<typeof resourceSchema>;

/** The fields that an inspection owns, generic in its findings (lib/detectors/finding.ts gives the typed union). */
export function inspectionFieldsOf<F extends z.ZodType>(finding: F) {
  return {
    /** Random id of this evaluation (not of the resource): two teachers' evaluations of one page stay distinct. */
    id: z.string().min(8),
    resource: resourceSchema,
    inspectedAt: z.string().datetime(),
    loupeVersion: z.string(),
    findings: z.array(finding),
    detectors: z.array(detectorStatusSchema),
    /** What the inspection could not see, for the person to know the report's limits. */
    limits: z.array(messageSchema),
    summary: z.object({ blocking: z.number().int(), problem: z.number().int(), review: z.number().int(), info: z.number().int() }),
  };
}

export const INSPECTION_KEYS = ['id', 'resource', 'inspectedAt', 'loupeVersion', 'findings', 'detectors', 'limits', 'summary'] as const;

export function evaluationSchemaOf<F extends z.ZodType>(finding: F) {
  return z.object({ ...inspectionFieldsOf(finding), ...assessmentFields });
}

/** An evaluation whatever its findings' detectors: for the code that reads no finding's `data`. */
export const anyEvaluationSchema = evaluationSchemaOf(anyFindingSchema);
export type AnyEvaluation = z.infer<typeof anyEvaluationSchema>;
type InspectionKey = (typeof INSPECTION_KEYS)[number];
export type Inspection<E extends AnyEvaluation = AnyEvaluation> = Pick<E, InspectionKey>;

/** The evaluation with a newer phase of the same inspection (axe's findings arrived): the person's part is kept. */
export function withInspection<E extends AnyEvaluation>(evaluation: E, inspection: Inspection<E>): E {
  const next = { ...evaluation };
  for (const k of INSPECTION_KEYS) (next as Record<string, unknown>)[k] = inspection[k];
  return next;
}

