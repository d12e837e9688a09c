import { z } from 'zod';
import { AXE_LIMITS } from './limits';

// What an axe run sends back from the page (lib/a11y/page-run.ts), parsed on arrival: bounded, strings only.

const str = (max: number) => z.string().max(max);
const impactSchema = z.enum(['minor', 'moderate', 'serious', 'critical']).nullable();

/** axe's target: one entry per frame level; an entry that is a list is a path through shadow roots. */
const axeTargetSchema = z
  .array(z.union([str(AXE_LIMITS.selector), z.array(str(AXE_LIMITS.selector)).max(AXE_LIMITS.frameDepth)]))
  .max(AXE_LIMITS.frameDepth);
export type AxeTarget = z.infer<typeof axeTargetSchema>;

const axeNodeSchema = z.object({
  target: axeTargetSchema,
  html: str(AXE_LIMITS.html),
  failureSummary: str(AXE_LIMITS.summary),
  impact: impactSchema,
});

const axeRuleSchema = z.object({
  id: str(100).regex(/^[a-z0-9-]+$/),
  impact: impactSchema,
  tags: z.array(str(60)).max(AXE_LIMITS.tags),
  help: str(500),
  nodeCount: z.number().int().nonnegative(),
  nodes: z.array(axeNodeSchema).max(AXE_LIMITS.nodes),
});
export type AxeRule = z.infer<typeof axeRuleSchema>;

export const axeArtifactSchema = z.object({
  engine: str(100),
  url: str(4096),
  ms: z.number(),
  violations: z.array(axeRuleSchema).max(AXE_LIMITS.rules),
  incomplete: z.array(axeRuleSchema).max(AXE_LIMITS.rules),
  passes: z.number().int().nonnegative(),
  inapplicable: z.number().int().nonnegative(),
  /** Set when the run was cut at its bound: the rules it ran; the others were not checked. */
  checked: z.array(str(100)).max(AXE_LIMITS.rules).optional(),
  /** Set by the extension when the run was cut at a bound (lib/inspect/inspect-tab.ts). */
  cut: z.object({ seconds: z.number(), rulesNotChecked: z.array(str(100)).max(AXE_LIMITS.rules).optional(), framesNotChecked: z.boolean().optional(), framesUnsealed: z.boolean().optional() }).optional(),
});
export type AxeArtifact = z.infer<typeof axeArtifactSchema>;
