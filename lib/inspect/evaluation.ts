import { worded } from '../i18n/format';
import { count, text, texts, type StoredMessage, type MessageKey } from '../model/message';
import type { PageSnapshot } from '../snapshot/schema';
import type { DetectorRun } from './run-detectors';
import { evaluationSchema, type Evaluation, type Finding } from '../detectors/finding';
import { stripUrl } from '../net/strip-url';
import type { NotObserved, Observation } from '../observe/schema';

const stored = worded;

/**
 * The limits of what the gather could see, kept in the evaluation so no one mistakes an empty list for a clean page:
 * the panel shows them in the browser's language, the export in French.
 */
export function limitMessages(snapshot: PageSnapshot): StoredMessage[] {
  const l = snapshot.limits;
  const out: StoredMessage[] = [];
  if (l.crossOriginFrames > 0) out.push(stored('limit_crossOriginFrames', [count(l.crossOriginFrames)]));
  if (l.resourceBufferFull) out.push(stored('limit_resourceBufferFull'));
  if (l.truncated.length > 0) out.push(stored('limit_truncated', [texts(l.truncated)]));
  if (l.unreadElements) out.push(stored('limit_unreadElements', [count(l.unreadElements), text(l.unreadReason ?? '')]));
  // A huge page: the gather stopped at its budget (lib/snapshot/collect.ts); what it did not reach is said.
  const cut = l.notReached;
  if (cut && cut.elements < cut.total) out.push(stored('limit_gatherCut', [count(Math.round(cut.budgetMs / 1000)), count(cut.elements), count(cut.total)]));
  if (cut?.a11y) out.push(stored('limit_a11yFactsNotRead', [count(Math.round(cut.budgetMs / 1000))]));
  if (l.sameOriginFrames) out.push(stored('limit_sameOriginFrames', [count(l.sameOriginFrames)]));
  if (l.timelineCleared) out.push(stored('limit_timelineCleared'));
  if (l.browserLog) out.push(stored('limit_browserLog', [count(l.browserLog.added), l.browserLog.thirdPartyHosts.length ? texts(l.browserLog.thirdPartyHosts) : text('—')]));
  if (l.navigatedFrom) out.push(stored('limit_navigated', [text(l.navigatedFrom), text(snapshot.url)]));
  return out;
}

/** What the accessibility check did not reach before its bound (lib/inspect/inspect-tab.ts sets it on the artifact). */
export function axeCutMessages(cut: { seconds: number; rulesNotChecked?: string[]; framesNotChecked?: boolean; framesUnsealed?: boolean }): StoredMessage[] {
  const out: StoredMessage[] = [];
  if (cut.framesNotChecked) out.push(stored('limit_axeFramesNotChecked', [count(cut.seconds)]));
  if (cut.framesUnsealed) out.push(stored('limit_axeFramesUnsealed'));
  if (cut.rulesNotChecked?.length) {
    out.push(cut.rulesNotChecked.includes('*') ? stored('limit_axeNotFinished', [count(cut.seconds)]) : stored('limit_axeRulesNotChecked', [count(cut.seconds), texts(cut.rulesNotChecked)]));
  }
  return out;
}

const NOT_OBSERVED_KEYS: Record<NotObserved, MessageKey> = {
  frames: 'observe_notObserved_frames',
  'request-log': 'observe_notObserved_requestLog',
  'cookie-store': 'observe_notObserved_cookieStore',
  'no-fields': 'observe_notObserved_noFields',
  navigated: 'observe_notObserved_navigated',
  hooks: 'observe_notObserved_hooks',
  closed: 'observe_notObserved_closed',
  late: 'observe_notObserved_late',
};

/**
 * What an observed reload watched and what it could not (issue 23): its window, what it kept and dropped past its
 * caps, its cost, and each thing not observed, so an empty list of findings is never read as a clean page.
 */
export function observationMessages(o: Observation): StoredMessage[] {
  const out: StoredMessage[] = [
    stored('observe_summary', [count(Math.round(o.windowMs / 1000)), count(o.counts.requests.kept), count(o.typed.length), count(Math.round(o.totalMs / 100) / 10)]),
  ];
  const dropped = o.counts.requests.dropped + o.counts.listeners.dropped + o.counts.canvases.dropped + o.counts.cookies.dropped;
  if (dropped > 0) out.push(stored('observe_dropped', [count(dropped)]));
  if (o.counts.hookErrors > 0) out.push(stored('observe_hookErrors', [count(o.counts.hookErrors)]));
  for (const n of o.notObserved) out.push(stored(NOT_OBSERVED_KEYS[n], n === 'navigated' && o.navigatedTo ? [text(stripUrl(o.navigatedTo))] : []));
  return out;
}

export function buildEvaluation(
  snapshot: PageSnapshot,
  run: DetectorRun,
  opts: { now: number; id: string; version: string; site: string },
): Evaluation {
  return evaluationSchema.parse({
    id: opts.id,
    resource: { url: stripUrl(snapshot.url), site: opts.site, title: snapshot.title },
    inspectedAt: new Date(opts.now).toISOString(),
    loupeVersion: opts.version,
    findings: run.findings,
    detectors: run.detectors,
    limits: limitMessages(snapshot),
    summary: summaryOf(run.findings),
  });
}

/**
 * The evaluation once a later phase has run: the findings and statuses of the detectors that ran again replace
 * theirs, and `drop` removes findings this phase settles better (a detector's `supersededBy`).
 */
export function withPhase(evaluation: Evaluation, run: DetectorRun, drop: (f: Finding) => boolean = () => false): Evaluation {
  const ran = new Set(run.detectors.map((d) => d.id));
  const findings = [...evaluation.findings.filter((f) => !ran.has(f.detector) && !drop(f)), ...run.findings];
  const detectors = [...evaluation.detectors.filter((d) => !ran.has(d.id)), ...run.detectors];
  return evaluationSchema.parse({ ...evaluation, findings, detectors, summary: summaryOf(findings) });
}

function summaryOf(findings: readonly Finding[]): Evaluation['summary'] {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return { blocking: count('blocking'), problem: count('problem'), review: count('review'), info: count('info') };
}
