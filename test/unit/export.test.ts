import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceSite } from '../../lib/net/resource';
import { z } from 'zod';
import { detectors } from '../../lib/detectors/registry';
import { buildEvaluation } from '../../lib/inspect/evaluation';
import { findingRowsCsv } from '../../lib/export/csv';
import { csvCell, toExportFile } from '../../lib/export/export-file';
import { safeEvidence } from '../../lib/inspect/safe-evidence';
import { clip } from '../../lib/snapshot/node-ref';
import { exportFileSchema } from '../../lib/export/schema';
import { stripUrl } from '../../lib/net/strip-url';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { link, makeSnapshot } from '../helpers/make-snapshot';
import { fr as frText } from '../helpers/params';

async function sample() {
  const snap = makeSnapshot({
    url: 'https://www.editeur-exemple.fr/ressource?session=SECRET#top',
    links: [link('https://www.editeur-exemple.fr/confidentialite?token=abc', '=HYPERLINK("x") Confidentialité')],
    limits: { elementCount: 1, truncated: ['links'], resourceBufferFull: true, crossOriginFrames: 2, shadowRoots: 0, gatherMs: 1 },
  });
  // One detector whose findings are known: this file tests the export, not the set of detectors.
  const run = await runDetectors(snap, [detectors['legal-links']], { now: 0 });
  return buildEvaluation(snap, run, { now: Date.UTC(2026, 10, 23), id: 'eval-0001', version: '0.1.0', site: resourceSite(snap.url) });
}

describe('export', () => {
  it('drops query strings and fragments from every URL by default', async () => {
    const file = toExportFile([await sample()], { now: 0, version: '0.1.0' });
    const text = JSON.stringify(file);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('token=abc');
    expect(file.evaluations[0]!.resource.url).toBe('https://www.editeur-exemple.fr/ressource');
    expect(stripUrl('mailto:dpo@x.fr?subject=a')).toBe('mailto:dpo@x.fr');
  });

  it('says in French what could not be seen', async () => {
    const e = await sample();
    // Kept as message keys (the panel shows them in the browser's language), the French text beside them.
    expect(e.limits.map((l) => l.messageKey)).toEqual(['limit_crossOriginFrames', 'limit_resourceBufferFull', 'limit_truncated']);
    expect(frText(e.limits[0]!.params)).toEqual(['2']);
    expect(e.limits.map((l) => l.message).join('\n')).toMatch(/2 cadre\(s\)/);
    expect(e.limits.map((l) => l.message).join('\n')).toMatch(/250 ressources/);
    expect(e.summary).toEqual({ blocking: 0, problem: 0, review: 2, info: 1 });
  });

  it('writes CSV that a spreadsheet cannot run as a formula', async () => {
    const csv = findingRowsCsv(toExportFile([await sample()], { now: 0, version: '0.1.0' }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"Identifiant de l\'évaluation";"Adresse";"Site";"Titre";"Inspectée le";"Identifiant du constat";"Catégorie";"Sévérité";"Constat";"Preuves";"Note de la personne"');
    expect(lines).toHaveLength(4);
    expect(csv).not.toMatch(/[",;\t]=HYPERLINK/);
  });

  it('quotes every cell and neutralises a formula after any separator a spreadsheet may split on', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('Titre;=HYPERLINK("http://x")')).toBe(`"Titre;'=HYPERLINK(""http://x"")"`);
    expect(csvCell('a,@SUM(A1)')).toBe(`"a,'@SUM(A1)"`);
    expect(csvCell('a\t+cmd')).toBe(`"a\t'+cmd"`);
    expect(csvCell('a; -2')).toBe(`"a; '-2"`);
    // The opposite case: a minus inside a word or a number is no formula.
    expect(csvCell('Saint-Malo 2-3')).toBe('"Saint-Malo 2-3"');
  });

  it('removes bidi controls from CSV cells, finding texts and gathered strings', async () => {
    const rlo = 'Fichier \u202Efdp.exe\u202C et \u2066isolé\u2069';
    expect(csvCell(rlo)).toBe('"Fichier fdp.exe et isolé"');
    expect(clip(rlo, 500)).toBe('Fichier fdp.exe et isolé');
    const ev = safeEvidence([{ url: 'javascript:alert(1)', text: '\u202Eabc' }, { url: 'https://x.fr/', text: 'ok' }]);
    expect(ev).toEqual([{ text: 'abc' }, { url: 'https://x.fr/', text: 'ok' }]);
  });

  it('refuses an envelope of another format or version', () => {
    expect(exportFileSchema.safeParse({ format: 'other', version: 1, exportedAt: new Date().toISOString(), generator: { name: 'Loupe', version: '1' }, evaluations: [] }).success).toBe(false);
    expect(exportFileSchema.safeParse({ format: 'loupe-evaluations', version: 4, exportedAt: new Date().toISOString(), generator: { name: 'Loupe', version: '1' }, evaluations: [] }).success).toBe(false);
  });

  it('the committed JSON Schema is the one generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schemas/evaluation-export.v3.schema.json'), 'utf8'));
    expect(committed).toEqual(z.toJSONSchema(exportFileSchema));
  });
});
