import type { Evaluation } from '../detectors/finding';
import type { StoredConsolidation, StoredEvaluation } from '../storage/record';
import { inspectionChanges, type InspectionChange } from './changes';

// What the database already says about the inspected resource, before the person reads today's findings:
// how often it was evaluated, the referent's verdict, and what changed since the newest evaluated inspection.

export interface Advice {
  count: number;
  /** The newest stored evaluation, for the link to its details. */
  newestId: string;
  referent?: StoredConsolidation['consolidation'];
  /** Date of the evaluated inspection the changes are counted from. */
  since?: string;
  changes: InspectionChange[];
}

/** `undefined` when nothing is stored for the resource: the panel then shows nothing. */
export function adviceOf(inspection: Evaluation, same: StoredEvaluation[], referent?: StoredConsolidation): Advice | undefined {
  const stored = same.filter((r) => r.evaluation.id !== inspection.id);
  if (stored.length === 0 && !referent) return undefined;
  const newest = [...stored].sort((a, b) => Date.parse(b.evaluation.inspectedAt) - Date.parse(a.evaluation.inspectedAt))[0];
  const changes = newest && newest.evaluation.inspectedAt !== inspection.inspectedAt ? inspectionChanges(newest.evaluation, inspection) : [];
  return {
    count: stored.length,
    newestId: newest?.id ?? '',
    ...(referent ? { referent: referent.consolidation } : {}),
    ...(newest ? { since: newest.evaluation.inspectedAt } : {}),
    changes,
  };
}
