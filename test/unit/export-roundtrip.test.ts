import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import type { Evaluation } from '../../lib/detectors/finding';
import { stripUrl } from '../../lib/net/strip-url';
import { generateEvaluations } from '../support/evaluations';

const opts = { now: Date.UTC(2026, 11, 2), version: '0.1.0' };

// Any text a person or a page can put in an evaluation: graphemes, lone surrogates, controls, quotes, markup.
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('', ' ', '"\\\n\u2028</script>', '\u202Eabc'));
const filled = text.filter((s) => s.trim() !== '');

function withTexts(e: Evaluation, t: { title: string; comment: string; note: string; author: string; reason: string }): Evaluation {
  const grid = e.grid!.map((c, i) => (i === 0 ? { ...c, comment: t.comment } : c));
  return {
    ...e,
    resource: { ...e.resource, title: t.title },
    grid,
    ...(e.verdict ? { verdict: { ...e.verdict, reason: t.reason } } : {}),
    findingNotes: { 'ads/slot-1': t.note },
    author: { ...e.author, name: t.author },
  };
}

describe('JSON export round trip', () => {
  it('property: toExportFile → JSON → readExportFile gives the same evaluations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.record({ title: text, comment: text, note: text, author: text, reason: filled }),
        (seed, n, texts) => {
          const evaluations = generateEvaluations(n, seed).map((e) => withTexts(e, texts));
          const back = readExportFile(JSON.stringify(toExportFile(evaluations, opts)));
          expect(back.ok).toBe(true);
          // Addresses come back as an inspection writes them (stripUrl: percent-encoded, no query), the rest unchanged.
          const expected = evaluations.map((e) => ({ ...e, resource: { ...e.resource, url: stripUrl(e.resource.url) } }));
          if (back.ok) expect(back.file.evaluations).toEqual(expected);
          // And a second round changes nothing.
          if (back.ok) expect(toExportFile(back.file.evaluations, opts).evaluations).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('withoutAuthor drops who evaluated, and only that', () => {
    const evaluations = generateEvaluations(5, 11).map((e) => ({ ...e, author: { name: 'Hélène Durand', role: 'enseignante', school: 'Collège Jean-Moulin' } }));
    const file = toExportFile(evaluations, { ...opts, withoutAuthor: true });
    const text = JSON.stringify(file);
    expect(text).not.toContain('Hélène Durand');
    expect(text).not.toContain('Collège Jean-Moulin');
    expect(file.evaluations.every((e) => !('author' in e))).toBe(true);
    expect(file.evaluations).toEqual(toExportFile(evaluations, opts).evaluations.map(({ author: _, ...rest }) => rest));
    // The opposite case: by default the author stays.
    expect(toExportFile(evaluations, opts).evaluations[0]!.author?.name).toBe('Hélène Durand');
  });

  it('URLs lose their query string and their fragment, even when they do not parse', () => {
    const [e] = generateEvaluations(1, 2) as [Evaluation];
    const withSecrets: Evaluation = {
      ...e,
      resource: { ...e.resource, url: 'https://editeur.fr/quiz/1?session=SECRET&x=1#token=HASHSECRET' },
      findings: [
        { id: 'trackers/x.fr', detector: 'trackers', category: 'trackers', severity: 'problem', messageKey: 'x', params: [], message: 'm', evidence: [{ url: 'https://x.fr/p?uid=QSECRET#FRAGSECRET' }, { url: 'http://[bad?q=BADQ#BADF' }] },
      ] as Evaluation['findings'],
    };
    const text = JSON.stringify(toExportFile([withSecrets], opts));
    for (const secret of ['SECRET', 'HASHSECRET', 'QSECRET', 'FRAGSECRET', 'BADQ', 'BADF']) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/https?:[^"]*[?#]/);
    expect(stripUrl('https://a.fr/p#frag')).toBe('https://a.fr/p');
    expect(stripUrl('https://a.fr/p?q=1')).toBe('https://a.fr/p');
    expect(stripUrl('not a url?q=1#f')).toBe('not a url');
    // The opposite case: keepQuery keeps them, for the person's own copy.
    expect(JSON.stringify(toExportFile([withSecrets], { ...opts, keepQuery: true }))).toContain('session=SECRET');
  });
});
