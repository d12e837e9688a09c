import { type Evidence, worstSeverity } from '../model/finding';
import type { MessageKey, Param } from '../model/message';
import { isFrom, type Finding } from '../detectors/finding';
import { dedupeEvidence } from '../findings/dedupe-evidence';

// What the panel lists, from the evaluation's findings: the same fact said once. The export keeps every finding as
// the detectors wrote it; only the view folds them.
// - Findings of one kind that differ only by the network they name (one ad slot finding per ad network) become one,
//   naming each network once; their evidence is pooled.
// - An axe rule that says what one of Loupe's own checks already says (autoplay, video captions) is folded into
//   that check: one finding, with the worse of the two severities and both sets of references.
// - What a tracker does beyond receiving data (recording the session, leaving its cookies) is said with its
//   organisation's finding, so the organisation is named once.
// - axe's run summary is not a finding to read: the accessibility section shows it as its own line.
// - A third party that trackerdb knows only as content hosting (jsDelivr, cdnjs) is said to be one, not a tracker;
//   a site of the French public services (gar.education.fr) is named as such, not as an unknown third party.

/** A finding as listed, with the ids of the findings folded into it (its own first). */
export type ShownFinding = Finding & {
  folded: string[];
  /** What the folded findings add, said after the finding's own message. */
  also?: { messageKey: string; params: Param[] }[];
  /** RGAA and WCAG references of the finding and of what was folded into it. */
  refs?: { rgaa: string[]; wcag: string[] };
};

/**
 * Kinds listed as one finding, with how their parameters combine: the names joined, the counts added. The index of
 * each parameter that is a name or a count; the others are taken from the first finding.
 */
const GROUPS: Record<string, { names: number; counts?: number }> = {
  ads_slot: { names: 0, counts: 1 },
  ads_code: { names: 0 },
};

/** axe rules that one of Loupe's checks (by detector id) reports in plainer words. */
const AXE_RULE_COVERED_BY: Readonly<Record<string, string>> = {
  'no-autoplay-audio': 'a11y-autoplay',
  'video-caption': 'a11y-captions',
};

const AXE = 'axe';

/** trackerdb categories of third parties that serve content and follow no one. */
const CONTENT_HOSTING = new Set(['hosting']);

/** Registrable domains of French public services, with the message key naming who runs them. */
export const PUBLIC_SERVICES: Readonly<Record<string, MessageKey>> = {
  'education.fr': 'publicService_education',
  'education.gouv.fr': 'publicService_education',
  'gouv.fr': 'publicService_state',
};

/** The finding as the view words it: a content host or a public service is not called a tracker. */
function reworded(f: Finding): Finding {
  if (!isFrom(f, 'trackers') || !f.data) return f;
  if (f.data.kind === 'organization' && f.messageKey.startsWith('trackers_org_')) {
    const categories = f.data.categories;
    if (categories.length > 0 && categories.every((c) => CONTENT_HOSTING.has(c))) {
      // What it serves is the page's own content: a fact to know (it sees visitors' addresses), nothing to decide.
      return { ...f, severity: 'info', messageKey: 'trackers_contentHost', params: f.params.slice(0, 1) };
    }
  }
  if (f.data.kind === 'unknown' && f.messageKey === 'trackers_unknownThirdParty') {
    const service = PUBLIC_SERVICES[f.data.site];
    if (service) return { ...f, messageKey: 'trackers_publicService', params: [...f.params.slice(0, 1), { message: service }] };
  }
  return f;
}

function axeRule(f: Finding): string | undefined {
  return isFrom(f, AXE) && f.data && 'rule' in f.data ? f.data.rule : undefined;
}

/** The RGAA and WCAG references a finding carries (accessibility checks and axe's rules have them). */
export function refsOf(f: Finding | ShownFinding): { rgaa: string[]; wcag: string[] } {
  if ('refs' in f && f.refs) return f.refs;
  const d = f.data;
  return { rgaa: d && 'rgaa' in d ? d.rgaa : [], wcag: d && 'wcag' in d ? d.wcag : [] };
}

function fold(into: ShownFinding, other: Finding): ShownFinding {
  const [a, b] = [refsOf(into), refsOf(other)];
  return {
    ...into,
    severity: worstSeverity([into, other])!,
    evidence: dedupeEvidence([...into.evidence, ...other.evidence]),
    refs: { rgaa: [...new Set([...a.rgaa, ...b.rgaa])], wcag: [...new Set([...a.wcag, ...b.wcag])] },
    folded: [...into.folded, other.id],
  };
}

