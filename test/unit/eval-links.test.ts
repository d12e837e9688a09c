import { describe, expect, it } from 'vitest';
import { evaluate, scoreAll, THRESHOLD } from '../../scripts/eval/links';

// The figures npm run eval:detectors prints for the link classifiers, held as a test: precision and recall of
// every legal link kind, licence normalisation and GAR strength on test/fixtures/labelled/links.json.

describe('link classifiers on the labelled set', () => {
  const scores = scoreAll();

  it.each(scores.map((s) => [s.name, s] as const))('%s: precision and recall ≥ 0.95', (_, s) => {
    expect(s.tp + s.fn, 'the labelled set must hold positives for this kind').toBeGreaterThanOrEqual(5);
    expect(s.precision, s.misses.join('\n')).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.recall, s.misses.join('\n')).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('the report says ok and names its figures', async () => {
    const report = await evaluate();
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toMatch(/legal-links privacy\s+precision \d\.\d{3}\s+recall \d\.\d{3}/);
  });

  it('counts a wrong label as an error (the scorer is not blind)', () => {
    const bad = scoreAll({
      legal: [{ site: 't', text: 'Mentions légales', title: '', ariaLabel: '', imgAlt: '', href: 'https://x.fr/mentions-legales', kinds: ['privacy'] }],
      licence: [{ kind: 'text', text: 'Sous licence CC BY-SA 4.0', expect: ['CC BY 4.0'] }],
      gar: [{ kind: 'text', text: 'Rendez-vous à la gare du Nord', expect: 'mention' }],
    });
    const by = Object.fromEntries(bad.map((s) => [s.name, s]));
    expect(by['legal-links privacy']).toMatchObject({ tp: 0, fn: 1 });
    expect(by['legal-links legal-notice']).toMatchObject({ fp: 1 });
    expect(by['licence normalisation']).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(by['gar-mark mention']).toMatchObject({ tp: 0, fn: 1 });
  });
});
