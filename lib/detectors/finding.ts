import { z } from 'zod';
import { evaluationSchemaOf } from '../model/evaluation';
import { findingFields, type AnyFinding } from '../model/finding';
import { detectors, type DetectorId } from './registry';

// The finding union, composed where the registry lives: each detector's findings carry `data` in the shape that
// detector declares. lib/model knows findings only generically; code that reads a finding's `data` narrows with
// `isFrom` and so depends on the detectors, code that does not uses lib/model's AnyFinding / AnyEvaluation.

/** The findings of one detector: its id, and `data` in the shape that detector declares. */
type FindingVariant = {
  [K in DetectorId]: z.ZodObject<typeof findingFields & { detector: z.ZodLiteral<K>; data: z.ZodOptional<(typeof detectors)[K]['data']> }>;
}[DetectorId];
const variants = (Object.keys(detectors) as DetectorId[]).map((id) =>
  z.object({ ...findingFields, detector: z.literal(id), data: detectors[id].data.optional() }),
) as unknown as [FindingVariant, ...FindingVariant[]];

/** A finding, its `data` validated by the detector that made it (discriminated by `detector`). */
export const findingSchema = z.discriminatedUnion('detector', variants);
export type Finding = z.infer<typeof findingSchema>;
export type FindingOf<K extends DetectorId> = Extract<Finding, { detector: K }>;

/** Narrows a finding to one detector's, so its `data` has that detector's type (no cast). */
export function isFrom<K extends DetectorId>(f: Finding | AnyFinding, id: K): f is FindingOf<K> {
  return f.detector === id;
}

/** An evaluation whose findings' `data` are checked by their detectors (what the export and storage write). */
export const evaluationSchema = evaluationSchemaOf(findingSchema);
export type Evaluation = z.infer<typeof evaluationSchema>;
