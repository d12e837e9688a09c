import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { compareFolders, rebuildFromSources, sourcesZip } from '../../scripts/lib/release';

const ROOT = resolve(import.meta.dirname, '../..');

test('the sources archive alone rebuilds the shipped Firefox package, file by file', async () => {
  test.setTimeout(240_000);
  // The package as `npm run release` ships it.
  const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const shipped = join(ROOT, '.output/firefox-mv2');
  const work = mkdtempSync(join(tmpdir(), 'loupe-amo-'));
  try {
    // The commit's files; uncommitted changes to tracked files too, so the test also means something mid-work.
    const ref = execFileSync('git', ['stash', 'create'], { cwd: ROOT, encoding: 'utf8' }).trim() || 'HEAD';
    sourcesZip(ROOT, join(work, 'sources.zip'), ref);
    // node_modules lent from this checkout (same lockfile) instead of a second `npm ci`: `npm run release` does the
    // real `npm ci`; here the build-for-amo script and the archive's completeness are what is tested.
    const rebuilt = await rebuildFromSources(join(work, 'sources.zip'), join(work, 'src'), { nodeModules: join(ROOT, 'node_modules') });
    expect(compareFolders(shipped, rebuilt)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(rebuilt, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // The comparison sees a one-byte change.
    appendFileSync(join(rebuilt, 'manifest.json'), ' ');
    expect(compareFolders(shipped, rebuilt)).toEqual(['différent / differs: manifest.json']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
