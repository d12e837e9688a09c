import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { inspectTab, type InspectionEvent, type InspectResult, type InspectStep } from '@/lib/inspect/inspect-tab';
import { clearLeftoverObservers, observeTab, OBSERVE_BOUNDS, type ObserveProgress } from '@/lib/inspect/observe-tab';
import type { Observation } from '@/lib/observe/schema';
import { parseBrowserRequests } from '@/lib/inspect/browser-requests';
import { publishResult } from '@/lib/inspect/result-channel';
import { BOUNDS } from '@/lib/inspect/with-timeout';
import { markResult } from './paint-marks';

// The panel's tab and its inspection: which tab it follows, one cached result per tab and address, a fresh run on
// navigation, on the re-inspect shortcut or on the button. The inspection itself is lib/inspect/pipeline.ts: this
// hook subscribes to its phases and keeps the latest for the panel to render.

export type InspectionState =
  | { kind: 'idle' }
  | { kind: 'inspecting'; step: InspectStep | 'start' }
  /** The observed reload (issue 23) is under way; its inspection follows. */
  | ({ kind: 'observing' } & ObserveProgress)
  /** `running`: the fast findings are shown and the accessibility check is still at work. */
  | { kind: 'done'; result: InspectResult; running: boolean };

function stateOf(event: InspectionEvent): InspectionState {
  if (event.phase === 'step') return { kind: 'inspecting', step: event.step };
  return { kind: 'done', result: event.result, running: event.phase === 'fast' || event.phase === 'accessibility' };
}

/** `fixedTabId` (from ?tabId=N) binds the panel to one tab, as the audit does; otherwise it follows the active tab. */
export function useInspection(fixedTabId: number | undefined) {
  const [tabId, setTabId] = useState<number | undefined>(fixedTabId);
  const [state, setState] = useState<InspectionState>({ kind: 'idle' });
  const cache = useRef(new Map<string, InspectResult>());
  const running = useRef(0);
  /** While the tab reloads under observation, its "complete" is the observation's, not a navigation to inspect. */
  const observing = useRef(false);

  const inspect = useCallback(async (id: number, force: boolean, observation?: Observation) => {
    const tab = await browser.tabs.get(id).catch(() => undefined);
    if (!tab) return;
    const key = `${id} ${tab.url ?? ''}`;
    const cached = cache.current.get(key);
    if (cached && !force) {
      running.current++;
      publishResult({ tabId: id, result: cached });
      setState({ kind: 'done', result: cached, running: false });
      return;
    }
    const run = ++running.current;
    setState({ kind: 'inspecting', step: 'start' });
    await inspectTab(id, (event) => {
      // A newer run (another tab, a navigation) has started meanwhile: this one is for a page no longer shown.
      if (run !== running.current) return;
      if (event.phase === 'step') return setState(stateOf(event));
      if (event.phase === 'fast' || event.phase === 'done') markResult(event.phase);
      // Published before the render: a driver that sees the panel's state has its result (lib/inspect/result-channel.ts).
      publishResult({ tabId: id, result: event.result });
      // Kept as soon as the fast findings are there: coming back to the tab shows them without a second run. An
      // inspection left before axe finished comes back without the accessibility block (its status is absent),
      // never with an empty one that would read as "no problem".
      if (event.result.ok) cache.current.set(key, event.result);
      setState(stateOf(event));
    }, axeBounds(), browserRequests(), observation).catch((error: unknown) => {
      if (run !== running.current) return;
      const result: InspectResult = { ok: false, reason: 'failed', detail: String(error) };
      publishResult({ tabId: id, result });
      setState({ kind: 'done', result, running: false });
    });
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

  /** The observed reload, then the inspection of the page it left, with what it saw. */
  const observe = useCallback(
    async (windowMs: number) => {
      if (tabId === undefined) return;
      const run = ++running.current;
      observing.current = true;
      setState({ kind: 'observing', phase: 'reloading' });
      let observation: Observation;
      try {
        observation = await observeTab(tabId, { windowMs, onProgress: (p) => run === running.current && setState({ kind: 'observing', ...p }) });
      } catch (error) {
        observing.current = false;
        if (run !== running.current) return;
        const result: InspectResult = { ok: false, reason: 'failed', detail: String(error) };
        publishResult({ tabId, result });
        setState({ kind: 'done', result, running: false });
        return;
      }
      observing.current = false;
      if (run === running.current) await inspect(tabId, true, observation);
    },
    [tabId, inspect],
  );

  useEffect(() => {
    if (tabId === undefined) return;
    // The headless audit asks for the observed reload in the panel's address (?observe=1, ?observeMs=N).
    const auto = autoObserve();
    if (auto) void observe(auto);
    else void inspect(tabId, false);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (observing.current) return;
      if (id === tabId && change.status === 'complete') void inspect(tabId, true);
    };
    const onRemoved = (id: number) => {
      if (id !== tabId) return;
      running.current++;
      setState({ kind: 'idle' });
      setTabId(undefined);
    };
    // The background forwards the re-inspect shortcut (command "reinspect") to every open panel.
    const onMessage = (msg: unknown) => {
      if (observing.current) return;
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
    // observe is left out: it changes with tabId, which this effect follows already.
  }, [tabId, inspect]);

  // A panel closed during an observation leaves its scripts registered until the browser restarts: removed here.
  useEffect(() => void clearLeftoverObservers(), []);

  const reinspect = useCallback(() => {
    if (tabId !== undefined) void inspect(tabId, true);
  }, [tabId, inspect]);

  return { tabId, state, reinspect, observe };
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

/** The browser's log of the page's requests, which the headless audit passes as ?requests=[…] (JSON). */
function browserRequests() {
  return parseBrowserRequests(new URLSearchParams(location.search).get('requests'));
}

/** ?observe=1 (the audit's --observe): observe at once, for ?observeMs=N ms after load (default: OBSERVE_BOUNDS). */
function autoObserve(): number | undefined {
  const query = new URLSearchParams(location.search);
  if (query.get('observe') !== '1') return undefined;
  const ms = Number(query.get('observeMs'));
  return ms > 0 ? ms : OBSERVE_BOUNDS.windowMs;
}