/** The one organisation a session recorder or a set of tracker cookies belongs to (none when they are several). */
function organizationOf(f: Finding): string | undefined {
  if (isFrom(f, 'trackers') && f.data?.kind === 'session-recording' && f.messageKey === 'trackers_sessionRecording') return f.data.organization;
  if (!isFrom(f, 'storage') || f.data?.kind !== 'tracker-cookies') return undefined;
  const orgs = new Set(f.data.cookies.map((c) => c.organization));
  const [only] = orgs;
  return orgs.size === 1 ? only : undefined;
}

/** The organisation an organisation's finding names. */
function organizationNamed(f: Finding): string | undefined {
  return isFrom(f, 'trackers') && f.data?.kind === 'organization' ? f.data.organization : undefined;
}

/** The names of several findings as one list, each once. */
function joinNames(names: Param[]): Param {
  const seen = new Set<string>();
  return { list: names.filter((n) => !seen.has(JSON.stringify(n)) && !!seen.add(JSON.stringify(n))) };
}

const countOf = (p: Param | undefined): number => (p && 'count' in p ? p.count : 0);

export function displayFindings(findings: readonly Finding[]): ShownFinding[] {
  const out: ShownFinding[] = [];
  const groupAt = new Map<string, number>();
  const members = new Map<number, Finding[]>();
  for (const raw of findings) {
    if (raw.id === `${AXE}/summary`) continue;
    const f = reworded(raw);
    const covering = AXE_RULE_COVERED_BY[axeRule(f) ?? ''];
    if (covering && findings.some((g) => g.detector === covering && g.category === f.category)) continue;
    const group = GROUPS[f.messageKey];
    const gk = `${f.category} ${f.messageKey}`;
    if (group && groupAt.has(gk)) {
      const i = groupAt.get(gk)!;
      members.get(i)!.push(f);
      continue;
    }
    if (group) {
      groupAt.set(gk, out.length);
      members.set(out.length, [f]);
    }
    out.push({ ...f, folded: [f.id] });
  }
  // Grouped kinds: one finding naming every network once.
  for (const [i, list] of members) {
    if (list.length < 2) continue;
    const g = GROUPS[list[0]!.messageKey]!;
    const params = [...list[0]!.params];
    params[g.names] = joinNames(list.flatMap((f) => f.params[g.names] ?? []));
    if (g.counts !== undefined) params[g.counts] = { count: list.reduce((n, f) => n + countOf(f.params[g.counts!]), 0) };
    out[i] = {
      ...out[i]!,
      severity: worstSeverity(list)!,
      params,
      evidence: dedupeEvidence(list.flatMap((f) => f.evidence)),
      folded: list.map((f) => f.id),
    };
  }
  // An organisation's finding takes in what its trackers do: record the session, leave their cookies.
  for (const f of findings) {
    const organization = organizationOf(f);
    if (!organization) continue;
    const i = out.findIndex((g) => g.category === f.category && organizationNamed(g) === organization);
    const org = out[i];
    if (!org) continue;
    const own = out.findIndex((g) => g.id === f.id);
    if (own < 0) continue;
    out[i] = { ...org, severity: worstSeverity([org, f])!, folded: [...org.folded, f.id], also: [...(org.also ?? []), { messageKey: f.messageKey, params: f.params }] };
    out.splice(own, 1);
  }
  // Loupe's check takes in the axe rule that says the same.
  for (const f of findings) {
    const covering = AXE_RULE_COVERED_BY[axeRule(f) ?? ''];
    if (!covering) continue;
    const i = out.findIndex((g) => g.detector === covering && g.category === f.category);
    if (i >= 0) out[i] = fold(out[i]!, f);
  }
  return out;
}

/** Evidence labels as listed: each different text once, with how many times it was seen. */
export function evidenceLines(evidence: readonly Evidence[]): { text: string; count: number; code: boolean }[] {
  const lines = new Map<string, { text: string; count: number; code: boolean }>();
  for (const e of evidence) {
    const text = (e.text || e.url || e.snippet || e.selector || '').trim();
    if (!text) continue;
    const line = lines.get(text) ?? { text, count: 0, code: /^<[a-z]/i.test(text) };
    line.count++;
    lines.set(text, line);
  }
  return [...lines.values()];
}
