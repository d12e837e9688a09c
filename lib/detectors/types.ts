import { z } from 'zod';
import type { AxeArtifact } from '../a11y/artifact';
import type { Category, DetectorOutput } from '../model/finding';
import type { GeneratedCode, PageSnapshot } from '../snapshot/schema';
import type { Observation } from '../observe/schema';

/**
 * What the pipeline (lib/inspect/pipeline.ts) produces beyond the snapshot, after the fast findings are shown: a
 * detector that `needs` one runs once it is there. axe's run in the page is the first.
 */
export interface Artifacts {
  /** The page's generated code, serialised for RGAA 8.2 (lib/snapshot/a11y-generated.ts). */
  generated: GeneratedCode;
  axe: AxeArtifact;
  /** What an observed reload saw (issue 23): produced only when the person asks for it (lib/inspect/observe-tab.ts). */
  observation: Observation;
}
export type ArtifactId = keyof Artifacts;
// The generated code first: its request reaches the page before axe's, so 8.2 is validated while axe runs.
export const ARTIFACT_IDS = ['generated', 'axe', 'observation'] as const satisfies readonly ArtifactId[];
/**
 * Artifacts made only on the person's request: without one, the detectors that need it do not run and have no
 * status (an inspection without an observed reload is not an observation that failed).
 */
export const ON_REQUEST: readonly ArtifactId[] = ['observation'];

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
  /**
   * Costs enough to wait: it runs in the second phase as soon as the artifacts it needs (if any) have arrived, while
   * the page produces the others (axe runs in the page's process, this in the extension's), so neither the fast
   * findings nor axe's wait for it.
   */
  deferred?: boolean;
  /** The zod schema of its findings' `data`: the runner and the export validate each finding's data by its detector. */
  data: z.ZodType;
  run(snapshot: PageSnapshot, context: DetectorContext): DetectorOutput[] | Promise<DetectorOutput[]>;
}

/** A detector, keeping the type of its data schema (the export's finding type is built from it). */
export function defineDetector<S extends z.ZodType>(detector: Detector & { data: S }): Detector & { data: S } {
  return detector;
}
