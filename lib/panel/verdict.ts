import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../detectors/types';
import { isFrom, type Evaluation, type Finding } from '../export/schema';
import { hasMessage } from '../i18n/messages';

// What the panel shows, worked out from the evaluation alone: no browser, no DOM, so it is tested in vitest and any
// new detector appears in the panel through its category and findings, without a change here.

/** ok: nothing to weigh; review: a person must check; problem: a fault or a blocking point; error: a check failed. */
export type CategoryStatus = 'ok' | 'review' | 'problem' | 'error';

/** A message key with its substitutions: rendered in the browser's language by the panel. */
export interface Message {
  key: string;
  params: string[];
}

export interface CategoryView {
  category: Category;
  status: CategoryStatus;
  /** Most serious first. */
  findings: Finding[];
  counts: Record<Severity, number>;
  /** Ids of this category's detectors that threw; the other detectors' findings still show. */
  failed: { id: string; error: string }[];
}

export type Level = 'blocking' | 'problem' | 'review' | 'ok';

export interface Verdict {
  level: Level;
  /** The headline, in plain words (no internal ids). */
  headline: Message;
  /** Ads shown to pupils, accounts pupils must create, advertising trackers: listed before anything else. */
  blocking: Finding[];
  categories: CategoryView[];
  publisher?: string;
}

const RANK: Record<Severity, number> = { blocking: 0, problem: 1, review: 2, info: 3 };

export function bySeverity(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity];
}

/** `legal-links` → `legalLinks`: message keys allow [A-Za-z0-9_] only. */
export function camel(id: string): string {
  return id.replace(/-(\w)/g, (_, x: string) => x.toUpperCase());
}

export function categoryKey(c: Category): string {
  return `category_${camel(c)}`;
}

/** Why a finding matters for a class: its own sentence when the detector wrote one, else its category's. */
export function whyKey(f: Pick<Finding, 'messageKey' | 'category'>): string {
  const own = `why_${f.messageKey}`;
  return hasMessage(own) ? own : `why_${camel(f.category)}`;
}

/** Whether the finding has a sentence of its own, different from the one shown under its category's heading. */
export function hasOwnWhy(f: Pick<Finding, 'messageKey'>): boolean {
  return hasMessage(`why_${f.messageKey}`);
}

export function statusOf(counts: Record<Severity, number>, failed: number): CategoryStatus {
  if (counts.blocking + counts.problem > 0) return 'problem';
  if (failed > 0) return 'error';
  if (counts.review > 0) return 'review';
  return 'ok';
}

function countsOf(findings: readonly Finding[]): Record<Severity, number> {
  const c = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * The panel's reading of an evaluation. A category is shown when one of its detectors ran (so "ok" means checked and
 * clean, never "not checked") or when it has findings; `detectorCategory` maps detector ids to their category.
 */
export function buildVerdict(evaluation: Evaluation, detectorCategory: Readonly<Record<string, Category>>): Verdict {
  const categories: CategoryView[] = [];
  for (const category of CATEGORIES) {
    const findings = evaluation.findings.filter((f) => f.category === category).sort(bySeverity);
    const ran = evaluation.detectors.filter((d) => (detectorCategory[d.id] ?? findings.find((f) => f.detector === d.id)?.category) === category);
    if (findings.length === 0 && ran.length === 0) continue;
    const failed = ran.filter((d) => d.status === 'error').map((d) => ({ id: d.id, error: d.error ?? '' }));
    const counts = countsOf(findings);
    categories.push({ category, status: statusOf(counts, failed.length), findings, counts, failed });
  }
  const blocking = evaluation.findings.filter((f) => f.severity === 'blocking');
  const s = evaluation.summary;
  const level: Level = s.blocking > 0 ? 'blocking' : s.problem > 0 ? 'problem' : s.review > 0 ? 'review' : 'ok';
  const n = { blocking: s.blocking, problem: s.problem, review: s.review, ok: 0 }[level];
  return {
    level,
    headline: { key: `verdict_${level}${level === 'ok' ? '' : n === 1 ? '_one' : '_many'}`, params: [String(n)] },
    blocking,
    categories,
    publisher: evaluation.resource.publisher || publisherFromData(evaluation.findings),
  };
}

/** The publisher-dates detector names the publisher in its data (JSON-LD, microdata). */
function publisherFromData(findings: readonly Finding[]): string | undefined {
  for (const f of findings) {
    if (isFrom(f, 'publisher-dates') && f.data && 'publisher' in f.data && f.data.publisher.trim()) return f.data.publisher.trim().slice(0, 200);
  }
  return undefined;
}

/** The counts line under the headline, one message per non-zero severity. */
export function countMessages(summary: Evaluation['summary']): Message[] {
  return SEVERITIES.filter((s) => summary[s] > 0).map((s) => ({
    key: `count_${s}_${summary[s] === 1 ? 'one' : 'many'}`,
    params: [String(summary[s])],
  }));
}
