import { RGAA_CRITERIA } from './rgaa-criteria';

// From axe's tags to WCAG success criteria and RGAA 4.1.2 criteria.

/** axe writes success criteria without dots: wcag111 → 1.1.1, wcag1410 → 1.4.10, wcag2411 → 2.4.11. */
export function wcagFromTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(t);
    if (m) out.add(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return [...out];
}

/**
 * axe rules without a WCAG tag that a W3C ACT rule nonetheless ties to a success criterion
 * (the ACT id is in axe's own rule metadata): presentation-role-conflict implements ACT 46ca7f, criterion 1.1.1.
 */
const ACT_WCAG: Record<string, string[]> = {
  'presentation-role-conflict': ['1.1.1'],
};

export function wcagOfRule(ruleId: string, tags: readonly string[]): string[] {
  const own = wcagFromTags(tags);
  return own.length > 0 ? own : (ACT_WCAG[ruleId] ?? []);
}

/** Level of the rule for a teacher: A/AA faults are problems; AAA and best practices are information. */
export function levelOf(tags: readonly string[]): 'a-aa' | 'aaa' | 'best-practice' {
  if (tags.some((t) => /^wcag2(1|2)?a{1,2}$/.test(t))) return 'a-aa';
  if (tags.some((t) => /^wcag2(1|2)?aaa$/.test(t))) return 'aaa';
  return 'best-practice';
}

/** RGAA criteria for an axe rule: axe's own RGAA-x.y.z tags (criterion x.y, test z) first, else through WCAG. */
export function rgaaOf(tags: readonly string[], wcag: readonly string[]): string[] {
  const own = new Set<string>();
  for (const t of tags) {
    const m = /^RGAA-(\d+)\.(\d+)\.\d+$/.exec(t);
    if (m && RGAA_CRITERIA[`${m[1]}.${m[2]}`]) own.add(`${m[1]}.${m[2]}`);
  }
  if (own.size > 0) return sortCriteria([...own]);
  const via = Object.entries(RGAA_CRITERIA)
    .filter(([, c]) => c.wcag.some((w) => wcag.includes(w)))
    .map(([n]) => n);
  return sortCriteria(via);
}

function sortCriteria(list: string[]): string[] {
  const key = (n: string) => n.split('.').map(Number);
  return list.sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!);
}
