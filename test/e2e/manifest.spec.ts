import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, '.output', dir, 'manifest.json'), 'utf8'));

test('the store builds ask for no host permission at install', () => {
  const chrome = manifest('chrome-mv3');
  expect(chrome.permissions.sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
  expect(chrome.host_permissions).toBeUndefined();
  expect(chrome.content_scripts ?? []).toEqual([]);
  expect(chrome.optional_host_permissions).toEqual(['<all_urls>']);
  const firefox = manifest('firefox-mv2');
  expect(firefox.permissions.sort()).toEqual(['activeTab', 'scripting', 'storage']);
  expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
  // Without it Firefox opens the sidebar by itself at every install.
  expect(firefox.sidebar_action.open_at_install).toBe(false);
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
    (w.code === 'DANGEROUS_EVAL' && (w.file === 'axe.js' || w.file.startsWith('chunks/'))) ||
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
