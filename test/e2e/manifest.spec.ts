import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, '.output', dir, 'manifest.json'), 'utf8'));

test('the store builds ask for no host permission at install', () => {
  const chrome = manifest('chrome-mv3');
  expect(chrome.permissions.sort()).toEqual(['activeTab', 'alarms', 'scripting', 'sidePanel', 'storage']);
  expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
  expect(chrome.host_permissions).toBeUndefined();
  expect(chrome.content_scripts ?? []).toEqual([]);
  expect(chrome.optional_host_permissions).toEqual(['<all_urls>']);
  // Issue 23: the observed reload asks for these when the person chooses it, never at install.
  expect(chrome.optional_permissions.sort()).toEqual(['cookies', 'webRequest']);
  const firefox = manifest('firefox-mv2');
  expect(firefox.permissions.sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
  // The observed reload's permissions (issue 23) and a catalogue's origin, asked when the person subscribes (issue 24):
  // https only for catalogues in the store build.
  expect(firefox.optional_permissions.sort()).toEqual(['<all_urls>', 'cookies', 'https://*/*', 'webRequest']);
  expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
  // Without it Firefox opens the sidebar by itself at every install.
  expect(firefox.sidebar_action.open_at_install).toBe(false);
});

test('the script injected into inspected pages carries no polyfill and stays within 50 kB, in every build', () => {
  // Injected into every page a person inspects (npm run bench -- sizes holds the same bound): the polyfill, a fifth of
  // it, stays out (entrypoints/inspector.ts says why its two listeners need none).
  for (const dir of ['chrome-mv3', 'firefox-mv2', 'chrome-mv3-audit', 'firefox-mv2-audit']) {
    const code = readFileSync(resolve(ROOT, '.output', dir, 'inspector.js'), 'utf8');
    expect(code.includes('This script should only be loaded in a browser extension'), dir).toBe(false);
    expect(Buffer.byteLength(code), dir).toBeLessThanOrEqual(50 * 1024);
  }
});

test('only the audit variant has host permissions', () => {
  expect(manifest('chrome-mv3-audit').host_permissions).toEqual(['<all_urls>']);
});

test('the Firefox build passes web-ext lint with zero errors', async () => {
  test.setTimeout(180_000);
  const { stdout } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-input'], {
    cwd: ROOT,
    timeout: 170_000,
    maxBuffer: 20 * 1024 * 1024,
  }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  expect(report.errors, JSON.stringify(report.errors, null, 1)).toEqual([]);
  // Every warning left is explained in the README ("web-ext lint"): axe-core's and zod's Function constructor,
  // innerHTML in axe-core and Preact, and Firefox for Android, which Loupe does not target.
  const explained = (w: { code: string; file: string }) =>
    // background.js: zod's test of whether eval is allowed, since the background validates subscribed catalogues.
    // assets/import-worker-*.js: the same test of zod's, in the dashboard's import worker (issue 27).
    (w.code === 'DANGEROUS_EVAL' && (w.file === 'axe.js' || w.file === 'background.js' || w.file.startsWith('chunks/') || /^assets\/import-worker-[\w-]+\.js$/.test(w.file))) ||
    // chunks/: html-validate's plugin loader, `import(name)`, never called (Loupe's configuration loads no plugin).
    (w.code === 'UNSAFE_VAR_ASSIGNMENT' && (w.file === 'axe.js' || w.file.startsWith('chunks/'))) ||
    w.code === 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION';
  const unexplained = report.warnings.filter((w: { code: string; file: string }) => !explained(w));
  expect(unexplained, JSON.stringify(unexplained, null, 1)).toEqual([]);
  expect(report.notices).toEqual([]);
});

test('the Firefox manifest says what AMO asks: no data collected, a minimum version that knows that key', () => {
  const gecko = manifest('firefox-mv2').browser_specific_settings.gecko;
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  // data_collection_permissions is read from Firefox 140 on (and MAIN-world content scripts need 128).
  expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
  expect(manifest('firefox-mv2').version).toBe(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version);
  expect(manifest('chrome-mv3').version).toBe(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version);
});

test('the icons are PNGs at 16, 32, 48 and 128 px, rendered from assets/icon.svg, in both store builds', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const m = manifest(dir);
    expect(m.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
    expect((m.action ?? m.browser_action).default_icon).toEqual(m.icons);
    for (const [size, file] of Object.entries(m.icons as Record<string, string>)) {
      const png = readFileSync(resolve(ROOT, '.output', dir, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${dir}/${file}`).toEqual([Number(size), Number(size)]);
    }
  }
});

test('the store listings, French and English, justify every permission the shipped manifests ask for', () => {
  const asked = new Set<string>();
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const m = manifest(dir);
    for (const p of [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? []), ...(m.host_permissions ?? [])]) asked.add(p);
  }
  expect(asked.size).toBeGreaterThan(3);
  for (const lang of ['fr', 'en']) {
    const listing = readFileSync(resolve(ROOT, `store/listing.${lang}.md`), 'utf8');
    const section = (title: RegExp) => listing.split(/^## /m).find((s) => title.test(s.split('\n')[0]!)) ?? '';
    const justified = section(/^(Justification des permissions|Permission justifications)$/);
    for (const p of asked) expect(justified, `${lang}: ${p}`).toMatch(new RegExp(`^- \`${p.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}\`.*: .{20,}`, 'm'));
    // The Chrome Web Store cuts the short description at 132 characters.
    const short = section(/^(Description courte|Short description)$/).split('\n').slice(1).join(' ').trim();
    expect(short.length, `${lang} short description`).toBeGreaterThan(40);
    expect(short.length, `${lang} short description`).toBeLessThanOrEqual(132);
    expect(section(/^(Objectif unique|Single purpose)$/).trim().length).toBeGreaterThan(60);
  }
});
