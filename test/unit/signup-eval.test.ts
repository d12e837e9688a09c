import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRENCH_DIR, measure, SIGNUP_DIR, THRESHOLDS } from '../../scripts/eval/signup';

// The figures of issue 3 for the account detector, on real sites' forms (npm run eval:detectors prints them).
describe.skipIf(!existsSync(SIGNUP_DIR))('sign-up detection on the signup-forms corpus', () => {
  it(`finds ≥ ${THRESHOLDS.recall * 100} % of sign-up forms and flags ≤ ${THRESHOLDS.falsePositiveRate * 100} % of login forms`, async () => {
    const m = await measure();
    // The corpus is not empty and holds both classes: a vacuous 100 % would hide a broken path.
    expect(m.signup).toBeGreaterThan(50);
    expect(m.login).toBeGreaterThan(100);
    expect(m.recall, `missed: ${m.misses.join(', ')}`).toBeGreaterThanOrEqual(THRESHOLDS.recall);
    expect(m.falsePositiveRate, `false positives: ${m.falseAlarms.join(', ')}`).toBeLessThanOrEqual(THRESHOLDS.falsePositiveRate);
  }, 600_000);
});

it('gets every French sign-up and login case of test/fixtures/pages/account right', async () => {
  const m = await measure(FRENCH_DIR);
  expect(m.signup).toBeGreaterThanOrEqual(4);
  expect(m.login).toBeGreaterThanOrEqual(3);
  expect(m.misses).toEqual([]);
  expect(m.falseAlarms).toEqual([]);
});
