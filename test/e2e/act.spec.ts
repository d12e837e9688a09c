import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ACT_DIR, isAutomated, loadSuite, runActSuite, score, type ActCase } from '../../scripts/lib/act';

// The W3C ACT conformance goal, on a deterministic subset that fits the CI budget (the full 558 cases take ~7 min:
// npm run eval:act). Per rule: the first case of each expected outcome, plus every case with a frame or a shadow root,
// where an integration is most likely to lose a result.

// axe-core 4.14 says something else than the axe-core version of W3C's implementation report on these cases
// (two meta refresh elements, a 20-hour refresh, a MathML document): axe's own evolution, not Loupe's integration.
const KNOWN_AXE_VERSION_DIFFERENCES = new Set<string>(JSON.parse(process.env.LOUPE_ACT_KNOWN ?? 'null') ?? [
  'd48be8e9b638b9c27714cb3118a335376ed65f0f',
  'b5ca868de7980f6944142ecdb849f47ad2cdfb5c',
  '58847c387d3b2cfa7e57c6ed613a8f31569cfd30',
  '24a98a3ff6a69e073f768bb198671ea6a1c4568a',
]);

function subset(cases: readonly ActCase[]): Set<string> {
  const chosen = new Set<string>();
  const seen = new Set<string>();
  for (const c of cases) {
    const k = `${c.ruleId} ${c.expected}`;
    if (!seen.has(k)) {
      seen.add(k);
      chosen.add(c.caseId);
    }
    if (/<iframe|attachShadow/i.test(c.html)) chosen.add(c.caseId);
  }
  return chosen;
}

test.describe('W3C ACT rules through the extension', () => {
  test.skip(!existsSync(join(ACT_DIR, 'testcases.json')), `ACT suite not found at ${ACT_DIR} (set LOUPE_ACT_DIR)`);
  test.setTimeout(600_000);

  test('Loupe agrees with the expected outcomes at least as often as axe-core, losing no case in the integration', async () => {
    const { cases, rules } = loadSuite();
    const chosen = subset(cases);
    const { outcomes } = await runActSuite({ filter: (c) => chosen.has(c.caseId), concurrency: 3 });
    expect(outcomes.length).toBe(chosen.size);
    const s = score(outcomes, rules);
    expect(s.errors.map((o) => `${o.ruleId} ${o.caseTitle}: ${o.error}`)).toEqual([]);
    expect(s.automated.cases).toBeGreaterThan(60);
    expect(s.automated.loupe).toBeGreaterThanOrEqual(s.automated.axe);
    expect(s.automatedPublished.loupe).toBeGreaterThanOrEqual(s.automatedPublished.axe);
    const lost = s.integrationDiffs.filter((o) => !KNOWN_AXE_VERSION_DIFFERENCES.has(o.caseId) && rules.some((r) => r.ruleId === o.ruleId && isAutomated(r)));
    expect(lost.map((o) => `${o.ruleId} ${o.caseTitle}`)).toEqual([]);
  });
});
