import { browser } from 'wxt/browser';
import { toExportFile } from '@/lib/export/export-file';
import type { Evaluation } from '@/lib/export/schema';

/** Saves one evaluation as a JSON file through the browser's download (no network). */
export function downloadEvaluation(evaluation: Evaluation): void {
  const file = toExportFile([evaluation], { now: Date.now(), version: browser.runtime.getManifest().version });
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `loupe-${evaluation.resource.site || 'page'}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Whether this build may ask for access to every site at run time (Chrome store build: optional_host_permissions). */
export function canAskForAllSites(): boolean {
  const m = browser.runtime.getManifest() as { optional_host_permissions?: string[] };
  return Boolean(m.optional_host_permissions?.length) && typeof browser.permissions?.request === 'function';
}

/** Asks, from a click, for "inspect every site automatically"; true when granted. */
export async function askForAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false);
}
