import { describe, expect, it } from 'vitest';
import { ACCESS_TEXT_PATTERNS, LINK_WORDS } from '../../lib/detectors/access-model';
import { alternativesWithoutKeyword, wordsTest } from '../helpers/regex-implies';

// Issue 27: the access-model detector tests each text of a link for LINK_WORDS before joining them for the patterns
// of the kinds a link may add. Exact only if every match of those patterns holds one of the words, and if no word
// holds white space (so none spans two joined texts, and collapsing spaces makes or breaks none).
describe('access model: the words tested before the link patterns', () => {
  it.each(Object.entries(LINK_WORDS))('every match of the %s pattern holds one of its words', (kind, words) => {
    expect(alternativesWithoutKeyword(ACCESS_TEXT_PATTERNS[kind as keyof typeof LINK_WORDS], wordsTest(words))).toEqual([]);
    for (const w of words) expect(w).toMatch(/^\S+$/);
  });
});
