import { browser } from 'wxt/browser';

/** Whether this build may ask for access to every site at run time (Chrome store build: optional_host_permissions). */
export function canAskForAllSites(): boolean {
  const m = browser.runtime.getManifest() as { optional_host_permissions?: string[] };
  return Boolean(m.optional_host_permissions?.length) && typeof browser.permissions?.request === 'function';
}

/** Asks, from a click, for "inspect every site automatically"; true when granted. */
export async function askForAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false);
}
