import { describe, expect, it } from 'vitest';
import { rgaaOfActRule, scoreByRgaa, type ActRule, type CaseOutcome } from '../../scripts/lib/act';

// npm run eval:act prints, per RGAA criterion, how many ACT cases Loupe decides: the grouping is checked here.

const rule = (ruleId: string, wcag: string[], procedures: string[] = []): ActRule => ({
  ruleId, ruleName: ruleId, wcag, automationClass: 'automated', axeCoreImplementationReport: { procedureNames: procedures },
});
const outcome = (ruleId: string, loupeAgrees: boolean, loupeReview: string[] = []): CaseOutcome => ({
  ruleId, caseId: Math.random().toString(36), caseTitle: 't', expected: 'failed', loupeFlagged: loupeAgrees, loupeBy: [], loupeReview,
  loupeByProcedures: false, axeFlagged: 'untested', loupeAgrees, axeAgrees: false, ms: 1,
});

describe('ACT cases by RGAA criterion', () => {
  it('ties an ACT rule to the criteria of the axe rules implementing it, else to its WCAG criteria', () => {
    expect(rgaaOfActRule(rule('23a2a8', ['1.1.1'], ['image-alt', 'role-img-alt']))).toEqual(['1.1']);
    expect(rgaaOfActRule(rule('2779a5', ['2.4.2'], ['document-title']))).toEqual(['8.5']);
    expect(rgaaOfActRule(rule('oj04fd', ['2.4.7']))).toEqual(['10.7']);
    expect(rgaaOfActRule(rule('zzz', ['2.4.2']))).toEqual(['8.5', '8.6']);
  });
  it('counts decided, wrong and "to check" cases per criterion, in criterion order', () => {
    const rules = [rule('a', ['1.4.3'], ['color-contrast']), rule('b', ['1.1.1'], ['image-alt'])];
    const s = scoreByRgaa([outcome('a', true), outcome('a', false, ['x/y']), outcome('b', true)], rules);
    expect(s.map((r) => [r.criterion, r.cases, r.decided, r.wrong, r.review])).toEqual([
      ['1.1', 1, 1, 0, 0],
      ['3.2', 2, 1, 1, 1],
    ]);
    expect(s[0]!.title).toMatch(/alternative textuelle/);
  });
});
