import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ACT_DIR, isAutomated, loadSuite, runActSuite, score, type ActCase } from '../../scripts/lib/act';

// The W3C ACT conformance goal, on a deterministic subset that fits the CI budget (the full 558 cases take ~7 min:
// npm run eval:act). Per rule: the first case of each expected outcome, plus every case with a frame or a shadow root,
// where an integration is most likely to lose a result.

// Where the axe rules behind an ACT rule, run inside Loupe, say something else than the axe-core of W3C's
// implementation report (full run, npm run eval:act). None is a failure missed through frames, shadow DOM or assets:
// - the older axe flagged these and axe-core 4.14 no longer does, rightly (expected passed/inapplicable):
//   24afc2 P6, I2; 9e45ec P5, P6, I2 (inline spacing); afw4f7 P5, P6 (contrast);
// - axe-core 4.14 flags and the report did not: b33eff F2 (rightly, expected failed); b5c3f8 I2 (a MathML document
//   served as XML, which html-has-lang takes for a page without lang).
// (bc659a P2 and bisz58 P2, two refresh elements, the first one immediate: axe 4.14 judges the second one too, which
// no browser follows; Loupe keeps only the first, lib/a11y/page-run.ts, and agrees with the report again.)
const KNOWN_AXE_VERSION_DIFFERENCES = new Set<string>([
  'd6d5bf7c081939e64d10022dd29f5e31d2153d50',
  '9af5662e9957191c22c558a1a8511bae709a2b36',
  '15905a239d6755102be6a60aa152ad963d5b1dbb',
  '8d2baed183149375922c23a9a5f42b52b627d713',
  'fdd3c30f28464b32eb8a1397f70a41dfd3b2cb1c',
  '04344f745bd9bad51292748e7893f146c045aae4',
  'aed692e9f0a1be5c87ef1de56afa8e23e14cc3ba',
  '388f97562ae3b7e3aec7ad6305df36a91b68cf77',
  '58847c387d3b2cfa7e57c6ed613a8f31569cfd30',
]);

function subset(cases: readonly ActCase[]): Set<string> {
  const chosen = new Set<string>();
  const seen = new Set<string>();
  for (const c of cases) {
    const k = `${c.ruleId} ${c.expected}`;
    if (!seen.has(k)) {
      seen.add(k);
      chosen.add(`${c.ruleId}/${c.caseId}`);
    }
    if (/<iframe|attachShadow/i.test(c.html)) chosen.add(`${c.ruleId}/${c.caseId}`);
  }
  return chosen;
}

test.describe('W3C ACT rules through the extension', () => {
  test.skip(!existsSync(join(ACT_DIR, 'testcases.json')), `ACT suite not found at ${ACT_DIR} (set LOUPE_ACT_DIR)`);
  test.setTimeout(600_000);

  test('Loupe agrees with the expected outcomes at least as often as axe-core, losing no case in the integration', async () => {
    const { cases, rules } = loadSuite();
    const chosen = subset(cases);
    const { outcomes } = await runActSuite({ filter: (c) => chosen.has(`${c.ruleId}/${c.caseId}`), concurrency: 3 });
    expect(outcomes.length).toBe(chosen.size);
    const s = score(outcomes, rules);
    expect(s.errors.map((o) => `${o.ruleId} ${o.caseTitle}: ${o.error}`)).toEqual([]);
    expect(s.automated.cases).toBeGreaterThan(60);
    expect(s.automated.loupe).toBeGreaterThanOrEqual(s.automated.axe);
    const lost = s.integrationDiffs.filter((o) => !KNOWN_AXE_VERSION_DIFFERENCES.has(o.caseId) && rules.some((r) => r.ruleId === o.ruleId && isAutomated(r)));
    expect(lost.map((o) => `${o.ruleId} ${o.caseTitle}`)).toEqual([]);
    // No failure that axe-core finds is missed by Loupe.
    const missed = outcomes.filter((o) => o.expected === 'failed' && o.axeFlagged === true && !o.loupeFlagged);
    expect(missed.map((o) => `${o.ruleId} ${o.caseTitle}`)).toEqual([]);
  });
});
