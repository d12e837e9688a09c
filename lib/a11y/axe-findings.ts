import { z } from 'zod';
import { a11yFacts, userGroupSchema, usersOf, USER_GROUPS, type UserGroup } from './users';
import type { DetectorOutput, Evidence } from '../model/finding';
import { count, text, texts, type Param } from '../model/message';
import { SHADOW_SEP } from '../snapshot/node-ref';
import type { AxeArtifact, AxeRule, AxeTarget } from './artifact';
import { AXE_RGAA } from './axe-rgaa';
import { axeRgaaEntry } from './axe-rgaa-build';
import { levelOf } from './wcag';

// Turns an axe run into findings of category accessibility (detector id "axe"): one per rule that fails ("problem"
// when the rule fails an RGAA 4.1.2 criterion or a WCAG A/AA one, else "info": lib/a11y/axe-rgaa.ts), one per such
// rule axe could not settle ("review"), and a summary.

export const AXE_DETECTOR_ID = 'axe';

const ruleData = {
  rule: z.string(),
  impact: z.enum(['minor', 'moderate', 'serious', 'critical']).nullable(),
  level: z.enum(['a-aa', 'aaa', 'best-practice']),
  ...a11yFacts,
  nodeCount: z.number(),
  nodes: z.array(z.strictObject({ selector: z.string(), inFrame: z.boolean(), html: z.string(), summary: z.string() })),
};
/** The data of axe's findings: one rule that fails, one rule axe could not settle, or the run's summary. */
export const axeData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('violation'), ...ruleData }),
  z.strictObject({ kind: z.literal('incomplete'), ...ruleData }),
  z.strictObject({
    kind: z.literal('summary'),
    engine: z.string(),
    ms: z.number(),
    violations: z.number(),
    incomplete: z.number(),
    passes: z.number(),
    inapplicable: z.number(),
    critical: z.number(),
    serious: z.number(),
    users: z.record(userGroupSchema, z.number()),
  }),
]);

/**
 * A selector the page-side highlighter can resolve (lib/snapshot/node-ref.ts resolveSelector). Inside open shadow
 * roots axe gives a path, joined with SHADOW_SEP. Inside a frame, the outline goes around the frame itself: the
 * highlighter draws in the top document only.
 */
export function selectorOfTarget(target: AxeTarget): { selector: string; inFrame: boolean } {
  const join = (part: string | string[]) => (Array.isArray(part) ? part.join(SHADOW_SEP) : part);
  return { selector: join(target[0] ?? ''), inFrame: target.length > 1 };
}

/** The rule by its id (the formatter names it in axe's own words), how many elements, which RGAA criteria. */
function ruleParams(rule: AxeRule, rgaa: readonly string[]): Param[] {
  return [{ axeRule: rule.id }, count(rule.nodeCount), rgaa.length ? texts(rgaa.slice(0, 4)) : text('—')];
}

function describeRule(rule: AxeRule) {
  // A rule newer than the generated table is weighed the same way, from the tags the page sent.
  const { wcag, rgaa, severity } = AXE_RGAA[rule.id] ?? axeRgaaEntry(rule.id, rule.tags);
  const nodes = rule.nodes.map((n) => ({ ...selectorOfTarget(n.target), html: n.html, summary: n.failureSummary }));
  const evidence: Evidence[] = nodes.map((n) => ({
    ...(n.selector ? { selector: n.selector } : {}),
    snippet: n.html,
    text: n.html,
  }));
  return { wcag, rgaa, severity, nodes, evidence, level: levelOf(rule.tags), users: usersOf(rule.id, wcag) };
}

export function axeOutputs(artifact: AxeArtifact): DetectorOutput[] {
  const out: DetectorOutput[] = [];
  let critical = 0;
  let serious = 0;
  const byUser: Record<UserGroup, number> = { blind: 0, lowVision: 0, deaf: 0, motor: 0, cognitive: 0 };
  for (const rule of artifact.violations) {
    const d = describeRule(rule);
    if (d.severity === 'problem') {
      if (rule.impact === 'critical') critical++;
      if (rule.impact === 'serious') serious++;
      for (const u of d.users) byUser[u]++;
    }
    out.push({
      key: `violation:${rule.id}`,
      severity: d.severity,
      messageKey: d.severity === 'problem' ? 'a11y_axe_violation' : 'a11y_axe_violationMinor',
      params: ruleParams(rule, d.rgaa),
      evidence: d.evidence,
      data: {
        kind: 'violation',
        rule: rule.id,
        impact: rule.impact,
        level: d.level,
        wcag: d.wcag,
        rgaa: d.rgaa,
        users: d.users,
        nodeCount: rule.nodeCount,
        nodes: d.nodes,
      },
    });
  }
  let toCheck = 0;
  for (const rule of artifact.incomplete) {
    const d = describeRule(rule);
    // Experimental rules (orientation lock) cannot settle most pages: their "can't tell" would be noise.
    if (d.severity !== 'problem' || rule.tags.includes('experimental')) continue;
    toCheck++;
    out.push({
      key: `incomplete:${rule.id}`,
      severity: 'review',
      messageKey: 'a11y_axe_incomplete',
      params: ruleParams(rule, d.rgaa),
      evidence: d.evidence,
      data: { kind: 'incomplete', rule: rule.id, impact: rule.impact, level: d.level, wcag: d.wcag, rgaa: d.rgaa, users: d.users, nodeCount: rule.nodeCount, nodes: d.nodes },
    });
  }
  out.push({
    key: 'summary',
    severity: 'info',
    messageKey: 'a11y_axe_summary',
    params: [count(artifact.violations.length), count(toCheck), count(artifact.passes)],
    evidence: [],
    data: {
      kind: 'summary',
      engine: artifact.engine,
      ms: artifact.ms,
      violations: artifact.violations.length,
      incomplete: artifact.incomplete.length,
      passes: artifact.passes,
      inapplicable: artifact.inapplicable,
      critical,
      serious,
      users: Object.fromEntries(USER_GROUPS.map((u) => [u, byUser[u]])),
    },
  });
  return out;
}
