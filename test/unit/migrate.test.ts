import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportFile } from '../../lib/export/import';
import { exportFileSchema } from '../../lib/export/schema';
import { isFrom } from '../../lib/detectors/finding';
import { shownParams } from '../../lib/panel/localize';
import { formatWith } from '../../lib/i18n/format';
import { formatMessage } from '../../lib/i18n/messages';

// Version 1 files (Loupe 0.1: limits as French sentences, axe's summary without `outcome`) open as version 2.
// test/fixtures/exports/v1-demo.json was written by the version 1 code (branch main before the evaluation core).

const V1 = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8');

describe('reading export files', () => {
  it('a version 1 file is not version 2 as it is', () => {
    expect(JSON.parse(V1).version).toBe(1);
    expect(exportFileSchema.safeParse(JSON.parse(V1)).success).toBe(false);
  });

  it('migrates a version 1 file: limits back to message keys, every finding and its data kept', () => {
    const read = readExportFile(V1);
    if (!read.ok) throw new Error(`${read.messageKey} ${read.params.join(' ')}`);
    const before = JSON.parse(V1).evaluations[0];
    const e = read.file.evaluations[0]!;
    expect(read.file.version).toBe(3);
    expect(e.limits).toEqual([
      { messageKey: 'limit_crossOriginFrames', params: [{ count: 2 }], message: before.limits[0] },
      { messageKey: 'limit_resourceBufferFull', params: [], message: before.limits[1] },
    ]);
    expect(e.findings.map((f) => f.id)).toEqual(before.findings.map((f: { id: string }) => f.id));
    const summary = e.findings.find((f) => f.id === 'axe/summary')!;
    expect(isFrom(summary, 'axe') && summary.data?.kind).toBe('summary');
    // Data kept, and named by its kind (lib/detectors/finding.ts withDataKind).
    expect(e.findings.find((f) => f.id === 'trackers/org-google')!.data).toEqual({ kind: 'organization', ...before.findings.find((f: { id: string }) => f.id === 'trackers/org-google').data });
  });

  it('keeps a limit sentence no current message produces, whole', () => {
    const raw = JSON.parse(V1);
    raw.evaluations[0].limits = ['Une limite écrite par une version disparue.'];
    const read = readExportFile(JSON.stringify(raw));
    expect(read.ok && read.file.evaluations[0]!.limits).toEqual([{ messageKey: 'limit_text', params: [{ text: 'Une limite écrite par une version disparue.' }], message: 'Une limite écrite par une version disparue.' }]);
  });

  it('refuses, with a reason, what it cannot read, all or nothing', () => {
    expect(readExportFile('{ not json')).toMatchObject({ ok: false, messageKey: 'import_notJson' });
    expect(readExportFile(JSON.stringify({ ...JSON.parse(V1), version: 9 }))).toEqual({ ok: false, messageKey: 'import_newerVersion', params: ['9'] });
    const broken = JSON.parse(V1);
    broken.evaluations[0].findings[1].data.country = 42;
    expect(readExportFile(JSON.stringify(broken))).toMatchObject({ ok: false, messageKey: 'import_invalid', params: [expect.stringContaining('findings.1.data')] });
    const unknownDetector = JSON.parse(V1);
    unknownDetector.evaluations[0].findings[0].detector = 'mystery';
    expect(readExportFile(JSON.stringify(unknownDetector))).toMatchObject({ ok: false, messageKey: 'import_invalid' });
  });
});

// Version 2 files (parameters as French strings) open as version 3 with typed parameters and the same meaning: the
// French text of every message is kept, and the English panel words what version 2 wrote in French from the data.
const V2 = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v2-demo.json'), 'utf8');

describe('reading version 2 files', () => {
  it('types every parameter, keeps every French text, and the panel words it in English from the data', () => {
    const before = JSON.parse(V2).evaluations[0];
    const read = readExportFile(V2);
    if (!read.ok) throw new Error(`${read.messageKey} ${read.params.join(' ')}`);
    expect(read.file.version).toBe(3);
    const e = read.file.evaluations[0]!;
    expect(e.findings.map((f) => f.message)).toEqual(before.findings.map((f: { message: string }) => f.message));
    // Worded again, each message says what version 2's parameters said; a date and a size are now worded as the
    // panel always showed them ("1 septembre 2026", "0 octets" where the export wrote "2026-09-01", "0 o").
    const differs = e.findings.filter((f, i) => formatWith('fr', f.messageKey, f.params) !== formatMessage('fr', f.messageKey, before.findings[i].params));
    expect(differs.map((f) => [f.messageKey, formatWith('fr', f.messageKey, f.params)])).toEqual([
      ['pageWeight_summary', 'Poids de la page : 0 requête(s), 0 octets ; le site lui-même : 0 requête(s) (0 octets) ; des tiers : 0 requête(s) (0 octets).'],
      ['publisherDates_updated', 'Dernière mise à jour indiquée : 1 septembre 2026.'],
    ]);
    expect(e.findings.every((f) => f.params.every((p) => typeof p === 'object'))).toBe(true);
    // What version 2 wrote in French words is rebuilt from the data, so it is worded again for each reader.
    const org = e.findings.find((f) => f.messageKey === 'trackers_org_outsideEu')!;
    expect(shownParams(org, 'fr').params[2]).toBe(before.findings.find((f: { id: string }) => f.id === org.id).params[2]);
    expect(shownParams(org, 'en').params[2]).toBe('United States');
    const weight = e.findings.find((f) => f.messageKey === 'pageWeight_summary')!;
    expect(formatWith('en', weight.messageKey, weight.params)).toMatch(/\d+ (bytes|kB|MB)/);
    const axe = e.findings.find((f) => f.messageKey === 'a11y_axe_violation')!;
    expect(axe.params[0]).toHaveProperty('axeRule');
  });
});
