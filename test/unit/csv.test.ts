import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { evaluationHeaders, evaluationRowsCsv, findingHeaders, findingRowsCsv } from '../../lib/export/csv';
import { toExportFile } from '../../lib/export/export-file';
import type { Evaluation } from '../../lib/detectors/finding';
import type { ExportFile } from '../../lib/export/schema';
import { GRID } from '../../lib/grid/grid';
import { decideVerdict } from '../../lib/grid/state';
import { stripBidi } from '../../lib/text/untrusted';
import { generateEvaluations } from '../support/evaluations';

/** Reads a CSV back as a French spreadsheet does: BOM dropped, split on the separator, quotes honoured. */
function parse(csv: string, delimiter: ';' | ',' = ';'): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const out = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

const fileOf = (evaluations: Evaluation[]): ExportFile => toExportFile(evaluations, { now: Date.UTC(2026, 11, 2), version: '0.1.0' });

function oneEvaluation(): Evaluation {
  const e = generateEvaluations(1, 7)[0]!;
  const grid = e.grid!.map((c) => (c.id === 'no-ads' ? { ...c, rating: 'non-conforme' as const, blocking: true } : c.id === 'programmes' ? { ...c, rating: 'partiel' as const, comment: 'Hors programme de 5e' } : c.id === 'gar' ? { ...c, rating: 'a-verifier' as const } : c));
  return {
    ...e,
    inspectedAt: '2026-12-02T13:05:00.000Z',
    resource: { ...e.resource, publisher: 'Éditions Exemple' },
    grid,
    context: { users: 'pupils', level: 'cycle4', subject: 'Mathématiques' },
    verdict: decideVerdict(grid, { level: 'deconseillee' }),
    author: { name: 'Hélène Durand', role: 'enseignante', school: 'Collège Jean-Moulin' },
    findings: [
      { id: 'ads/slot-1', detector: 'ads', category: 'ads', severity: 'blocking', messageKey: 'x', params: [], message: 'Publicité relevée', evidence: [{ selector: '#ad' }] },
    ] as Evaluation['findings'],
    findingNotes: { 'ads/slot-1': 'Vue aussi en classe' },
  };
}

/** What csvCell makes of a text: bidi controls gone, an apostrophe before what a spreadsheet would run. */
const neutralised = (s: string) => stripBidi(s).replace(/(^|[;,\t\r\n])([\t\r ]*)(?=[=+\-@])/g, "$1$2'");

