import type { Page } from 'playwright-core';

/**
 * Writes a stored record into the extension's own database from one of its pages (opened first, so the database
 * exists at its current version), as the extension would: the headless audit's HTML report and the e2e tests use it.
 */
export function putRecordInPage(page: Page, record: unknown): Promise<void> {
  return page.evaluate(
    (r) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('loupe');
        open.onsuccess = () => {
          const tx = open.result.transaction('evaluations', 'readwrite');
          tx.objectStore('evaluations').put(r);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    record,
  );
}
