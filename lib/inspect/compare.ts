import { EVIDENCE_CAP } from '../findings/evidence';
import { worded } from '../i18n/format';
import { texts } from '../model/message';
import { isFrom, type Evaluation, type Finding } from '../detectors/finding';
import { TRACKING_CATEGORIES } from '../trackers/categories';

// Before and after the cookie banner. Loupe never clicks the banner: the person inspects, answers the banner on the
// page themselves, reloads, inspects again, and says what they answered. Comparing the two evaluations shows what
// changed; after a refusal, any tracker still loaded is a finding of its own ("encore chargés après le refus").
// Findings keep the same id for the same thing on the same page (`<detector>/<key>`), which is what is compared.

export type ConsentChoice = 'refused' | 'accepted' | 'unknown';

export interface InspectionComparison {
  choice: ConsentChoice;
  /** In the second inspection only. */
  appeared: Finding[];
  /** In the first inspection only. */
  disappeared: Finding[];
  /** In both (as seen the second time). */
  kept: Finding[];
  /** What the comparison itself establishes, e.g. trackers still loaded after a refusal. */
  findings: Finding[];
}

/**
 * Findings that show a tracker or an ad network at work: their evidence names what was loaded. Informational
 * findings (an unknown third party such as a CDN, a summary, a limit) are not trackers.
 */
function trackerFindings(e: Evaluation): Finding[] {
  return e.findings.filter(
    (f) =>
      ((f.category === 'trackers' || f.category === 'ads') && f.severity !== 'info' && f.evidence.some((x) => x.url) && tracks(f)) ||
      f.id === 'consent/trackers-before-consent',
  );
}

/** A tracker organisation counts when one of its trackerdb categories follows visitors; an ad slot always does. */
function tracks(f: Finding): boolean {
  if (!isFrom(f, 'trackers') || f.data?.kind !== 'organization') return true;
  return f.data.categories.some((c) => TRACKING_CATEGORIES.includes(c));
}

/** The name a finding gives to what it found: its organisation or network, else the evidence's own text. */
function nameOf(f: Finding): string | undefined {
  if (isFrom(f, 'trackers') && (f.data?.kind === 'organization' || f.data?.kind === 'session-recording')) return f.data.organization || undefined;
  if (isFrom(f, 'ads') && (f.data?.kind === 'slot' || f.data?.kind === 'code')) return f.data.network || undefined;
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

export function compareInspections(before: Evaluation, after: Evaluation, choice: ConsentChoice = 'unknown'): InspectionComparison {
  const beforeIds = new Set(before.findings.map((f) => f.id));
  const afterIds = new Set(after.findings.map((f) => f.id));
  const comparison: InspectionComparison = {
    choice,
    appeared: after.findings.filter((f) => !beforeIds.has(f.id)),
    disappeared: before.findings.filter((f) => !afterIds.has(f.id)),
    kept: after.findings.filter((f) => beforeIds.has(f.id)),
    findings: [],
  };
  if (choice !== 'refused') return comparison;

  const evidence = trackerFindings(after).flatMap((f) => {
    const name = nameOf(f);
    return f.evidence.filter((x) => x.url).map((x) => (name ? { ...x, text: name } : x));
  });
  const seen = new Set<string>();
  const unique = evidence.filter((x) => {
    const k = x.url!;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (unique.length === 0) return comparison;
  const names = [...new Set(unique.map((x) => x.text || hostOf(x.url!)))];
  comparison.findings.push({
    id: 'consent/still-loaded-after-refusal',
    detector: 'consent',
    category: 'consent',
    severity: 'problem',
    ...worded('consent_stillLoadedAfterRefusal', [texts(names)]),
    evidence: unique.slice(0, EVIDENCE_CAP),
    data: { kind: 'trackers-before-consent', trackers: names, before: before.id, after: after.id },
  });
  return comparison;
}
