import { describe, expect, it } from 'vitest';
import { squashedLength } from '../../lib/snapshot/a11y-presentation';

// The walk counts each text node's length with white space squashed (runs made one space, ends trimmed) without
// building the squashed copy: the count must be the copy's length, for every kind of white space JavaScript knows.
const squashed = (s: string) => s.replace(/\s+/g, ' ').trim();
const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const OTHERS = ['a', 'é', '©', '\u200b', '\u0085', '1', '-', '𝔸'];

describe('squashedLength', () => {
  it('is the length of the text with its white space squashed', () => {
    for (const s of ['', ' ', 'ab', '  ab  ', 'a  b', '\n\t  Publicité \u00a0 ', 'mot\u2028mot', '\u200bzero width']) expect(squashedLength(s)).toBe(squashed(s).length);
    // Random texts of spaces and other characters (a fixed seed: the same texts on every run).
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 30); i > 0; i--) s += next() < 0.5 ? SPACES[Math.floor(next() * SPACES.length)] : OTHERS[Math.floor(next() * OTHERS.length)];
      expect(squashedLength(s), JSON.stringify(s)).toBe(squashed(s).length);
    }
  });

  it('stops counting once it reaches what is enough, and never says less than the text has up to there', () => {
    const s = 'un texte '.repeat(40);
    expect(squashedLength(s, 120)).toBeGreaterThanOrEqual(120);
    expect(squashedLength(s, 120)).toBeLessThanOrEqual(121);
    expect(squashedLength('court', 120)).toBe(5);
  });
});
