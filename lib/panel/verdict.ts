import { CATEGORIES, type Category, type Severity, SEVERITY_RANK } from '../model/finding';
import { isFrom, type Evaluation, type Finding } from '../detectors/finding';
import { hasMessage } from '../i18n/messages';
import { displayFindings, type ShownFinding } from './display';
import { categoryStatus, severityCounts, type CategoryStatus } from './status';
import { camel } from '../text/key-case';

export type { CategoryStatus } from './status';

// What the panel shows, worked out from the evaluation alone: no browser, no DOM, so it is tested in vitest and any
// new detector appears in the panel through its category and findings, without a change here.

/** A message key with its substitutions: rendered in the browser's language by the panel. */
export interface Message {
  key: string;
  params: string[];
}

export interface CategoryView {
  category: Category;
  status: CategoryStatus;
  /** As listed (the same fact once, lib/panel/display.ts), most serious first. */
  findings: ShownFinding[];
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
  blocking: ShownFinding[];
  /** Faults to weigh, listed right after the blocking points. */
  problems: ShownFinding[];
  /** Counts of the findings as listed: what the person can count on the screen. */
  summary: Record<Severity, number>;
  categories: CategoryView[];
  /** A word added under a finding because of another one (a sign-up form on a resource reached through the GAR). */
  notes: Record<string, Message>;
  publisher?: string;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}


export function categoryKey(c: Category): string {
  return `category_${camel(c)}`;
}

/** Why a finding matters for a class: its own sentence when the detector wrote one, else its category's. */
export function whyKey(f: Pick<Finding, 'messageKey' | 'category'>): string {
  const own = `why_${f.messageKey}`;
  return hasMessage(own) ? own : `why_${camel(f.category)}`;
}

/**
 * A public sign-up form stays blocking, but when the page carries the GAR mark or a GAR sign-in, pupils reached
 * through the ENT do not use that form: said beside the blocking point until the grid's context of use decides it.
 */
function crossNotes(findings: readonly Finding[]): Record<string, Message> {
  const gar = findings.some((f) => f.detector === 'gar-mark' && (f.id.endsWith('/mark') || f.id.endsWith('/access')));
  const notes: Record<string, Message> = {};
  if (!gar) return notes;
  for (const f of findings) {
    if (f.detector === 'account' && f.severity === 'blocking') notes[f.id] = { key: 'panel_noteSignupGar', params: [] };
  }
  return notes;
}

/**
 * The panel's reading of an evaluation. A category is shown when one of its detectors ran (so "ok" means checked and
 * clean, never "not checked") or when it has findings; `detectorCategory` maps detector ids to their category.
 */
export function buildVerdict(evaluation: Evaluation, detectorCategory: Readonly<Record<string, Category>>): Verdict {
  const categories: CategoryView[] = [];
  const shown = displayFindings(evaluation.findings);
  for (const category of CATEGORIES) {
    const findings = shown.filter((f) => f.category === category).sort(bySeverity);
    const own = evaluation.findings.filter((f) => f.category === category);
    const ran = evaluation.detectors.filter((d) => (detectorCategory[d.id] ?? own.find((f) => f.detector === d.id)?.category) === category);
    if (own.length === 0 && ran.length === 0) continue;
    const failed = ran.filter((d) => d.status === 'error').map((d) => ({ id: d.id, error: d.error ?? '' }));
    categories.push({ category, status: categoryStatus(findings, failed.length), findings, counts: severityCounts(findings), failed });
  }
  const listed = categories.flatMap((c) => c.findings);
  const s = severityCounts(listed);
  const level: Level = s.blocking > 0 ? 'blocking' : s.problem > 0 ? 'problem' : s.review > 0 ? 'review' : 'ok';
  const n = { blocking: s.blocking, problem: s.problem, review: s.review, ok: 0 }[level];
  return {
    level,
    headline: { key: `verdict_${level}${level === 'ok' ? '' : n === 1 ? '_one' : '_many'}`, params: [String(n)] },
    blocking: listed.filter((f) => f.severity === 'blocking'),
    problems: listed.filter((f) => f.severity === 'problem'),
    summary: s,
    categories,
    notes: crossNotes(evaluation.findings),
    publisher: evaluation.resource.publisher || publisherFromData(evaluation.findings),
  };
}

/** The publisher-dates detector names the publisher in its data (JSON-LD, microdata). */
function publisherFromData(findings: readonly Finding[]): string | undefined {
  for (const f of findings) {
    if (isFrom(f, 'publisher-dates') && f.data?.kind === 'publisher' && f.data.publisher.trim()) return f.data.publisher.trim().slice(0, 200);
  }
  return undefined;
}
