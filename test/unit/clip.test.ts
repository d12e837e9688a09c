import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../lib/snapshot/node-ref';
import { stripBidi } from '../../lib/text/untrusted';

/** What clip means, written the plain way: whitespace runs to one space, trimmed, bidi controls out, then cut. */
function reference(s: string, max: number): string {
  if (s.length === 0) return s;
  const t = stripBidi(s.replace(/\s+/g, ' ').trim());
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

// Characters that make a text untidy (tabs, newlines, no-break and other Unicode spaces, bidi controls) mixed with
// ordinary letters and spaces, so that the fast path and the slow one are both taken often.
const char = fc.constantFrom('a', 'é', 'Z', '1', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u202e', '\u2066', '…');
const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

describe('clip: tidy, short values are returned as they are; any other is tidied the same way', () => {
  it('equals the plain definition for any text and any bound', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 45 }), (s, max) => clip(s, max) === reference(s, max)), { numRuns: 3000 });
  });

  it('examples', () => {
    expect(clip('Mentions légales', 100)).toBe('Mentions légales');
    expect(clip('  Mentions\n\tlégales ', 100)).toBe('Mentions légales');
    expect(clip('Mentions\u00a0légales', 100)).toBe('Mentions légales');
    expect(clip('abcdef', 4)).toBe('abc…');
  });
});
