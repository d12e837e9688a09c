import { describe, expect, it } from 'vitest';
import { detectors } from '../../lib/detectors/registry';
import type { Category, Severity } from '../../lib/model/finding';
import type { Evaluation, Finding } from '../../lib/detectors/finding';
import { categoryStatus, isAbsence, STATUS_RANK } from '../../lib/panel/status';
import { buildVerdict } from '../../lib/panel/verdict';
import { evaluationOf } from '../helpers/evaluation';
import { listFixtures } from '../helpers/fixtures';

// Every category's badge against its findings, over every fixture's expected findings: a badge that says the
// opposite of what is listed below it (OK over an absence, "Problème" over a blocking point) is a wrong answer.

const CATEGORY: Record<string, Category> = Object.fromEntries(Object.values(detectors).map((d) => [d.id, d.category]));
const SEVERITY_RANK: Record<Severity, number> = { blocking: 0, problem: 1, review: 3, info: 5 };

function fromExpectation(expect: Record<string, { key: string; severity: Severity }[]>): Evaluation {
  const findings: Finding[] = Object.entries(expect).flatMap(([detector, list]) =>
    list.map((w) => ({
      id: `${detector}/${w.key}`,
      detector,
      category: CATEGORY[detector]!,
      severity: w.severity,
      messageKey: 'x',
      params: [],
      message: '',
      evidence: [],
    }) as Finding),
  );
  return evaluationOf(findings, Object.keys(expect).map((id) => ({ id, status: 'ok' as const, ms: 1 })));
}

const fixtures = listFixtures();

describe.each(fixtures)('badges on fixture $name', ({ expect: spec }) => {
  it('match the findings of each category', () => {
    const evaluation = fromExpectation(spec.expect);
    const verdict = buildVerdict(evaluation, CATEGORY);
    for (const view of verdict.categories) {
      const own = evaluation.findings.filter((f) => f.category === view.category);
      // A category checked with nothing found counts as facts only.
      const worst = Math.min(5, ...own.map((f) => SEVERITY_RANK[f.severity]));
      const label = `${view.category}: ${own.map((f) => `${f.id} ${f.severity}`).join(', ')}`;
      // The badge is the worst severity found: never milder, never harsher.
      if (own.some((f) => f.severity === 'blocking')) expect(view.status, label).toBe('blocking');
      else if (own.some((f) => f.severity === 'problem')) expect(view.status, label).toBe('problem');
      else if (own.some((f) => f.severity === 'review')) expect(view.status, label).toBe('review');
      else if (own.some(isAbsence)) expect(view.status, label).toBe('absent');
      else expect(view.status, label).toBe('ok');
      expect(STATUS_RANK[view.status], label).toBe(worst === 5 && own.some(isAbsence) ? 4 : worst);
      // What is listed carries the same worst severity (folding never hides it).
      expect(Math.min(5, ...view.findings.map((f) => SEVERITY_RANK[f.severity])), label).toBe(worst);
    }
  });
});

describe('categoryStatus', () => {
  const f = (id: string, severity: Severity) => ({ id, severity });
  it('says "not found" for an absence among facts, "ok" for facts alone', () => {
    expect(categoryStatus([f('gar-mark/not-found', 'info')])).toBe('absent');
    expect(categoryStatus([f('gar-mark/mark', 'info')])).toBe('ok');
    // "no tracker seen" is good news, not an absence.
    expect(categoryStatus([f('trackers/none', 'info'), f('storage/none', 'info')])).toBe('ok');
    expect(categoryStatus([])).toBe('ok');
  });
  it('shows the worst severity, and a failed check only below a problem', () => {
    expect(categoryStatus([f('ads/label', 'info'), f('ads/slot-adsense', 'blocking'), f('ads/code-x', 'review')])).toBe('blocking');
    expect(categoryStatus([f('legal-links/missing-terms', 'review')], 1)).toBe('error');
    expect(categoryStatus([f('account/birth-date', 'problem')], 1)).toBe('problem');
  });
  it('is checked on the fixtures that taught it: no GAR mark is "not found", three ad networks are blocking', () => {
    const gard = fixtures.find((x) => x.name === 'gar-mark/gard.html')!;
    expect(buildVerdict(fromExpectation(gard.expect.expect), CATEGORY).categories.find((c) => c.category === 'gar')?.status).toBe('absent');
    const taboola = fixtures.find((x) => x.name === 'ads/gpt-taboola.html')!;
    expect(buildVerdict(fromExpectation(taboola.expect.expect), CATEGORY).categories.find((c) => c.category === 'ads')?.status).toBe('blocking');
  });
});
