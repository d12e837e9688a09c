import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, '.output', dir, 'manifest.json'), 'utf8'));

test('the store builds ask for no host permission at install', () => {
  const chrome = manifest('chrome-mv3');
  expect(chrome.permissions.sort()).toEqual(['activeTab', 'scripting', 'sidePanel']);
  expect(chrome.host_permissions).toBeUndefined();
  expect(chrome.content_scripts ?? []).toEqual([]);
  expect(chrome.optional_host_permissions).toEqual(['<all_urls>']);
  const firefox = manifest('firefox-mv2');
  expect(firefox.permissions.sort()).toEqual(['activeTab', 'scripting']);
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
});
