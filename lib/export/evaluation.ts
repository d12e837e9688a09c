import { formatMessage } from '../i18n/messages';
import type { PageSnapshot } from '../snapshot/schema';
import type { DetectorRun } from '../inspect/run-detectors';
import { evaluationSchema, type Evaluation } from './schema';
import { stripUrl } from './strip-url';

/** The limits of what the gather could see, in French, so no one mistakes an empty list for a clean page. */
export function describeLimits(snapshot: PageSnapshot): string[] {
  const l = snapshot.limits;
  const out: string[] = [];
  if (l.crossOriginFrames > 0) out.push(formatMessage('fr', 'limit_crossOriginFrames', [String(l.crossOriginFrames)]));
  if (l.resourceBufferFull) out.push(formatMessage('fr', 'limit_resourceBufferFull'));
  if (l.truncated.length > 0) out.push(formatMessage('fr', 'limit_truncated', [l.truncated.join(', ')]));
  return out;
}

export function buildEvaluation(
  snapshot: PageSnapshot,
  run: DetectorRun,
  opts: { now: number; id: string; version: string },
): Evaluation {
  const site = safeHost(snapshot.url);
  const count = (s: string) => run.findings.filter((f) => f.severity === s).length;
  return evaluationSchema.parse({
    id: opts.id,
    resource: { url: stripUrl(snapshot.url), site, title: snapshot.title },
    inspectedAt: new Date(opts.now).toISOString(),
    loupeVersion: opts.version,
    findings: run.findings,
    detectors: run.detectors,
    limits: describeLimits(snapshot),
    summary: { blocking: count('blocking'), problem: count('problem'), review: count('review'), info: count('info') },
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
