import { describe, expect, it } from 'vitest';
import { bundleFileName, evaluationFileName, safePart } from '../../lib/export/file-name';
import { evaluationMarkdown } from '../../lib/export/markdown';
import type { Evaluation } from '../../lib/detectors/finding';
import { decideVerdict } from '../../lib/grid/state';
import { escapeMarkdown } from '../../lib/text/markdown';
import { generateEvaluations } from '../support/evaluations';

const HOSTILE = '<img src=x onerror=alert(1)> [clic](javascript:alert(1)) **gras** `code` # titre\n- liste &amp; \u202Eexe';

function sample(over: Partial<Evaluation> = {}): Evaluation {
  const e = generateEvaluations(1, 5)[0]!;
  const grid = e.grid!.map((c) =>
    c.id === 'no-ads' ? { ...c, suggested: 'conforme' as const, rating: 'non-conforme' as const, blocking: true, comment: HOSTILE } : c.id === 'programmes' ? { ...c, suggested: 'a-verifier' as const, rating: 'a-verifier' as const } : c,
  );
  return {
    ...e,
    inspectedAt: '2026-12-02T13:05:00.000Z',
    resource: { url: 'https://editeur.fr/quiz', site: 'editeur.fr', title: HOSTILE },
    grid,
    verdict: decideVerdict(grid, { level: 'avec-reserves', reason: HOSTILE }),
    author: { name: 'Hélène <b>Durand</b>', school: 'Collège Jean-Moulin' },
    findings: [{ id: 'ads/slot-1', detector: 'ads', category: 'ads', severity: 'blocking', messageKey: 'x', params: [], message: 'Publicité relevée', evidence: [] }] as Evaluation['findings'],
    findingNotes: { 'ads/slot-1': 'Vue ](javascript:x)' },
    ...over,
  };
}

describe('Markdown export', () => {
  it('leads with the verdict and who gave it, then blocking points, scores, problems and the overrides with why', () => {
    const text = evaluationMarkdown(sample());
    expect(text).toContain('**Verdict : Avec réserves, décidé par : La personne.**');
    expect(text).toContain('Suggestion de Loupe : Déconseillée');
    expect(text).toMatch(/## Points bloquants\n\n- Absence de publicité/);
    expect(text).toMatch(/- Juridique et données personnelles : \d+ \/ 100/);
    expect(text).toContain('- Bloquant : Publicité relevée');
    expect(text).toContain('- Absence de publicité : Non conforme (suggestion de Loupe : Conforme)');
    // A criterion confirmed as suggested is not an override.
    expect(text).not.toContain('Répond aux programmes et référentiels : À vérifier');
    expect(text).toContain('Inspectée le : 02/12/2026 14:05');
  });

  it('keeps hostile text as text: no HTML, no link, no emphasis, no new line, no bidi control', () => {
    const text = evaluationMarkdown(sample());
    expect(text).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(text).not.toMatch(/(^|[^\\])\]\(/m);
    expect(text).not.toMatch(/(^|[^\\])\*\*gras/m);
    expect(text).not.toMatch(/(^|[^\\])`code/m);
    expect(text).not.toMatch(/^- liste/m);
    expect(text).not.toMatch(/(^|[^\\])&amp;/m);
    expect(text).not.toContain('\u202E');
    expect(escapeMarkdown('<b>x</b>')).toBe('\\<b\\>x\\</b\\>');
    expect(escapeMarkdown('- a\n# b')).toBe('\\- a \\# b');
    expect(escapeMarkdown('1. a')).toBe('1\\. a');
    // The opposite case: ordinary French text stays readable.
    expect(escapeMarkdown('Saint-Malo, le 2 décembre.')).toBe('Saint-Malo, le 2 décembre.');
  });

  it('never writes an address that could run code', () => {
    const text = evaluationMarkdown(sample({ resource: { url: 'javascript:alert(1)', site: 'x', title: 't' } }));
    expect(text).not.toMatch(/javascript:/);
    expect(text).toContain("adresse non reproduite");
    expect(evaluationMarkdown(sample())).toContain('https\\://editeur.fr/quiz');
  });
});

describe('file names', () => {
  it('loupe-<site>-<yyyy-mm-dd>-<verdict>.<ext>, in the Paris day', () => {
    expect(evaluationFileName(sample(), 'md')).toBe('loupe-editeur.fr-2026-12-02-avec-reserves.md');
    // 23:30 UTC on 1 December is already 2 December in Paris.
    expect(evaluationFileName({ ...sample(), inspectedAt: '2026-12-01T23:30:00.000Z' }, 'csv')).toBe('loupe-editeur.fr-2026-12-02-avec-reserves.csv');
    expect(evaluationFileName({ ...sample(), verdict: undefined }, 'json')).toBe('loupe-editeur.fr-2026-12-02-sans-verdict.json');
    expect(bundleFileName(12, Date.UTC(2026, 11, 2, 9), 'csv')).toBe('loupe-12-evaluations-2026-12-02.csv');
  });

  it('only safe characters whatever the site holds', () => {
    for (const hostile of ['../../etc/passwd', 'a/b\\c:d*e?f"g<h>i|j', '\u202Eexe.fdp', 'Éditions Été', '', '....', 'CON']) {
      const name = evaluationFileName({ ...sample(), resource: { url: 'x', site: hostile } }, 'json');
      expect(name, hostile).toMatch(/^loupe-[a-z0-9][a-z0-9.-]*-\d{4}-\d{2}-\d{2}-[a-z-]+\.json$/);
      expect(name, hostile).not.toContain('..');
    }
    expect(safePart('Éditions Été')).toBe('editions-ete');
    expect(safePart('x'.repeat(200)).length).toBe(60);
  });
});
