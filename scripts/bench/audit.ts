// The batch audit as people run it (the npm run audit command, browser start included), in the same run:
// pages per minute on a list of 50 fixture pages with --jobs 1 and --jobs 4, with the browser's peak memory; and the
// time from the command's start to the first page's findings, in Chromium and in Firefox.
//   npx tsx scripts/bench.ts audit     (BENCH_AUDIT_BROWSERS=chromium,firefox for both browsers' pages per minute)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumRunner } from '../lib/audit/runner-chromium';
import { firefoxRunner } from '../lib/audit/runner-firefox';
import { ensureAuditBuild } from '../lib/chromium';
import { peakMemory } from '../lib/process-memory';
import { serveFolder } from '../lib/static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = 50;

function fixturePages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixturePages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

interface Run { ms: number; firstFindingsMs: number; peakBytes: number; code: number; inspected: number }

/** Runs the audit command; notes when the first verdict line appears and samples the browser's memory. */
function runAudit(args: string[]): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'loupe-bench-audit-'));
  const started = Date.now();
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/audit.ts'), '--offline', '--out', out, ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: ROOT },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const memory = peakMemory(child.pid!);
  let firstFindingsMs = NaN;
  let inspected = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!/^\[(bloquant|problème|à vérifier|ok)\]/.test(line)) continue;
      inspected++;
      if (Number.isNaN(firstFindingsMs)) firstFindingsMs = Date.now() - started;
    }
  });
  return new Promise((done) =>
    child.on('exit', (code) => {
      const ms = Date.now() - started;
      rmSync(out, { recursive: true, force: true });
      done({ ms, firstFindingsMs, peakBytes: memory.stop(), code: code ?? -1, inspected });
    }),
  );
}

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function bench(): Promise<string[]> {
  ensureAuditBuild(() => {}, 'chrome');
  ensureAuditBuild(() => {}, 'firefox');
  const pages = fixturePages(join(ROOT, 'test/fixtures/pages')).slice(0, PAGES);
  const listDir = mkdtempSync(join(tmpdir(), 'loupe-bench-list-'));
  const list = join(listDir, 'catalogue');
  writeFileSync(list, pages.join('\n') + '\n');
  const browsers = (process.env.BENCH_AUDIT_BROWSERS ?? 'chromium').split(',');
  const lines = [`browser | --jobs | pages inspected | total time | pages per minute | browser peak memory (PSS)`, '--- | --- | --- | --- | --- | ---'];
  for (const browser of browsers) {
    let one = 0;
    for (const jobs of [1, 4]) {
      const r = await runAudit(['--browser', browser, '--jobs', String(jobs), list]);
      const ppm = (r.inspected / r.ms) * 60_000;
      if (jobs === 1) one = ppm;
      lines.push(`${browser} | ${jobs} | ${r.inspected}/${pages.length}${r.code === 0 ? '' : ` (exit ${r.code})`} | ${s(r.ms)} | ${ppm.toFixed(1)}${jobs === 1 ? '' : ` (${(ppm / one).toFixed(2)}× --jobs 1)`} | ${mb(r.peakBytes)}`);
    }
  }
  lines.push('(whole command, browser start and accessibility check included; 2-core machine shared with other work)');
  lines.push('', 'browser | start of the command to the first page\'s findings (demo page, axe included) | peak memory', '--- | --- | ---');
  const demo = join(ROOT, 'examples/demo.html');
  for (const browser of ['chromium', 'firefox']) {
    const r = await runAudit(['--browser', browser, demo]);
    lines.push(`${browser} | ${s(r.firstFindingsMs)}${r.code === 0 ? '' : ` (exit ${r.code})`} | ${mb(r.peakBytes)}`);
  }
  rmSync(listDir, { recursive: true, force: true });

  // In-process, without the command's own start (tsx, build check): the browser's start to the panel's findings.
  lines.push('', 'browser | browser start to the panel\'s first findings (demo page) | to the end of the accessibility check', '--- | --- | ---');
  const server = await serveFolder(join(ROOT, 'examples'));
  try {
    for (const [name, start] of [['chromium', chromiumRunner], ['firefox', firefoxRunner]] as const) {
      const t0 = Date.now();
      const runner = await start({ browserArgs: [], offline: true });
      let fast = NaN;
      try {
        const page = await runner.open(`${server.origin}/demo.html`, 120_000);
        await page.inspect(() => (fast = Date.now() - t0));
      } finally {
        await runner.close();
      }
      lines.push(`${name} | ${s(fast)} | ${s(Date.now() - t0)}`);
    }
  } finally {
    await server.close();
  }
  return lines;
}
