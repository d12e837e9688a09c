import { SEVERITIES, type Severity, worstSeverity } from '../model/finding';
import type { Finding } from '../detectors/finding';


// A category's badge, from its findings alone: the worst severity in it, so a category holding a blocking point says
// "Bloquant" and never less. When only facts remain, an expected thing that was not found (no GAR mark) is its own
// status, "Non trouvé": a teacher should know about an absence, and "OK" would say the opposite.

/** blocking…info follow the findings' severities; absent: only facts, one of them an absence; error: a check failed. */
export type CategoryStatus = 'blocking' | 'problem' | 'review' | 'absent' | 'ok' | 'error';

export const STATUS_RANK: Record<CategoryStatus, number> = { blocking: 0, problem: 1, error: 2, review: 3, absent: 4, ok: 5 };

// Detectors name their findings by what they state: an absence is keyed "not-found", "not-stated", "missing-…" or
// "no-…" (gar-mark/not-found, licence/not-stated, legal-links/missing-privacy, publisher-dates/no-date). "none" is
// not one: "no tracker seen" is good news, not something missing.
const ABSENCE_KEY = /^(not-found|not-stated|missing\b|no-)/;

/** Whether the finding says that something a resource should show was not found on the page. */
export function isAbsence(f: Pick<Finding, 'id'>): boolean {
  const key = f.id.slice(f.id.indexOf('/') + 1);
  return ABSENCE_KEY.test(key);
}

/**
 * The badge of a category. A failed check outranks "to check" and below (what it would have found is unknown) but
 * not a blocking point or a problem already found by another check of the category.
 */
export function categoryStatus(findings: readonly Pick<Finding, 'id' | 'severity'>[], failedChecks = 0): CategoryStatus {
  const worst = worstSeverity(findings);
  if (worst === 'blocking' || worst === 'problem') return worst;
  if (failedChecks > 0) return 'error';
  if (worst === 'review') return 'review';
  return findings.some(isAbsence) ? 'absent' : 'ok';
}

export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const c = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) c[f.severity]++;
  return c;
}
