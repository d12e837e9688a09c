// The README's test command: type-check, build every target, unit tests, e2e tests in Chromium.
// Ends with the plain line "N passed, N failed" that CI reads, summed from both runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'test-results');
const env = { ...process.env, PWTEST_CACHE_DIR: resolve(ROOT, '.cache/playwright') };

function step(title: string, cmd: string, args: string[]): number {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  console.log(`  ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
let broken = 0;
broken += step('typecheck', 'npx', ['tsc', '--noEmit']);
broken += step('build chrome', 'npx', ['wxt', 'build']);
broken += step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
broken += step('build audit variant', 'npx', ['wxt', 'build', '--mode', 'audit']);
step('unit tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]);
step('e2e tests (playwright, chromium)', 'npx', ['playwright', 'test']);

let passed = 0;
let failed = broken;
const read = (f: string) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
const unit = read(`${RESULTS}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
} else failed++;
const e2e = read(`${RESULTS}/e2e.json`);
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
} else failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
