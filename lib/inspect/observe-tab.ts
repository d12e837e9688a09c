import { browser } from 'wxt/browser';
import { OBSERVE_PORT } from '../observe/bridge-names';
import { ObservationCollector, type BrowserRequest, type StoreCookie } from '../observe/collector';
import { madeUpValues, type MadeUpValues } from '../observe/made-up';
import { observationSchema, type NotObserved, type Observation } from '../observe/schema';

// The observed reload (issue 23), driven from the panel (or the headless audit, which drives the panel):
//   1. register Loupe's hooks (page world) and bridge (isolated world) for document_start, for this reload only;
//   2. watch the browser's request log for this tab when the person granted it (webRequest, request bodies);
//   3. reload; once the page has loaded, remove the registration (later loads of any tab run without Loupe), type
//      the made-up values into the visible fields, and watch until the window after "load" ends;
//   4. read the cookie store (cookies permission) and return the observation, parsed by its schema.
// Every wait is bounded: a page that never loads, navigates away or floods requests ends at its bound with what was
// seen, and the observation says what it could not see (NotObserved).

export const OBSERVE_BOUNDS = {
  /** The window after "load" (the default; the panel's option and the audit's --observe-window change it). */
  windowMs: 20_000,
  /** A page that has not loaded by then is watched as it stands, its window counted from there. */
  loadMs: 30_000,
  /** How long after "load" Loupe starts typing: scripts that attach their listeners late are given the time. */
  typeAfterMs: 1_000,
  /** At the window's end, how long the page's hooks have to send what they still hold (a busy page is late). */
  flushMs: 2_000,
} as const;

export interface ObservePermissions {
  /** Host access to every site: third-party frames, the request log with bodies, all cookies' domains. */
  hosts: boolean;
  cookies: boolean;
  webRequest: boolean;
}

/** What the person granted, read now (the optional permissions of the manifest; the audit build has them all). */
export async function observePermissions(): Promise<ObservePermissions> {
  const has = (p: { permissions?: string[]; origins?: string[] }) => browser.permissions.contains(p as Parameters<typeof browser.permissions.contains>[0]).catch(() => false);
  return { hosts: await has({ origins: ['<all_urls>'] }), cookies: await has({ permissions: ['cookies'] }), webRequest: await has({ permissions: ['webRequest'] }) };
}

/**
 * Asks for the optional permissions the observation uses. Must be called in the click's own task (the browser
 * refuses a request without a user gesture): no await before it. Refusing is an answer, not an error.
 */