describe('CSV for French spreadsheets', () => {
  it('one row per evaluation: French headers, 26 criteria, verdict and who decided, axis scores, evaluator, context', () => {
    const rows = parse(evaluationRowsCsv(fileOf([oneEvaluation()])));
    expect(rows).toHaveLength(2);
    const [head, row] = rows as [string[], string[]];
    expect(head).toEqual(evaluationHeaders());
    expect(GRID).toHaveLength(26);
    const cell = (name: string) => row[head.indexOf(name)];
    expect(cell('Inspectée le')).toBe('02/12/2026 14:05');
    expect(cell('Niveau')).toBe('Cycle 4');
    expect(cell('Discipline')).toBe('Mathématiques');
    expect(cell('Verdict')).toBe('Déconseillée');
    expect(cell('Verdict décidé par')).toBe('Loupe (suggestion)');
    expect(cell('Points bloquants')!.split(' | ')).toContain('Absence de publicité');
    expect(cell('Absence de publicité')).toBe('Non conforme');
    expect(cell('Répond aux programmes et référentiels')).toBe('Partiel');
    expect(head).toContain('Score Juridique et données personnelles');
    expect(head.filter((h) => h.startsWith('Score '))).toHaveLength(6);
    expect(cell('Commentaire')).toBe('Répond aux programmes et référentiels : Hors programme de 5e');
    expect([cell('Évaluateur'), cell('Rôle'), cell('Établissement')]).toEqual(['Hélène Durand', 'enseignante', 'Collège Jean-Moulin']);
    const score = Number(cell('Score Juridique et données personnelles'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
  });

  it('says when the person decided the verdict', () => {
    const e = oneEvaluation();
    const v = { ...decideVerdict(e.grid!, { level: 'avec-reserves', reason: 'Publicité retirée en classe' }) };
    const [head, row] = parse(evaluationRowsCsv(fileOf([{ ...e, verdict: v }]))) as [string[], string[]];
    expect(row[head.indexOf('Verdict décidé par')]).toBe('La personne');
    expect(row[head.indexOf('Verdict')]).toBe('Avec réserves');
    expect(row[head.indexOf('Verdict suggéré par Loupe')]).toBe('Déconseillée');
    expect(row[head.indexOf('Raison du verdict')]).toBe('Publicité retirée en classe');
  });

  it('one row per finding, French category and severity, the person’s note; "," on request', () => {
    const rows = parse(findingRowsCsv(fileOf([oneEvaluation()]), { separator: ',' }), ',');
    expect(rows[0]).toEqual(findingHeaders());
    expect(rows).toHaveLength(2);
    const [head, row] = rows as [string[], string[]];
    expect(row[head.indexOf('Catégorie')]).toBe('Publicité');
    expect(row[head.indexOf('Sévérité')]).toBe('Bloquant');
    expect(row[head.indexOf('Note de la personne')]).toBe('Vue aussi en classe');
    expect(row[head.indexOf('Preuves')]).toBe('#ad');
  });

  it('many evaluations: as many rows, every row as wide as the header', () => {
    const rows = parse(evaluationRowsCsv(fileOf(generateEvaluations(40, 3))));
    expect(rows).toHaveLength(41);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
  });

  it('no cell a spreadsheet would run, whatever separator it splits on', () => {
    const e = oneEvaluation();
    const hostile = { ...e, resource: { ...e.resource, title: '=HYPERLINK("http://x";"clic")' }, author: { name: '@SUM(A1)', school: 'a;-2+3' } };
    for (const sep of [';', ','] as const) {
      const csv = evaluationRowsCsv(fileOf([hostile]), { separator: sep });
      expect(csv).not.toMatch(/(^|[";,\t\r\n])[=+\-@]/m);
      const [head, row] = parse(csv, sep) as [string[], string[]];
      expect(row[head.indexOf('Titre')]).toBe(`'=HYPERLINK("http://x";"clic")`);
      expect(row[head.indexOf('Évaluateur')]).toBe("'@SUM(A1)");
      expect(row[head.indexOf('Établissement')]).toBe("a;'-2+3");
    }
  });

  it('property: any text in titles, comments and notes reads back as the same cell', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.stringMatching(/^[=+\-@;,"\n\r\t a-zé'\u202E]{0,30}$/),
    );
    fc.assert(
      fc.property(text, text, text, text, fc.constantFrom(';' as const, ',' as const), (title, comment, reason, note, sep) => {
        const e = oneEvaluation();
        const grid = e.grid!.map((c) => (c.id === 'programmes' ? { ...c, comment: comment.trim() ? comment : 'x' } : c));
        const verdict = reason.trim() ? decideVerdict(grid, { level: 'avec-reserves', reason }) : e.verdict;
        const ev: Evaluation = { ...e, grid, verdict, resource: { ...e.resource, title }, findingNotes: { 'ads/slot-1': note } };
        const [head, row] = parse(evaluationRowsCsv(fileOf([ev]), { separator: sep }), sep) as [string[], string[]];
        expect(row[head.indexOf('Titre')]).toBe(neutralised(title));
        expect(row[head.indexOf('Commentaire')]).toBe(neutralised(`Répond aux programmes et référentiels : ${grid.find((c) => c.id === 'programmes')!.comment}`));
        if (reason.trim()) expect(row[head.indexOf('Raison du verdict')]).toBe(neutralised(reason));
        const [fh, fr] = parse(findingRowsCsv(fileOf([ev]), { separator: sep }), sep) as [string[], string[]];
        expect(fr[fh.indexOf('Note de la personne')]).toBe(neutralised(note));
        expect(fr).toHaveLength(fh.length);
      }),
      { numRuns: 200 },
    );
  });
});
