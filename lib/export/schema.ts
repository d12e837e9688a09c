import { z } from 'zod';
import { detectors, type DetectorId } from '../detectors/registry';
import { categorySchema, evidenceSchema, severitySchema } from '../detectors/types';
import { contextSchema } from '../grid/context';
import { axisSchema } from '../grid/grid';
import { verdictLevelSchema } from '../grid/verdict';

// The export format: the single source of truth for what Loupe writes and reads back. The JSON Schema in
// schemas/ is generated from it (npm run gen:schema) and a test fails when the committed copy differs.
// Version 2 (version 1 files are read through lib/export/migrate.ts): what the panel shows of a past inspection is
// all in the evaluation, as message keys with their parameters; the French text beside each is derived from them.
// The grid is optional until the grid issue fills it; consolidation reads evaluations[].

const findingFields = {
  /** `<detector>/<key>`: the same thing on the same page keeps the same id from one run to the next. */
  id: z.string().regex(/^[a-z0-9-]+\/[\w:.\-/@]+$/),
  category: categorySchema,
  severity: severitySchema,
  messageKey: z.string(),
  params: z.array(z.string()),
  /** French, whatever the browser's language: the evaluation is shared between French schools. */
  message: z.string(),
  evidence: z.array(evidenceSchema),
};

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
export function isFrom<K extends DetectorId>(f: Finding, id: K): f is FindingOf<K> {
  return f.detector === id;
}

/** A message of public/_locales with its parameters, and its French text for whoever reads the file. */
export const messageSchema = z.object({
  messageKey: z.string().regex(/^\w+$/),
  params: z.array(z.string()),
  message: z.string(),
});
export type StoredMessage = z.infer<typeof messageSchema>;

export const detectorStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'error', 'skipped']),
  error: z.string().optional(),
  ms: z.number(),
});
export type DetectorStatus = z.infer<typeof detectorStatusSchema>;

/** "non-evalue" is kept for files written before the grid had "a-verifier" (the code cannot settle it). */
export const ratingSchema = z.enum(['conforme', 'partiel', 'non-conforme', 'a-verifier', 'non-applicable', 'non-evalue']);

const messageRefSchema = z.object({ key: z.string().regex(/^[A-Za-z0-9_]+$/), params: z.array(z.string()) });
const comment = z.string().max(5000);
const filled = (s: string | undefined) => !!s && s.trim() !== '';

/**
 * A criterion of the ministry's grid. source "detector": the rating is still Loupe's suggestion (or its "à vérifier"
 * placeholder on a criterion only a person can judge); "person": the person confirmed or changed it. Changing a
 * suggestion needs a comment: the export shows why the person disagreed with what the page showed.
 */
export const criterionFieldsSchema = z.object({
  id: z.string(),
  axis: axisSchema,
  suggested: ratingSchema.optional(),
  rating: ratingSchema,
  source: z.enum(['detector', 'person']),
  findingIds: z.array(z.string()),
  comment: comment.optional(),
  /** Why Loupe suggests this rating, as a message key (French text in the export is `reasonText`). */
  reason: messageRefSchema.optional(),
  reasonText: z.string().optional(),
  /** A blocking point (from the findings and the context): listed first, never averaged away. */
  blocking: z.boolean().optional(),
});
export const criterionSchema = criterionFieldsSchema.refine(
  (c) => c.source !== 'person' || c.suggested === undefined || c.rating === c.suggested || filled(c.comment),
  { message: 'a rating that differs from the suggestion needs a comment', path: ['comment'] },
);
export type Criterion = z.infer<typeof criterionSchema>;

/** The verdict: Loupe's suggestion from the rules (lib/grid/verdict.ts) and, if the person decided, theirs. */
export const verdictFieldsSchema = z.object({
  suggested: verdictLevelSchema,
  level: verdictLevelSchema,
  source: z.enum(['detector', 'person']),
  /** Id of the rule that decided the suggestion. */
  rule: z.string(),
  /** Criteria that are blocking points. */
  blocking: z.array(z.string()),
  /** The person's written reason for a verdict other than the suggestion. */
  reason: comment.optional(),
  scores: z.array(z.object({ axis: axisSchema, score: z.number().min(0).max(100).nullable(), rated: z.number().int(), total: z.number().int() })),
});
export const verdictSchema = verdictFieldsSchema
  .refine((v) => v.level === v.suggested || filled(v.reason), { message: 'a verdict other than the suggestion needs a written reason', path: ['reason'] })
  .refine((v) => v.level !== 'recommandee' || v.blocking.length === 0 || filled(v.reason), {
    message: 'a resource with a blocking point is "recommandée" only with a written reason',
    path: ['reason'],
  });
export type EvaluationVerdict = z.infer<typeof verdictSchema>;

/** A capture of the visible tab the person attached, as a small image (data URL), with when it was taken. */
export const screenshotSchema = z.object({
  id: z.string(),
  takenAt: z.string().datetime(),
  dataUrl: z.string().regex(/^data:image\/(jpeg|webp);base64,[A-Za-z0-9+/=]+$/).max(400_000),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  note: comment.optional(),
});
export type Screenshot = z.infer<typeof screenshotSchema>;

export const evaluationSchema = z.object({
  /** Random id of this evaluation (not of the resource): two teachers' evaluations of one page stay distinct. */
  id: z.string().min(8),
  resource: z.object({
    /** Without query string or fragment: they can hold session tokens. */
    url: z.string(),
    site: z.string(),
    title: z.string(),
    publisher: z.string().optional(),
  }),
  inspectedAt: z.string().datetime(),
  loupeVersion: z.string(),
  findings: z.array(findingSchema),
  detectors: z.array(detectorStatusSchema),
  /** What the inspection could not see, for the person to know the report's limits. */
  limits: z.array(messageSchema),
  summary: z.object({
    blocking: z.number().int(),
    problem: z.number().int(),
    review: z.number().int(),
    info: z.number().int(),
  }),
  grid: z.array(criterionSchema).optional(),
  /** Who uses the resource and how pupils reach it: it changes what blocks. */
  context: contextSchema.optional(),
  verdict: verdictSchema.optional(),
  /** The person's notes on findings, by finding id. */
  findingNotes: z.record(z.string(), comment).optional(),
  screenshots: z.array(screenshotSchema).max(20).optional(),
  author: z.object({ name: z.string().optional(), role: z.string().optional(), school: z.string().optional() }).optional(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * A referent's consolidated verdict on a resource (RUPN, DANE, référent ressources): set in the dashboard from the
 * evaluations it rests on, with a written reason, and shipped in a consolidated bundle so that teachers who import it
 * see it on the publisher's own page. Additive in version 2: files without it stay valid.
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
  by: z.object({ name: z.string().max(200).optional(), role: z.string().max(200).optional(), school: z.string().max(200).optional() }).optional(),
  decidedAt: z.string().datetime(),
  /** The evaluations the decision rests on. */
  evaluationIds: z.array(z.string()),
});
export type Consolidation = z.infer<typeof consolidationSchema>;

export const EXPORT_FORMAT = 'loupe-evaluations';
export const EXPORT_VERSION = 2;

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().datetime(),
  generator: z.object({ name: z.literal('Loupe'), version: z.string() }),
  evaluations: z.array(evaluationSchema),
  consolidations: z.array(consolidationSchema).optional(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
