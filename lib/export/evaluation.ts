import { formatMessage } from '../i18n/messages';
import type { PageSnapshot } from '../snapshot/schema';
import type { DetectorRun } from '../inspect/run-detectors';
import { evaluationSchema, type Evaluation } from './schema';
import { stripUrl } from './strip-url';

/** The limits of what the gather could see, as message keys: the panel shows them in the browser's language. */
export function limitMessages(snapshot: PageSnapshot): { key: string; params: string[] }[] {
  const l = snapshot.limits;
  const out: { key: string; params: string[] }[] = [];
  if (l.crossOriginFrames > 0) out.push({ key: 'limit_crossOriginFrames', params: [String(l.crossOriginFrames)] });
  if (l.resourceBufferFull) out.push({ key: 'limit_resourceBufferFull', params: [] });
  if (l.truncated.length > 0) out.push({ key: 'limit_truncated', params: [l.truncated.join(', ')] });
  if (l.unreadElements) out.push({ key: 'limit_unreadElements', params: [String(l.unreadElements), l.unreadReason ?? ''] });
  if (l.sameOriginFrames) out.push({ key: 'limit_sameOriginFrames', params: [String(l.sameOriginFrames)] });
  if (l.timelineCleared) out.push({ key: 'limit_timelineCleared', params: [] });
  if (l.navigatedFrom) out.push({ key: 'limit_navigated', params: [l.navigatedFrom, snapshot.url] });
  if (l.axe?.framesNotChecked) out.push({ key: 'limit_axeFramesNotChecked', params: [String(l.axe.seconds)] });
  if (l.axe?.rulesNotChecked?.length) {
    const all = l.axe.rulesNotChecked.includes('*');
    out.push(all ? { key: 'limit_axeNotFinished', params: [String(l.axe.seconds)] } : { key: 'limit_axeRulesNotChecked', params: [String(l.axe.seconds), l.axe.rulesNotChecked.join(', ')] });
  }
  return out;
}

/** The same limits in French, for the export, so no one mistakes an empty list for a clean page. */
export function describeLimits(snapshot: PageSnapshot): string[] {
  return limitMessages(snapshot).map((m) => formatMessage('fr', m.key, m.params));
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
