import { describe, expect, it } from 'vitest';
import { CLICKABLE_PATTERNS, CLICKABLE_WORDS } from '../../lib/detectors/account';
import { alternativesWithoutKeyword, wordsTest } from '../helpers/regex-implies';

// Issue 27: the account detector reads a link's or button's text with its patterns only when it holds one of
// CLICKABLE_WORDS. Exact only if every match of each pattern holds one of the words: proved from their structure.
describe('account: the words tested before the link patterns', () => {
  it.each(['SIGNUP_WORDS', 'SOCIAL'] as const)('every match of %s holds one of the words, case aside', (name) => {
    expect(alternativesWithoutKeyword(CLICKABLE_PATTERNS[name], wordsTest(CLICKABLE_WORDS.anyCase))).toEqual([]);
  });

  it('every match of SCHOOL_LOGIN holds one of the school words, case kept', () => {
    expect(CLICKABLE_PATTERNS.SCHOOL_LOGIN.flags).not.toContain('i');
    expect(alternativesWithoutKeyword(CLICKABLE_PATTERNS.SCHOOL_LOGIN, wordsTest(CLICKABLE_WORDS.school, ''))).toEqual([]);
  });
});
