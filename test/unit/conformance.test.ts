import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectors } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { generatedFromHtml, snapshotFromHtml } from '../helpers/snapshot-from-html';

// The second conformance set (test/fixtures/conformance/README.md): pages written after WCAG failure techniques and
// RGAA 4.1.2 tests, each judged by one of Loupe's own accessibility rules against its expected outcome.

const caseSchema = z.object({
  id: z.string(),
  rule: z.string().refine((r) => r in detectors, 'unknown detector'),
  /** The RGAA 4.1.2 criterion the case falls under, or only its theme where no criterion asks it (justified text). */
  rgaa: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
  expected: z.enum(['problem', 'review', 'passed']),
  source: z.string().url(),
  note: z.string().min(10),
  lang: z.string().default('fr'),
  head: z.string().default(''),
  html: z.string(),
});
const cases = z.array(caseSchema).parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/conformance/cases.json'), 'utf8')));

const RULES = ['a11y-link-text', 'a11y-placeholder-label', 'a11y-fake-link', 'a11y-tables', 'a11y-duplicate-id', 'a11y-pseudo-content', 'a11y-autoplay', 'a11y-lang-text', 'a11y-alt-text', 'a11y-justified-text', 'a11y-tiny-text', 'a11y-css-blink', 'a11y-presentation-markup', 'a11y-table-cells', 'a11y-focus-trap', 'a11y-html-validity'];

describe.each(cases)('conformance $id ($rule)', (c) => {
  it(`is judged « ${c.expected} »`, async () => {
    const page = `<!doctype html><html lang="${c.lang}"><head><meta charset="utf-8"><title>${c.id}</title>${c.head}</head><body>${c.html}</body></html>`;
    const snapshot = await snapshotFromHtml(page);
    const run = await runDetectors(snapshot, [detectors[c.rule as keyof typeof detectors]], { now: 0, artifacts: { generated: await generatedFromHtml(page) } });
    const severities = run.findings.map((f) => f.severity);
    const outcome = severities.includes('problem') ? 'problem' : severities.includes('review') ? 'review' : 'passed';
    expect(outcome, `${c.note}\n${run.findings.map((f) => `${f.id} ${f.severity}`).join('\n')}`).toBe(c.expected);
    // Whatever a rule raises, a person can see it on the page.
    for (const f of run.findings) expect(f.evidence.some((e) => e.selector), f.id).toBe(true);
  });
});

it('has, for every rule of Loupe’s own, a case it passes and a case it flags', () => {
  for (const rule of RULES) {
    const mine = cases.filter((c) => c.rule === rule);
    expect(mine.some((c) => c.expected === 'passed'), `${rule}: no passing case`).toBe(true);
    expect(mine.some((c) => c.expected !== 'passed'), `${rule}: no failing case`).toBe(true);
  }
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});
