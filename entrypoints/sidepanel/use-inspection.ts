import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setBadge } from '@/lib/inspect/badge';
import type { AccessibilityState } from '@/components/AccessibilitySection';
import { runAccessibility } from '@/lib/a11y/run-axe';
import { inspectTab, type InspectResult, type InspectStep } from '@/lib/inspect/inspect-tab';
import { BOUNDS } from '@/lib/inspect/with-timeout';

// The panel's tab and its inspection: which tab it follows, one cached result per tab and address, a fresh run on
// navigation, on the re-inspect shortcut or on the button.

export type InspectionState =
  | { kind: 'idle' }
  | { kind: 'inspecting'; step: InspectStep | 'start' }
  | { kind: 'done'; result: InspectResult };

declare global {
  // Read by the headless audit (scripts/audit.ts) and the e2e tests: the panel's own result, not a second run.
  // eslint-disable-next-line no-var
  var __loupe: { tabId?: number; result?: InspectResult } | undefined;
}

/** `fixedTabId` (from ?tabId=N) binds the panel to one tab, as the audit does; otherwise it follows the active tab. */
export function useInspection(fixedTabId: number | undefined) {
  const [tabId, setTabId] = useState<number | undefined>(fixedTabId);
  const [state, setState] = useState<InspectionState>({ kind: 'idle' });
  // Accessibility (axe) runs after the fast findings are shown; data-a11y on <main> tells the audit when it ends.
  const [a11y, setA11y] = useState<{ state: AccessibilityState; error?: string }>({ state: 'idle' });
  const cache = useRef(new Map<string, InspectResult>());
  const running = useRef(0);

  const inspect = useCallback(async (id: number, force: boolean) => {
    const tab = await browser.tabs.get(id).catch(() => undefined);
    if (!tab) return;
    const key = `${id} ${tab.url ?? ''}`;
    const cached = cache.current.get(key);
    if (cached && !force) {
      running.current++;
      setState({ kind: 'done', result: cached });
      globalThis.__loupe = { tabId: id, result: cached };
      setA11y({ state: cached.ok ? 'done' : 'skipped' });
      return;
    }
    const run = ++running.current;
    setState({ kind: 'inspecting', step: 'start' });
    setA11y({ state: 'idle' });
    const result = await inspectTab(id, (step) => {
      if (run === running.current) setState({ kind: 'inspecting', step });
    }).catch((error: unknown): InspectResult => ({ ok: false, reason: 'failed', detail: String(error) }));
    // A newer run (another tab, a navigation) has started meanwhile: this result is for a page no longer shown.
    if (run !== running.current) return;
    if (result.ok) cache.current.set(key, result);
    globalThis.__loupe = { tabId: id, result };
    setState({ kind: 'done', result });
    await setBadge(id, result.ok ? result.evaluation : undefined);
    if (!result.ok) return setA11y({ state: 'skipped' });
    setA11y({ state: 'running' });
    const checked = await runAccessibility(id, result, axeBounds());
    if (run !== running.current) return;
    const merged: InspectResult = { ...result, evaluation: checked.evaluation, snapshot: checked.snapshot };
    cache.current.set(key, merged);
    globalThis.__loupe = { tabId: id, result: merged };
    setState({ kind: 'done', result: merged });
    setA11y(checked.ok ? { state: 'done' } : { state: 'error', error: checked.detail });
    await setBadge(id, merged.evaluation);
  }, []);

  // Follow the active tab of this window unless the panel was opened for one tab.
  useEffect(() => {
    if (fixedTabId !== undefined) return;
    let own: number | undefined;
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      // Opened as a tab (tests), the panel must not inspect itself; in a real side panel it has no tab.
      if (info.tabId === own) return;
      if (windowId !== undefined && info.windowId !== windowId) return;
      setTabId(info.tabId);
    };
    void (async () => {
      own = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
      // A side panel belongs to one window; opened as a tab, it follows the tabs of any window.
      if (own === undefined) windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined && tab.id !== own) setTabId(tab.id);
    })();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixedTabId]);

  useEffect(() => {
    if (tabId === undefined) return;
    void inspect(tabId, false);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void inspect(tabId, true);
    };
    const onRemoved = (id: number) => {
      if (id !== tabId) return;
      running.current++;
      setState({ kind: 'idle' });
      setA11y({ state: 'idle' });
      setTabId(undefined);
    };
    // The background forwards the re-inspect shortcut (command "reinspect") to every open panel.
    const onMessage = (msg: unknown) => {
      if ((msg as { type?: string } | null)?.type === 'loupe:reinspect') void inspect(tabId, true);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId, inspect]);

  const reinspect = useCallback(() => {
    if (tabId !== undefined) void inspect(tabId, true);
  }, [tabId, inspect]);

  return { tabId, state, a11y, reinspect };
}

/** The accessibility check's bounds; the audit (--timeout) and the tests may shorten them with ?axeMs=N&injectMs=N. */
function axeBounds() {
  const query = new URLSearchParams(location.search);
  const shorter = (name: string, bound: number) => {
    const ms = Number(query.get(name));
    return ms > 0 ? Math.min(ms, bound) : bound;
  };
  return { axeInject: shorter('injectMs', BOUNDS.axeInject), axeRun: shorter('axeMs', BOUNDS.axeRun), axeFrame: shorter('axeMs', BOUNDS.axeFrame) };
}
