import { EVIDENCE_CAP } from '../findings/evidence';
import { formatWith } from '../i18n/format';
import { mapPageText } from '../model/message';
import { declaredOnly } from './guard';
import type { PageSnapshot } from '../snapshot/schema';
import type { Detector, DetectorContext } from '../detectors/types';
import { findingSchema, type Finding } from '../detectors/finding';
import { type DetectorStatus } from '../model/finding';
import { stripBidi } from '../text/untrusted';
import { safeEvidence } from './safe-evidence';
import { forgetParsedUrls } from '../net/parse-url';
import { forgetClassifiedLinks } from '../detectors/legal-links';

export interface DetectorRun {
  findings: Finding[];
  detectors: DetectorStatus[];
}

/**
 * Runs detectors on one snapshot. A detector that throws does not take the others down: its error is named in the
 * result so the panel can say which check failed, and none of its findings are kept (half a check reads as a clean
 * one).
 */
export async function runDetectors(
  snapshot: PageSnapshot,
  list: readonly Detector[],
  context: DetectorContext,
): Promise<DetectorRun> {
  const findings: Finding[] = [];
  const detectors: DetectorStatus[] = [];
  forgetParsedUrls();
  forgetClassifiedLinks();
  await Promise.all(
    list.map(async (detector) => {
      const started = performance.now();
      try {
        const own = findingsOf(detector, await detector.run(declaredOnly(snapshot, detector), context));
        findings.push(...own);
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

/**
 * One detector's outputs as findings, each validated by the export schema (its data by the detector's own schema);
 * throws on the first bad one, before anything reaches the report.
 */
function findingsOf(detector: Detector, outputs: Awaited<ReturnType<Detector['run']>>): Finding[] {
  const own: Finding[] = [];
  const seen = new Set<string>();
  for (const o of outputs) {
    const id = `${detector.id}/${o.key}`;
    if (seen.has(id)) throw new Error(`duplicate finding key ${o.key}`);
    seen.add(id);
    const params = (o.params ?? []).map((p) => mapPageText(p, stripBidi));
    const parsed = findingSchema.safeParse({
      id,
      detector: detector.id,
      category: detector.category,
      severity: o.severity,
      messageKey: o.messageKey,
      params,
      message: formatWith('fr', o.messageKey, params),
      // One cap for every detector: a detector lists what it found, the runner keeps what a person can use.
      evidence: safeEvidence(o.evidence.slice(0, EVIDENCE_CAP)),
      ...(o.data !== undefined ? { data: o.data } : {}),
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`finding ${o.key} does not match the export schema: ${issues}`);
    }
    own.push(parsed.data);
  }
  return own;
}
