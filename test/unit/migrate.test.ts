import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportFile } from '../../lib/export/import';
import { exportFileSchema, isFrom } from '../../lib/export/schema';

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
    expect(read.file.version).toBe(2);
    expect(e.limits).toEqual([
      { messageKey: 'limit_crossOriginFrames', params: ['2'], message: before.limits[0] },
      { messageKey: 'limit_resourceBufferFull', params: [], message: before.limits[1] },
    ]);
    expect(e.findings.map((f) => f.id)).toEqual(before.findings.map((f: { id: string }) => f.id));
    const summary = e.findings.find((f) => f.id === 'axe/summary')!;
    expect(isFrom(summary, 'axe') && summary.data?.outcome).toBe('summary');
    expect(e.findings.find((f) => f.id === 'trackers/org-google')!.data).toEqual(before.findings.find((f: { id: string }) => f.id === 'trackers/org-google').data);
  });

  it('keeps a limit sentence no current message produces, whole', () => {
    const raw = JSON.parse(V1);
    raw.evaluations[0].limits = ['Une limite écrite par une version disparue.'];
    const read = readExportFile(JSON.stringify(raw));
    expect(read.ok && read.file.evaluations[0]!.limits).toEqual([{ messageKey: 'limit_text', params: ['Une limite écrite par une version disparue.'], message: 'Une limite écrite par une version disparue.' }]);
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
