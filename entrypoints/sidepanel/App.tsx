import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Report } from '@/components/Report';
import { ConsentCompare } from '@/components/ConsentCompare'; // issue3b: before/after consent
import type { Evaluation, Finding } from '@/lib/export/schema';
import { toExportFile } from '@/lib/export/export-file';
import { t } from '@/lib/i18n/t';
import { inspectTab, type InspectResult } from '@/lib/inspect/inspect-tab';
import { highlightReplySchema } from '@/lib/messaging/protocol';
import { setBadge } from '@/lib/inspect/badge';
import { AccessibilitySection, type AccessibilityState } from '@/components/AccessibilitySection';
import { runAccessibility } from '@/lib/a11y/run-axe';

type State = { kind: 'idle' } | { kind: 'inspecting' } | { kind: 'done'; result: InspectResult };

declare global {
  // Read by the headless audit (scripts/audit.ts) and the e2e tests: the panel's own result, not a second run.
  // eslint-disable-next-line no-var
  var __loupe: { tabId?: number; result?: InspectResult } | undefined;
}

const REASON_KEYS: Record<string, string> = {
  'browser-page': 'reason_browserPage',
  'store-page': 'reason_storePage',
  'data-url': 'reason_dataUrl',
  'file-no-permission': 'reason_fileNoPermission',
  'pdf-viewer': 'reason_pdfViewer',
  'no-url': 'reason_noUrl',
  'no-permission': 'reason_noPermission',
  failed: 'reason_failed',
  'invalid-snapshot': 'reason_invalidSnapshot',
};

export function App({ fixedTabId }: { fixedTabId?: number }) {
  const [tabId, setTabId] = useState<number | undefined>(fixedTabId);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const cache = useRef(new Map<string, InspectResult>());
  const running = useRef(0);
  // Accessibility (issue 5): axe runs after the fast findings are shown; data-a11y on <main> tells the audit when.
  const [a11y, setA11y] = useState<{ state: AccessibilityState; error?: string }>({ state: 'idle' });

  const inspect = useCallback(async (id: number, force: boolean) => {
    const tab = await browser.tabs.get(id).catch(() => undefined);
    if (!tab) return;
    const key = `${id} ${tab.url ?? ''}`;
    const cached = cache.current.get(key);
    if (cached && !force) {
      setState({ kind: 'done', result: cached });
      globalThis.__loupe = { tabId: id, result: cached };
      setA11y({ state: cached.ok ? 'done' : 'skipped' });
      return;
    }
    const run = ++running.current;
    setState({ kind: 'inspecting' });
    setA11y({ state: 'idle' });
    setNotes({});
    const result = await inspectTab(id).catch(
      (error: unknown): InspectResult => ({ ok: false, reason: 'failed', detail: String(error) }),
    );
    if (run !== running.current) return;
    if (result.ok) cache.current.set(key, result);
    globalThis.__loupe = { tabId: id, result };
    setState({ kind: 'done', result });
    await setBadge(id, result.ok ? result.evaluation : undefined);
    if (!result.ok) return setA11y({ state: 'skipped' });
    setA11y({ state: 'running' });
    const checked = await runAccessibility(id, result);
    if (run !== running.current) return;
    const merged: InspectResult = { ...result, evaluation: checked.evaluation };
    cache.current.set(key, merged);
    globalThis.__loupe = { tabId: id, result: merged };
    setState({ kind: 'done', result: merged });
    setA11y(checked.ok ? { state: 'done' } : { state: 'error', error: checked.detail });
  }, []);

  // Follow the active tab unless the panel was opened for one tab (?tabId=N, as the audit does).
  useEffect(() => {
    if (fixedTabId !== undefined) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id));
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixedTabId]);

  useEffect(() => {
    if (tabId === undefined) return;
    void inspect(tabId, false);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void inspect(tabId, true);
    };
    const onMessage = (msg: unknown) => {
      if ((msg as { type?: string })?.type === 'loupe:reinspect') void inspect(tabId, true);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
      void browser.tabs.sendMessage(tabId, { type: 'loupe:clear' }).catch(() => undefined);
    };
  }, [tabId, inspect]);

  // Highlights belong to the open panel: remove them when it closes.
  useEffect(() => {
    const clear = () => {
      if (tabId !== undefined) void browser.tabs.sendMessage(tabId, { type: 'loupe:clear' }).catch(() => undefined);
    };
    window.addEventListener('pagehide', clear);
    return () => window.removeEventListener('pagehide', clear);
  }, [tabId]);

  const show = useCallback(
    async (finding: Finding) => {
      if (tabId === undefined || state.kind !== 'done' || !state.result.ok) return;
      const selectors = finding.evidence.map((e) => e.selector).filter((s): s is string => Boolean(s));
      const raw = await browser.tabs
        .sendMessage(tabId, { type: 'loupe:highlight', selectors, scroll: true, url: state.result.snapshot.url })
        .catch(() => undefined);
      const reply = highlightReplySchema.safeParse(raw);
      let note = '';
      if (!reply.success || reply.data.stale) note = t('panel_highlightStale');
      else if (reply.data.results.every((r) => r === 'gone')) note = t('panel_highlightGone');
      else if (!reply.data.results.includes('shown')) note = t('panel_highlightHidden');
      setNotes({ [finding.id]: note });
    },
    [tabId, state],
  );

  const exportJson = () => {
    if (state.kind !== 'done' || !state.result.ok) return;
    const file = toExportFile([state.result.evaluation], { now: Date.now(), version: browser.runtime.getManifest().version });
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `loupe-${state.result.evaluation.resource.site || 'page'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <main data-testid={`state:${state.kind}`} data-a11y={a11y.state} aria-busy={state.kind === 'inspecting'}>
      <div class="toolbar">
        <button type="button" data-testid="button:inspect" disabled={tabId === undefined || state.kind === 'inspecting'} onClick={() => tabId !== undefined && void inspect(tabId, true)}>
          {state.kind === 'done' ? t('panel_reinspect') : t('panel_inspect')}
        </button>
        {state.kind === 'done' && state.result.ok && (
          <button type="button" data-testid="button:export" onClick={exportJson}>
            {t('panel_exportJson')}
          </button>
        )}
      </div>
      {tabId === undefined && <p>{t('panel_noTab')}</p>}
      {state.kind === 'inspecting' && (
        <p role="status" data-testid="status:inspecting">
          {t('panel_inspecting')}
        </p>
      )}
      {state.kind === 'done' && !state.result.ok && (
        <p class="error" role="alert" data-testid={`error:${state.result.reason}`}>
          {t(REASON_KEYS[state.result.reason] ?? 'reason_failed', state.result.detail)}
        </p>
      )}
      {state.kind === 'done' && state.result.ok && (
        <>
          <Report evaluation={withoutAxe(state.result.evaluation)} onShow={show} notes={notes} />
          <AccessibilitySection state={a11y.state} evaluation={state.result.evaluation} error={a11y.error} onShow={show} notes={notes} />
        </>
      )}
      {/* issue3b: before/after consent comparison (self-contained component) */}
      {state.kind === 'done' && state.result.ok && <ConsentCompare evaluation={state.result.evaluation} />}
    </main>
  );
}

/** axe's findings have their own block (AccessibilitySection); the generic list keeps the other checks. */
function withoutAxe(e: Evaluation): Evaluation {
  return { ...e, findings: e.findings.filter((f) => f.detector !== 'axe') };
}
