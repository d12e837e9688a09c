import { z } from 'zod';
import { paramSchema, type MessageKey, type Param } from './message';

// What an inspection observed, in the shape every layer shares: categories, severities, evidence, one finding.
// The finding here is generic (its `data` unchecked); lib/detectors/finding.ts composes the union in which each
// detector's `data` has its own schema. Nothing here knows a detector.

/** The fixed list of finding categories: the contract of the export format. */
export const CATEGORIES = ['trackers', 'ads', 'consent', 'account', 'legal-links', 'licence', 'gar', 'accessibility', 'metadata'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/**
 * blocking: rules out the resource for pupils until a person overrides it (ads, account asked of minors,
 *   advertising trackers); problem: a fault to weigh; review: the code cannot settle it, a person checks;
 *   info: a fact found (a licence, a legal link) that informs the grid.
 */
export const SEVERITIES = ['blocking', 'problem', 'review', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Most severe first: blocking 0 … info 3. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { blocking: 0, problem: 1, review: 2, info: 3 };

export const evidenceSchema = z.object({
  selector: z.string().optional(),
  url: z.string().optional(),
  snippet: z.string().optional(),
  text: z.string().optional(),
  rect: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
  hidden: z.boolean().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** What a detector returns; the runner adds the id, detector, category and the French message. */
export interface DetectorOutput {
  /** Stable within the detector for the same thing on the same page, e.g. "privacy-policy". */
  key: string;
  severity: Severity;
  /** Key in public/_locales/<lang>/messages.json: an unknown key fails to compile. */
  messageKey: MessageKey;
  /** Typed parameters, worded by the formatter in the reader's language (lib/i18n/format.ts). */
  params?: Param[];
  evidence: Evidence[];
  /** Structured facts for the grid and the export (e.g. the licence name, the tracker's country). */
  data?: Record<string, unknown>;
}

export const findingFields = {
  /** `<detector>/<key>`: the same thing on the same page keeps the same id from one run to the next. */
  id: z.string().regex(/^[a-z0-9-]+\/[\w:.\-/@]+$/),
  category: categorySchema,
  severity: severitySchema,
  messageKey: z.string(),
  params: z.array(paramSchema),
  /** French, whatever the browser's language: the evaluation is shared between French schools. */
  message: z.string(),
  evidence: z.array(evidenceSchema),
};

/** A finding whatever its detector: what layers below the detectors (and code that reads no `data`) handle. */
export const anyFindingSchema = z.object({ ...findingFields, detector: z.string(), data: z.unknown().optional() });
export type AnyFinding = z.infer<typeof anyFindingSchema>;

export const detectorStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'error', 'skipped']),
  error: z.string().optional(),
  ms: z.number(),
});
export type DetectorStatus = z.infer<typeof detectorStatusSchema>;

export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
