import { formatMessage } from '../i18n/messages';
import type { PageSnapshot } from '../snapshot/schema';
import type { Detector, DetectorContext } from '../detectors/types';
import type { DetectorStatus, Finding } from '../export/schema';
import { stripBidi } from '../text/untrusted';
import { safeEvidence } from './safe-evidence';

export interface DetectorRun {
  findings: Finding[];
  detectors: DetectorStatus[];
}

/**
 * Runs every detector on one snapshot. A detector that throws does not take the others down: its error is named
 * in the result so the panel can say which check failed.
 */
export async function runDetectors(
  snapshot: PageSnapshot,
  list: readonly Detector[],
  context: DetectorContext,
): Promise<DetectorRun> {
  const findings: Finding[] = [];
  const detectors: DetectorStatus[] = [];
  await Promise.all(
    list.map(async (detector) => {
      const started = performance.now();
      try {
        const outputs = await detector.run(snapshot, context);
        const seen = new Set<string>();
        for (const o of outputs) {
          const id = `${detector.id}/${o.key}`;
          if (seen.has(id)) throw new Error(`duplicate finding key ${o.key}`);
          seen.add(id);
          const params = (o.params ?? []).map(stripBidi);
          findings.push({
            id,
            detector: detector.id,
            category: detector.category,
            severity: o.severity,
            messageKey: o.messageKey,
            params,
            message: formatMessage('fr', o.messageKey, params),
            evidence: safeEvidence(o.evidence),
            ...(o.data ? { data: o.data } : {}),
          });
        }
        detectors.push({ id: detector.id, status: 'ok', ms: Math.round(performance.now() - started) });
      } catch (error) {
        detectors.push({
          id: detector.id,
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
          ms: Math.round(performance.now() - started),
        });
      }
    }),
  );
  // Detectors finish in any order; the report must not.
  const order = new Map(list.map((d, i) => [d.id, i]));
  findings.sort((a, b) => order.get(a.detector)! - order.get(b.detector)!);
  detectors.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { findings, detectors };
}
