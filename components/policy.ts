import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readPolicy, type PolicyRead } from '@/lib/model/policy';

// The académie's policy as the extension's pages read it (storage.managed, set by the browser's enterprise policies).
// No policy is the ordinary case: Firefox then rejects the read, Chrome answers {}; both give an empty policy.

const EMPTY: PolicyRead = { policy: {}, refused: [] };
let read: Promise<PolicyRead> | undefined;

/** The policy, read once per page; `again`: read anew (the browser said it changed). */
export function academiePolicy(again = false): Promise<PolicyRead> {
  if (again) read = undefined;
  read ??= (async () => {
    try {
      const managed = (browser.storage as { managed?: { get(): Promise<unknown> } } | undefined)?.managed;
      return managed ? readPolicy(await managed.get()) : EMPTY;
    } catch {
      return EMPTY;
    }
  })();
  return read;
}

/**
 * The académie's policy once read (undefined before), kept up to date: the side panel hides what the académie does
 * not allow. Chrome loads enterprise policies after it starts: a page opened before then reads none, and hears of
 * them here (as the background does, entrypoints/background.ts).
 */
export function useAcademiePolicy(): PolicyRead | undefined {
  const [policy, setPolicy] = useState<PolicyRead | undefined>();
  useEffect(() => {
    let live = true;
    const show = (p: PolicyRead) => live && setPolicy(p);
    void academiePolicy().then(show);
    const changed = (_changes: unknown, area: string) => {
      if (area === 'managed') void academiePolicy(true).then(show);
    };
    browser.storage.onChanged.addListener(changed);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(changed);
    };
  }, []);
  return policy;
}
