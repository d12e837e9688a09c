import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import { mergeShards, publishCatalogue } from '../../scripts/ci-publish';
import { generateEvaluations } from '../support/evaluations';

// The CI's merge and catalogue steps: a shard whose job failed is named and the others are published.

describe('CI publishing', () => {
  it('names a missing shard and publishes the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loupe-shards-'));
    const evals = generateEvaluations(4, 2);
    for (const k of [1, 3]) {
      mkdirSync(join(dir, `shard-${k}`));
      writeFileSync(join(dir, `shard-${k}`, '01.json'), JSON.stringify(toExportFile(evals.slice(k - 1, k + 1), { now: 0, version: 'test' })));
    }
    mkdirSync(join(dir, 'shard-2'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(dir, 'site/evaluations.json');
    expect(mergeShards(dir, 3, out)).toEqual({ missing: [2], evaluations: 4 });
    expect(log.mock.calls.flat().join('\n')).toContain('Lot 2/3 absent');
    log.mockRestore();
    const bundle = readExportFile(readFileSync(out, 'utf8'));
    expect(bundle.ok && bundle.file.evaluations.length).toBe(4);
    expect(JSON.parse(readFileSync(join(dir, 'site/lots.json'), 'utf8'))).toEqual({ shards: 3, published: 2, missing: [2], evaluations: 4 });
  });

  it("writes the catalogue of the committed referent's decisions", () => {
    const dir = mkdtempSync(join(tmpdir(), 'loupe-cat-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(publishCatalogue(join(import.meta.dirname, '../../ci/avis-du-referent.json'), join(dir, 'catalogue.json'), 'Académie')).toBe(5);
    expect(JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')).academie).toBe('Académie');
  });
});
