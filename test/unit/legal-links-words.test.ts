import { describe, expect, it } from 'vitest';
import { classifyLink, TEXT_PATTERNS, TEXT_WORDS } from '../../lib/detectors/legal-links';
import { alternativesWithoutKeyword, wordsTest } from '../helpers/regex-implies';

// Issue 27: the legal-links detector tests a label for TEXT_WORDS before its costly patterns. The shortcut is exact
// only if every match of every pattern holds one of the words: proved here from the patterns' structure, so a new
// pattern without a listed word fails this test instead of silently missing links.
describe('legal-links: the words tested before the patterns', () => {
  const words = wordsTest(TEXT_WORDS);

  it.each(Object.entries(TEXT_PATTERNS))('every match of the %s patterns holds one of the words', (_, pattern) => {
    expect(alternativesWithoutKeyword(pattern, words)).toEqual([]);
  });

  it('the check refuses a word list that misses a pattern', () => {
    const without = wordsTest(TEXT_WORDS.filter((w) => w !== 'cnil' && w !== 'g.v'));
    expect(alternativesWithoutKeyword(TEXT_PATTERNS.privacy, without).length).toBeGreaterThan(0);
    expect(alternativesWithoutKeyword(TEXT_PATTERNS.sales, without)).toEqual(['\\bc\\.?g\\.?v\\.?\\b']);
  });

  it('labels found by the words and the patterns are classified as before', () => {
    const link = (text: string) => ({ href: 'https://www.site-exemple.fr/page', text, title: '', ariaLabel: '', imgAlt: '' });
    expect(classifyLink(link('C.G.V.'))).toEqual(['sales']);
    expect(classifyLink(link('CNIL'))).toEqual(['privacy']);
    expect(classifyLink(link('Mentions légales / Confidentialité'))).toEqual(['privacy', 'legal-notice']);
    expect(classifyLink(link('Rubrique 12'))).toEqual([]);
  });
});
