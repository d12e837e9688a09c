import type { Evaluation, Finding } from '../../lib/detectors/finding';

/** A hand-built evaluation around some findings, its summary counted from them. */
export function evaluationOf(findings: Finding[], detectors: Evaluation['detectors']): Evaluation {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    id: 'abcdefgh',
    resource: { url: 'https://e.fr/', site: 'e.fr', title: 'T' },
    inspectedAt: new Date(0).toISOString(),
    loupeVersion: '0',
    findings,
    detectors,
    limits: [],
    summary: { blocking: count('blocking'), problem: count('problem'), review: count('review'), info: count('info') },
  };
}
