import { z } from 'zod';
import { evaluationSchemaOf } from '../model/evaluation';
import { findingFields, type AnyFinding } from '../model/finding';
import { detectors, type DetectorId } from './registry';
import { isObject, type Json } from '../model/json';

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

/**
 * Fields that told variants apart before every detector named them `kind`: axe's `outcome` was its discriminator;
 * legal links called their document `kind`, now `document`.
 */
const LEGACY: Partial<Record<DetectorId, (data: Json) => Json>> = {
  axe: ({ outcome, ...rest }) => (typeof outcome === 'string' ? { kind: outcome, ...rest } : rest),
  'legal-links': ({ kind, ...rest }) => (typeof kind === 'string' ? { document: kind, ...rest } : rest),
};

/** Whether the data predates `kind`: no `kind`, or a `kind` that meant something else (legal links' document). */
function needsKind(detector: unknown, data: Json): boolean {
  return !('kind' in data) || (detector === 'legal-links' && !('document' in data));
}

/**
 * A finding's `data` as written before every variant of a detector's data carried its `kind` (export versions 1–2,
 * storage before version 5, and version 3 files of the development before this rule): the variant is the one the
 * data fits exactly, and where two fit (an empty list, an empty object), the one named like the finding's key
 * ("publisher-dates/no-date" → kind "no-date"). Data that fits no variant is returned as it was, for the schema to
 * refuse and say so.
 */
export function withDataKind<T>(f: T): T {
  if (!isObject(f) || !isObject(f.data) || !needsKind(f.detector, f.data)) return f;
  const id = f.detector as DetectorId;
  const detector = detectors[id] as { data: z.ZodType } | undefined;
  if (!detector || !(detector.data instanceof z.ZodDiscriminatedUnion)) return f;
  const data = LEGACY[id]?.(f.data) ?? f.data;
  if ('kind' in data) return { ...f, data };
  const key = typeof f.id === 'string' ? f.id.slice(f.id.indexOf('/') + 1) : '';
  const fitting: string[] = [];
  for (const option of detector.data.options as z.ZodObject[]) {
    const discriminator = option.shape.kind;
    const kinds = discriminator instanceof z.ZodLiteral ? [...discriminator.values].map(String) : discriminator instanceof z.ZodEnum ? discriminator.options.map(String) : [];
    if (option.omit({ kind: true }).safeParse(data).success) fitting.push(...kinds);
  }
  const kind = fitting.find((k) => k === key) ?? fitting[0];
  return kind === undefined ? f : { ...f, data: { kind, ...data } };
}
