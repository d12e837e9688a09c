import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEFORE, measurePages, precision, recall } from '../../scripts/eval/pages';
import { listFixtures } from '../helpers/fixtures';

// The labelled-pages evaluation npm run eval:detectors prints (issue 15): it must count a wrong label as an error,
// and every real-page pattern must have its pair of pages.

describe('labelled pages evaluation', () => {
  it('counts a missed finding, an extra one and a blocking finding of an unnamed detector', async () => {
    const html = '<!doctype html><html lang="fr"><head><title>t</title></head><body><main><h1>Inscription</h1><form id="f"><input type="email" name="email"><input type="password" name="p"><button>Créer un compte</button></form></main></body></html>';
    const [c] = listFixtures().slice(0, 1);
    const wrongLabel = { ...c!, name: 'synthetic', html, expect: { ...c!.expect, url: 'https://www.editeur-exemple.fr/r', expect: { 'legal-links': [{ key: 'privacy', severity: 'info' as const }] } } };
    const m = await measurePages([wrongLabel]);
    expect(m.detectors['legal-links']).toMatchObject({ tp: 0, fn: 1 });
    expect(m.detectors['legal-links']!.fp).toBeGreaterThan(0);
    expect(m.detectors.account).toMatchObject({ fp: 1 });
    expect(m.falseBlocking).toEqual(['synthetic: account/signup-form']);
    expect(precision(m.detectors.account!)).toBe(0);
    expect(recall({ tp: 0, fp: 0, fn: 0 })).toBe(1);
  });

  it('holds a must-flag / must-not-flag pair for every pattern, and the figures from before the fix', () => {
    const byPattern = new Map<string, number>();
    for (const c of listFixtures()) if (c.expect.pattern) byPattern.set(c.expect.pattern, (byPattern.get(c.expect.pattern) ?? 0) + 1);
    expect(byPattern.size).toBeGreaterThanOrEqual(15);
    for (const [p, n] of byPattern) expect(n, p).toBeGreaterThanOrEqual(2);
    const before = JSON.parse(readFileSync(BEFORE, 'utf8')) as { falseBlocking: string[]; wrong: string[] };
    // The pages were written to fail on the old rules: a pattern page that always passed would pin nothing.
    expect(before.wrong.length).toBeGreaterThan(20);
    expect(before.falseBlocking.length).toBeGreaterThan(0);
  });
});
