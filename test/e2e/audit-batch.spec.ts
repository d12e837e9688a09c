import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { exportFileSchema } from '../../lib/export/schema';
import { serveFolder } from '../../scripts/lib/static-server';

// The batch audit as a documentalist runs it on a catalogue, from the catalogue's own folder.

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, 'test/fixtures/pages');

async function audit(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/audit.ts'), ...args], {
      cwd,
      timeout: 200_000,
      // What npm run records as the folder the command was typed in.
      env: { ...process.env, INIT_CWD: cwd },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

test('--help prints the usage, the list format and the exit codes, and exits 0', async () => {
  const r = await audit(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('--jobs N');
  expect(r.stdout).toContain('--shard K/N');
  expect(r.stdout).toMatch(/Liste : un fichier texte, une adresse ou un chemin par ligne/);
  expect(r.stdout).toMatch(/Codes de sortie : 0 .*; 1 .*; 2 mauvaise utilisation/s);
  expect(r.stdout).toMatch(/Exit codes: 0 .*; 1 .*; 2 bad usage/);
});

test('a catalogue with good pages, a missing file, a 404 and an unreachable host: shards, resume, merge', async () => {
  test.setTimeout(300_000);
  const work = mkdtempSync(join(tmpdir(), 'loupe-batch-'));
  mkdirSync(join(work, 'pages'));
  copyFileSync(join(FIXTURES, 'legal-links/none.html'), join(work, 'pages/a.html'));
  copyFileSync(join(FIXTURES, 'ads/adsense.html'), join(work, 'pages/b.html'));
  const server = await serveFolder(join(work, 'pages'));
  const dead = `http://127.0.0.1:${await closedPort()}/`;
  // No ".txt": a list is known by its content. Paths are relative to the list's folder.
  writeFileSync(join(work, 'catalogue'), `# Ressources demandées\npages/a.html\nabsent.html\n${server.origin}/retiree.html\npages/b.html\n${dead}\n`);
  try {
    // Shard 1 of 2: a.html and the missing file, in Chromium, two pages at once.
    const one = await audit(['--shard', '1/2', '--jobs', '2', '--out', 'out1', 'catalogue'], work);
    expect(one.code, one.stderr).toBe(1);
    expect(one.stdout).toMatch(/^\[(bloquant|problème|à vérifier|ok)\] http:\/\/127\.0\.0\.1:\d+\/a\.html — \d+ bloquant\(s\), .* → .*out1\/01-a\.json$/m);
    expect(one.stdout).toMatch(/^\[non inspectée\] absent\.html — fichier introuvable : .*absent\.html \(file not found: .*absent\.html\)$/m);
    expect(one.stdout).toMatch(/^Bilan : 2 page\(s\), 1 inspectée\(s\) \(.*\), 1 non inspectée\(s\), 0 déjà faite\(s\) \(--resume\), en \d+ s\.$/m);
    expect(readdirSync(join(work, 'out1'))).toEqual(['01-a.json']);

    // Shard 2 of 2: the 404, b.html and the dead host, in Firefox, the console in English.
    const two = await audit(['--shard', '2/2', '--browser', 'firefox', '--lang', 'en', '--out', 'out2', 'catalogue'], work);
    expect(two.code, two.stderr).toBe(1);
    expect(two.stdout).toMatch(/^\[not inspected\] http:\/\/127\.0\.0\.1:\d+\/retiree\.html — the server answered HTTP 404: .* \(le serveur a répondu HTTP 404 /m);
    expect(two.stdout).toMatch(new RegExp(`^\\[not inspected\\] ${dead} — address unreachable \\(\\w+\\)`, 'm'));
    expect(two.stdout).toMatch(/^\[blocking\] http:\/\/127\.0\.0\.1:\d+\/b\.html — 2 blocking, .* → .*out2\/04-b\.json$/m);
    expect(two.stdout).toMatch(/^Tally: 3 page\(s\), 1 inspected \(1 blocking, 0 problem, 0 to check, 0 ok\), 2 not inspected, 0 already done/m);
    // The error page is not an evaluation.
    expect(readdirSync(join(work, 'out2'))).toEqual(['04-b.json']);

    // Again with --resume: the page already evaluated is skipped, the missing file still named.
    const again = await audit(['--shard', '1/2', '--resume', '--out', 'out1', 'catalogue'], work);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/Bilan : 2 page\(s\), 0 inspectée\(s\) .*, 1 non inspectée\(s\), 1 déjà faite\(s\)/);

    // The shards into one bundle; a folder named twice brings no duplicate.
    const merged = await audit(['merge', 'out1', 'out2', 'out1', '--out', 'lot.json'], work);
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.stdout).toMatch(/2 évaluation\(s\) de 3 fichier\(s\) réunies dans .*lot\.json \(1 doublon\(s\) écarté\(s\)\)/);
    const bundle = exportFileSchema.parse(JSON.parse(readFileSync(join(work, 'lot.json'), 'utf8')));
    expect(bundle.evaluations.map((e) => new URL(e.resource.url).pathname).sort()).toEqual(['/a.html', '/b.html']);
    expect(existsSync(join(ROOT, 'lot.json'))).toBe(false);
  } finally {
    await server.close();
  }
});
