import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceSite } from '../../lib/net/resource';
import { detectors } from '../../lib/detectors/registry';
import { buildEvaluation } from '../../lib/inspect/evaluation';
import { toExportFile } from '../../lib/export/export-file';
import { exportFileSchema } from '../../lib/export/schema';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { mergeFolders } from '../../scripts/lib/audit/merge';
import { makeSnapshot } from '../helpers/make-snapshot';

async function exportOf(id: string, url: string) {
  const snap = makeSnapshot({ url });
  const run = await runDetectors(snap, [detectors['legal-links']], { now: 0 });
  const e = buildEvaluation(snap, run, { now: Date.UTC(2026, 10, 23), id, version: '0.1.0', site: resourceSite(url) });
  return JSON.stringify(toExportFile([e], { now: Date.UTC(2026, 10, 23), version: '0.1.0' }));
}

describe('merging audit folders', () => {
  it('keeps each evaluation once, reads sub-folders, names what it cannot read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loupe-merge-'));
    mkdirSync(join(root, 'shard-1/sub'), { recursive: true });
    mkdirSync(join(root, 'shard-2'));
    writeFileSync(join(root, 'shard-1/01-a.json'), await exportOf('eval-aaaa-0001', 'https://a.fr/'));
    writeFileSync(join(root, 'shard-1/sub/02-b.json'), await exportOf('eval-bbbb-0002', 'https://b.fr/'));
    // The same evaluation copied into another folder.
    writeFileSync(join(root, 'shard-2/01-a.json'), await exportOf('eval-aaaa-0001', 'https://a.fr/'));
    writeFileSync(join(root, 'shard-2/notes.json'), '{"not":"loupe"}');
    writeFileSync(join(root, 'shard-2/broken.json'), '{');
    writeFileSync(join(root, 'shard-2/03-c.csv'), 'resource_url\r\n');
    const r = mergeFolders([join(root, 'shard-1'), join(root, 'shard-2'), join(root, 'absent')], join(root, 'shard-2/lot.json'));
    expect(exportFileSchema.parse(r.bundle).evaluations.map((e) => e.id)).toEqual(['eval-aaaa-0001', 'eval-bbbb-0002']);
    expect(r.files).toBe(3);
    expect(r.duplicates).toBe(1);
    expect(r.unreadable.map((u) => u.path.slice(root.length))).toEqual(['/shard-2/broken.json', '/shard-2/notes.json', '/absent']);
  });

  it('leaves out the bundle it writes when it lies in a merged folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loupe-merge-'));
    writeFileSync(join(root, '01-a.json'), await exportOf('eval-aaaa-0001', 'https://a.fr/'));
    writeFileSync(join(root, 'lot.json'), await exportOf('eval-old-00001', 'https://old.fr/'));
    const r = mergeFolders([root], join(root, 'lot.json'));
    expect(r.bundle.evaluations.map((e) => e.id)).toEqual(['eval-aaaa-0001']);
  });
});
