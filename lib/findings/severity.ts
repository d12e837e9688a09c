import type { Severity } from '../model/finding';

/** Most serious first. */
export const SEVERITY_RANK: Record<Severity, number> = { blocking: 0, problem: 1, review: 2, info: 3 };

export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
