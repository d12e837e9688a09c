import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readPolicy, type PolicyRead } from '@/lib/model/policy';

// The académie's policy as the extension's pages read it (storage.managed, set by the browser's enterprise policies).
// No policy is the ordinary case: Firefox then rejects the read, Chrome answers {}; both give an empty policy.

const EMPTY: PolicyRead = { policy: {}, refused: [] };
let read: Promise<PolicyRead> | undefined;

export function academiePolicy(): Promise<PolicyRead> {
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

/** The académie's policy once read (undefined before): the side panel hides what the académie does not allow. */
export function useAcademiePolicy(): PolicyRead | undefined {
  const [policy, setPolicy] = useState<PolicyRead | undefined>();
  useEffect(() => {
    void academiePolicy().then(setPolicy);
  }, []);
  return policy;
}
