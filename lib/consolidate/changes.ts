import { isFrom, type Evaluation } from '../detectors/finding';
import { camel } from '../text/key-case';

// What changed on a resource between two inspections, from the findings' data only (not their wording or order):
// a person who evaluated a resource last month needs to know what is new before trusting that evaluation today.

export type InspectionChangeKind =
  | 'tracker-added'
  | 'tracker-gone'
  | 'legal-added'
  | 'legal-gone'
  | 'legal-changed'
  | 'licence-changed'
  | 'signup-added'
  | 'signup-gone'
  | 'gar-added'
  | 'gar-gone';

export interface InspectionChange {
  kind: InspectionChangeKind;
  /** Locale key `change_<kind>`, its parameters below. */
  messageKey: string;
  params: string[];
  /** The two inspections compared (ISO dates). */
  since: string;
  until: string;
}

/** The legal links whose change matters to a school (terms of use, privacy policy, legal notice). */
const LEGAL_KINDS = ['terms', 'privacy', 'legal-notice'] as const;

/** Trackers by their database key, unknown third parties by site: a query string or an order changes neither. */
function trackersOf(e: Evaluation): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of e.findings) {
    if (!isFrom(f, 'trackers') || !f.data) continue;
    const d = f.data;
    if ('organizationKey' in d) for (const t of d.trackers) out.set(`tracker:${t.key}`, t.name);
    else if ('site' in d) out.set(`site:${d.site}`, d.site);
  }
  return out;
}

/** An address without its fragment or trailing slash, so the same page written two ways is one address. */
function sameAddress(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

function legalOf(e: Evaluation, kind: string): string[] | null {
  for (const f of e.findings) {
    if (isFrom(f, 'legal-links') && f.data?.kind === 'found' && f.data.document === kind) return [...new Set(f.data.urls.map(sameAddress))].sort();
  }
  return null;
}

function licencesOf(e: Evaluation): string[] {
  const out = new Set<string>();
  for (const f of e.findings) {
    if (isFrom(f, 'licence') && f.data?.kind === 'licence') out.add(f.data.licence);
  }
  return [...out].sort();
}


function hasFinding(e: Evaluation, id: string): boolean {
  return e.findings.some((f) => f.id === id);
}

/** Changes from `before` to `after` (two inspections of the same resource), in a stable order. */
export function inspectionChanges(before: Evaluation, after: Evaluation): InspectionChange[] {
  const out: InspectionChange[] = [];
  // One message key per legal document (change_legalChanged_privacy…): the document's name is translated text.
  const add = (kind: InspectionChangeKind, params: string[], legal?: string) =>
    out.push({ kind, messageKey: `change_${camel(kind)}${legal ? `_${camel(legal)}` : ''}`, params, since: before.inspectedAt, until: after.inspectedAt });

  const was = trackersOf(before);
  const now = trackersOf(after);
  for (const [key, name] of now) if (!was.has(key)) add('tracker-added', [name]);
  for (const [key, name] of was) if (!now.has(key)) add('tracker-gone', [name]);

  for (const kind of LEGAL_KINDS) {
    const a = legalOf(before, kind);
    const b = legalOf(after, kind);
    if (!a && b) add('legal-added', [b.join(', ')], kind);
    else if (a && !b) add('legal-gone', [a.join(', ')], kind);
    else if (a && b && a.join(' ') !== b.join(' ')) add('legal-changed', [a.join(', '), b.join(', ')], kind);
  }

  const la = licencesOf(before);
  const lb = licencesOf(after);
  if (la.join('|') !== lb.join('|')) add('licence-changed', [la.join(', ') || '—', lb.join(', ') || '—']);

  const sa = hasFinding(before, 'account/signup-form');
  const sb = hasFinding(after, 'account/signup-form');
  if (!sa && sb) add('signup-added', []);
  if (sa && !sb) add('signup-gone', []);

  const ga = hasFinding(before, 'gar-mark/mark');
  const gb = hasFinding(after, 'gar-mark/mark');
  if (!ga && gb) add('gar-added', []);
  if (ga && !gb) add('gar-gone', []);
  return out;
}

export interface ChangeStep {
  since: string;
  until: string;
  changes: InspectionChange[];
}

/**
 * What changed along a resource's history: each inspection against the one before it, oldest first, keeping only
 * the steps where something changed. Two evaluators' evaluations of one inspection (same date) are not a change.
 */
export function historyChanges(evaluations: readonly Evaluation[]): ChangeStep[] {
  const byDate = [...evaluations].sort((a, b) => Date.parse(a.inspectedAt) - Date.parse(b.inspectedAt));
  const steps: ChangeStep[] = [];
  for (let i = 1; i < byDate.length; i++) {
    const before = byDate[i - 1]!;
    const after = byDate[i]!;
    if (before.inspectedAt === after.inspectedAt) continue;
    const changes = inspectionChanges(before, after);
    if (changes.length > 0) steps.push({ since: before.inspectedAt, until: after.inspectedAt, changes });
  }
  return steps;
}
