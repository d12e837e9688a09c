import { z } from 'zod';
import { paramSchema } from './message';

// The person's assessment of a resource on the ministry's grid ("Les critères pour le choix des ressources
// numériques pour l'École", ../shared/seeds/000): the context of use, a rating per criterion, the verdict, notes,
// captures and who assessed. The grid's criteria and rules are data in lib/grid/; here are the shapes.

export const AXES = ['pedagogique', 'juridique', 'technique', 'economique', 'editorial', 'accessibilite'] as const;
export const axisSchema = z.enum(AXES);
export type Axis = z.infer<typeof axisSchema>;

/** The five ratings of a criterion. "a-verifier": the code cannot settle it, or nobody has looked yet. */
export const RATINGS = ['conforme', 'partiel', 'non-conforme', 'a-verifier', 'non-applicable'] as const;
export const gridRatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof gridRatingSchema>;
/** "non-evalue" is kept for files written before the grid had "a-verifier" (the code cannot settle it). */
export const ratingSchema = z.enum([...RATINGS, 'non-evalue']);
export type StoredRating = z.infer<typeof ratingSchema>;

export const VERDICTS = ['recommandee', 'avec-reserves', 'deconseillee'] as const;
export const verdictLevelSchema = z.enum(VERDICTS);
export type VerdictLevel = z.infer<typeof verdictLevelSchema>;

// The context of use, asked once per evaluation: it changes what blocks. A field left unset means "not said", and
// the rules then keep the detectors' reading (a sign-up form stays blocking), never the friendlier one.
export const USERS = ['pupils', 'teacher'] as const;
export const LEVELS = ['cycle1', 'cycle2', 'cycle3', 'cycle4', 'lycee', 'post-bac'] as const;
export const PLACES = ['class', 'outside', 'both'] as const;
/** How pupils reach the resource: the school's ENT / GAR, accounts the school creates, accounts pupils would create. */
export const ACCESS = ['ent-gar', 'school-accounts', 'pupil-accounts'] as const;
export const contextSchema = z.object({
  users: z.enum(USERS).optional(),
  level: z.enum(LEVELS).optional(),
  subject: z.string().max(200).optional(),
  place: z.enum(PLACES).optional(),
  access: z.enum(ACCESS).optional(),
});
export type UseContext = z.infer<typeof contextSchema>;

const messageRefSchema = z.object({ key: z.string().regex(/^[A-Za-z0-9_]+$/), params: z.array(paramSchema) });
export const commentSchema = z.string().max(5000);
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
  comment: commentSchema.optional(),
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
  reason: commentSchema.optional(),
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
  note: commentSchema.optional(),
});
export type Screenshot = z.infer<typeof screenshotSchema>;

export const authorSchema = z.object({ name: z.string().optional(), role: z.string().optional(), school: z.string().optional() });
export type Author = z.infer<typeof authorSchema>;

/** What the person adds to an inspection. Every field is optional: an inspection alone is a valid evaluation. */
export const assessmentFields = {
  grid: z.array(criterionSchema).optional(),
  /** Who uses the resource and how pupils reach it: it changes what blocks. */
  context: contextSchema.optional(),
  verdict: verdictSchema.optional(),
  /** The person's notes on findings, by finding id. */
  findingNotes: z.record(z.string(), commentSchema).optional(),
  screenshots: z.array(screenshotSchema).max(20).optional(),
  author: authorSchema.optional(),
};