export function askObservePermissions(origin: string): Promise<boolean> {
  // Firefox drops activeTab at the reload: the page's own origin is asked for with the rest.
  return browser.permissions.request({ permissions: ['cookies', 'webRequest'], origins: ['<all_urls>', `${origin}/*`] } as Parameters<typeof browser.permissions.request>[0]).catch(() => false);
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

interface WebRequestApi {
  onBeforeRequest: {
    addListener(cb: (d: BrowserRequest) => void, filter: { urls: string[]; tabId: number }, extra?: string[]): void;
    removeListener(cb: (d: BrowserRequest) => void): void;
  };
}
interface CookiesApi {
  getAll(details: { url?: string; partitionKey?: { topLevelSite?: string } }): Promise<StoreCookie[]>;
}

async function readCookies(api: CookiesApi, urls: readonly string[], topLevelSite: string): Promise<StoreCookie[]> {
  const seen = new Map<string, StoreCookie>();
  const add = (list: StoreCookie[]) => list.forEach((c) => seen.set(`${c.name} ${c.domain} ${c.path} ${c.partitionKey ? 'p' : ''}`, c));
  for (const url of urls.slice(0, 200)) add(await api.getAll({ url }).catch(() => []));
  // Partitioned (CHIPS) cookies of third parties embedded in this site: Chromium files them under the top site.
  for (const url of urls.slice(0, 200)) add(await api.getAll({ url, partitionKey: { topLevelSite } }).catch(() => []));
  return [...seen.values()];
}

const PREFIX = 'loupe-observe-';

/** Removes observation scripts a closed panel left registered (they would otherwise run until the browser restarts). */
export async function clearLeftoverObservers(): Promise<void> {
  try {
    const ids = (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(PREFIX));
    if (ids.length) await browser.scripting.unregisterContentScripts({ ids });
  } catch {
    // A browser without dynamic content scripts has nothing left to clear.
  }
}

export interface ObserveProgress {
  phase: 'reloading' | 'watching';
  /** ms left in the window, once the page has loaded. */
  leftMs?: number;
}

export async function observeTab(
  tabId: number,
  opts: { windowMs?: number; values?: MadeUpValues; onProgress?: (p: ObserveProgress) => void } = {},
): Promise<Observation> {
  const windowMs = opts.windowMs ?? OBSERVE_BOUNDS.windowMs;
  const values = opts.values ?? madeUpValues();
  const progress = opts.onProgress ?? (() => {});
  const tab = await browser.tabs.get(tabId);
  const origin = originOf(tab.url);
  if (!origin || !/^https?:/.test(origin)) throw new Error(`not an observable page: ${tab.url}`);
  const granted = await observePermissions();
  const notObserved: NotObserved[] = [];
  if (!granted.hosts) notObserved.push('frames');
  const webRequest = granted.webRequest && granted.hosts ? ((browser as unknown as { webRequest?: WebRequestApi }).webRequest ?? undefined) : undefined;
  if (!webRequest) notObserved.push('request-log');
  const cookiesApi = granted.cookies && granted.hosts ? ((browser as unknown as { cookies?: CookiesApi }).cookies ?? undefined) : undefined;
  if (!cookiesApi) notObserved.push('cookie-store');

  const startedAt = Date.now();
  const collector = new ObservationCollector(startedAt);
  const before = cookiesApi ? await readCookies(cookiesApi, [tab.url!], origin) : undefined;

  // 1. The scripts, for this reload: with host access in every frame, else in the page's own origin (activeTab).
  const id = `${PREFIX}${crypto.randomUUID()}`;
  const matches = granted.hosts ? ['<all_urls>'] : [`${origin}/*`];
  const common = { matches, runAt: 'document_start' as const, allFrames: granted.hosts, persistAcrossSessions: false };
  let registered = true;
  try {
    await browser.scripting.registerContentScripts([
      { id: `${id}-bridge`, js: ['/observer-bridge.js'], ...common },
      { id: `${id}-main`, js: ['/observer-main.js'], world: 'MAIN', ...common } as Parameters<typeof browser.scripting.registerContentScripts>[0][number],
    ]);
  } catch {
    // The browser refused the registration (no access to this origin): the reload is still watched through what the
    // person granted, and the report says the page's own calls were not (collector: "hooks").
    registered = false;
  }
  const unregister = async () => {
    if (!registered) return;
    registered = false;
    await browser.scripting.unregisterContentScripts({ ids: [`${id}-bridge`, `${id}-main`] }).catch(() => undefined);
  };

  // 2. The bridge's reports, from this tab only; the top frame's port receives the order to type.
  const ports: { frameId: number; port: ReturnType<typeof browser.runtime.connect> }[] = [];
  const onConnect = (port: ReturnType<typeof browser.runtime.connect>) => {
    if (port.name !== OBSERVE_PORT || port.sender?.tab?.id !== tabId) return;
    ports.push({ frameId: port.sender.frameId ?? 0, port });
    port.onMessage.addListener((m: unknown) => collector.hookEvent(m));
  };
  browser.runtime.onConnect.addListener(onConnect);
  const onRequest = (d: BrowserRequest) => collector.browserRequest(d);
  if (webRequest) {
    try {
      webRequest.onBeforeRequest.addListener(onRequest, { urls: ['<all_urls>'], tabId }, ['requestBody']);
    } catch {
      notObserved.push('request-log');
    }
  }

  // 3. Reload, wait for "load" (bounded), then type and watch.
  let ended = 'window' as 'window' | 'navigated' | 'closed';
  let navigatedTo: string | undefined;
  let loadedAt: number | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => (finish = r));
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  const startWindow = () => {
    if (loadedAt !== undefined || ended === 'navigated') return;
    loadedAt = Date.now();
    void unregister();
    progress({ phase: 'watching', leftMs: windowMs });
    setTimeout(() => {
      const top = ports.find((p) => p.frameId === 0);
      try {
        top?.port.postMessage({ type: 'type', values });
      } catch {
        // The page is gone: nothing to type into.
      }
    }, Math.min(OBSERVE_BOUNDS.typeAfterMs, windowMs));
    windowTimer = setTimeout(finish, windowMs);
  };
  const onUpdated = (id: number, change: { status?: string; url?: string }) => {
    if (id !== tabId) return;
    // A reload that lands on another origin (a login, a consent host) stops the observation and says so. It ends
    // once the page it went to has loaded, not at the address change: the panel inspects the tab right after, and
    // ignores that page's "complete" only while the observation runs (entrypoints/sidepanel/use-inspection.ts).
    // Ended at the address change, the destination's "complete" came after, read as a navigation of its own, and
    // its plain inspection replaced the observed one, report and "navigated" limit included (a flaky e2e).
    if (change.url && originOf(change.url) !== origin && ended !== 'navigated') {
      ended = 'navigated';
      navigatedTo = change.url;
      clearTimeout(windowTimer);
      windowTimer = setTimeout(finish, OBSERVE_BOUNDS.loadMs);
      if (change.status === 'complete') finish();
    } else if (change.status === 'complete') {
      if (ended === 'navigated') finish();
      else startWindow();
    }
  };
  const onRemoved = (id: number) => {
    if (id !== tabId) return;
    ended = 'closed';
    finish();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  const loadBound = setTimeout(startWindow, OBSERVE_BOUNDS.loadMs);
  progress({ phase: 'reloading' });
  try {
    await browser.tabs.reload(tabId);
    await done;
    // The hooks batch their reports: the top frame is asked for its last one, within a bound.
    if (ended === 'window') {
      const top = ports.find((p) => p.frameId === 0);
      try {
        top?.port.postMessage({ type: 'flush' });
      } catch {
        // The page is gone.
      }
      const until = Date.now() + OBSERVE_BOUNDS.flushMs;
      while (top && collector.heard && !collector.flushed && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (top && collector.heard && !collector.flushed) notObserved.push('late');
    }
  } finally {
    clearTimeout(loadBound);
    clearTimeout(windowTimer);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.runtime.onConnect.removeListener(onConnect);
    if (webRequest) webRequest.onBeforeRequest.removeListener(onRequest);
    for (const { port } of ports) port.disconnect();
    await unregister();
  }

  // 4. The cookie store after, for the page and every host it sent requests to.
  let after: StoreCookie[] | undefined;
  if (cookiesApi && ended !== 'closed') {
    const hosts = new Set<string>([tab.url!]);
    for (const r of collector.requests) {
      const o = originOf(r.url);
      if (o && /^https?:/.test(o)) hosts.add(`${o}/`);
    }
    after = await readCookies(cookiesApi, [...hosts], origin);
  }
  const raw = collector.result({
    url: (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? tab.url!,
    windowMs,
    loadMs: loadedAt === undefined ? undefined : loadedAt - startedAt,
    totalMs: Date.now() - startedAt,
    ended,
    navigatedTo,
    before,
    after,
    notObserved,
  });
  return observationSchema.parse(raw);
}
