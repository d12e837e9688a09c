import { browser } from 'wxt/browser';
import { syncPolicyCatalogues } from '@/lib/catalogue/policy';
import { refreshAll } from '@/lib/catalogue/refresh';
import { readPolicy } from '@/lib/model/policy';
import { originPattern, type FetchDeps } from '@/lib/catalogue/fetch';
import { catalogueDb } from '@/lib/storage/catalogue-db';

interface ChromeSidePanel {
  setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>;
  open(o: { windowId: number }): Promise<void>;
}

/** Every six hours, and once a minute after the browser starts: the subscribed catalogues, whole files. */
const CATALOGUE_ALARM = 'loupe:catalogues';
const CATALOGUE_PERIOD_MINUTES = 360;

// The catalogues' fetch is the only network request Loupe makes of its own (README, privacy): here, never in a page.
const catalogueDeps: FetchDeps = {
  fetch: (input, init) => fetch(input, init),
  hasPermission: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
};

/** One refresh at a time: an alarm and a click do not fetch the same file twice at once. */
let running: Promise<unknown> = Promise.resolve();
function refreshCatalogues(url?: string) {
  running = running.then(() => refreshAll(catalogueDb(), catalogueDeps, url)).catch(() => undefined);
  return running;
}

/** The académie's catalogues (storage.managed): followed at start and whenever the policy changes. */
async function applyPolicy() {
  let raw: unknown = {};
  try {
    raw = await browser.storage.managed.get();
  } catch {
    // No policy (Firefox rejects the read when none is set).
  }
  const synced = await syncPolicyCatalogues(catalogueDb(), readPolicy(raw).policy.catalogues ?? [], Date.now());
  if (synced.ok) for (const url of synced.value.added) void refreshCatalogues(url);
}

// Glue: open the panel from the toolbar, forward the re-inspect shortcut, refresh the subscribed catalogues.
// No listener on pages.
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    const ff = browser as unknown as { browserAction: typeof browser.action; sidebarAction: { open(): Promise<void> } };
    ff.browserAction.onClicked.addListener(() => {
      void ff.sidebarAction.open();
    });
  } else {
    const sidePanel = (browser as unknown as { sidePanel: ChromeSidePanel }).sidePanel;
    // With openPanelOnActionClick, Chrome opens the panel without firing action.onClicked and so never grants
    // activeTab: Loupe could then read no page. The click is handled here instead, and that grants it.
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
    browser.action.onClicked.addListener((tab) => {
      // open() must run in the click's own task: an await before it would lose the user gesture.
      if (tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
      // A panel already open inspects again, now that the click has given access to this tab.
      void browser.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined);
    });
  }
  browser.commands.onCommand.addListener((command) => {
    if (command === 'reinspect') void browser.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined);
  });

  void applyPolicy();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyPolicy();
  });
  void browser.alarms.get(CATALOGUE_ALARM).then((a) => {
    if (!a) void browser.alarms.create(CATALOGUE_ALARM, { delayInMinutes: 1, periodInMinutes: CATALOGUE_PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener((a) => {
    // The policy again first: a sync refused at start (the database awaiting a page's upgrade) is done here.
    if (a.name === CATALOGUE_ALARM) void applyPolicy().then(() => refreshCatalogues());
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: unknown; url?: unknown } | null;
    if (m?.type !== 'loupe:catalogues-refresh') return undefined;
    // Answered when done, so that the settings page can say "Mise à jour en cours…" until then.
    return refreshCatalogues(typeof m.url === 'string' ? m.url : undefined).then(() => true);
  });
});
