import { z } from 'zod';
import type { AxeArtifact } from '../a11y/artifact';
import type { PageSnapshot } from '../snapshot/schema';

/** The fixed list of finding categories: the contract of the export format. */
export const CATEGORIES = [
  'trackers',
  'ads',
  'consent',
  'account',
  'legal-links',
  'licence',
  'gar',
  'accessibility',
  'metadata',
] as const;
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
  /** Key in public/_locales/<lang>/messages.json; [A-Za-z0-9_] only (browser i18n rule). */
  messageKey: string;
  params?: string[];
  evidence: Evidence[];
  /** Structured facts for the grid and the export (e.g. the licence name, the tracker's country). */
  data?: Record<string, unknown>;
}

/**
 * What the pipeline (lib/inspect/pipeline.ts) produces beyond the snapshot, after the fast findings are shown: a
 * detector that `needs` one runs once it is there. axe's run in the page is the first.
 */
export interface Artifacts {
  axe: AxeArtifact;
}
export type ArtifactId = keyof Artifacts;
export const ARTIFACT_IDS = ['axe'] as const satisfies readonly ArtifactId[];

export interface DetectorContext {
  /** Time is passed in so detectors stay pure. */
  now: number;
  /** The artifacts this run has; a detector reads only those it declares in `needs`. */
  artifacts?: Partial<Artifacts>;
}

export interface Detector {
  id: string;
  category: Category;
  /** Snapshot fields the detector reads; the conventions test checks they exist. */
  requires: readonly (keyof PageSnapshot)[];
  /** Artifacts the detector reads: it runs after them, in the pipeline's second phase, and not at all without them. */
  needs?: readonly ArtifactId[];
  /**
   * Keys of this detector's findings that an artifact's detectors settle with more nuance (axe's html-has-lang for
   * a missing language): shown at once, dropped when that artifact has arrived.
   */
  supersededBy?: Partial<Record<ArtifactId, readonly string[]>>;
  /** The zod schema of its findings' `data`: the runner and the export validate each finding's data by its detector. */
  data: z.ZodType;
  run(snapshot: PageSnapshot, context: DetectorContext): DetectorOutput[] | Promise<DetectorOutput[]>;
}

/** A detector, keeping the type of its data schema (the export's finding type is built from it). */
export function defineDetector<S extends z.ZodType>(detector: Detector & { data: S }): Detector & { data: S } {
  return detector;
}
