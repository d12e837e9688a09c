import { beforeEach, describe, expect, it, vi } from 'vitest';

// The observed reload's driver (lib/inspect/observe-tab.ts) against a fake browser: what it registers, for how long,
// and what the report says when the person refused the optional permissions. The real browsers:
// test/e2e/observe.spec.ts and observe-firefox.spec.ts.

type Listener = (...a: never[]) => void;
const listeners = (): { list: Listener[]; addListener(f: Listener): void; removeListener(f: Listener): void } => {
  const list: Listener[] = [];
  return { list, addListener: (f) => void list.push(f), removeListener: (f) => void list.splice(list.indexOf(f), 1) };
};

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('wxt/browser', () => ({
  get browser() {
    return fake.current;
  },
}));

const PAGE = 'https://www.editeur-exemple.fr/ressource';

function makeBrowser(granted: { hosts: boolean; cookies: boolean; webRequest: boolean }) {
  const onUpdated = listeners();
  const onConnect = listeners();
  const registered: { id: string; matches: string[]; allFrames: boolean; world?: string }[][] = [];
  const unregistered: string[][] = [];
  const b = {
    tabs: {
      get: async () => ({ id: 7, url: PAGE }),
      onUpdated,
      onRemoved: listeners(),
      async reload() {
        // The reload: the bridge of the top frame connects and reports, then the page completes.
        setTimeout(() => {
          const port = { name: 'loupe:observe', sender: { tab: { id: 7 }, frameId: 0 }, onMessage: listeners(), postMessage: vi.fn(), disconnect: vi.fn() };
          for (const f of onConnect.list) (f as (p: unknown) => void)(port);
          for (const f of port.onMessage.list) {
            (f as (m: unknown) => void)({ k: 'batch', events: [
              { k: 'cookie', name: '_ga', raw: '_ga=1; max-age=63072000; path=/', t: 5 },
              { k: 'req', r: { url: 'https://collect.tiers-exemple.com/c', method: 'POST', via: 'beacon', body: 'x', t: 6 } },
            ] });
          }
          port.postMessage.mockImplementation((m: { type?: string }) => {
            if (m.type === 'flush') for (const f of port.onMessage.list) (f as (m: unknown) => void)({ k: 'batch', events: [{ k: 'flushed' }] });
          });
          for (const f of onUpdated.list) (f as (id: number, c: object) => void)(7, { status: 'complete' });
        }, 5);
      },
    },
    permissions: {
      contains: async (p: { permissions?: string[]; origins?: string[] }) =>
        p.origins ? granted.hosts : p.permissions?.includes('cookies') ? granted.cookies : granted.webRequest,
    },
    scripting: {
      registerContentScripts: async (s: (typeof registered)[number]) => void registered.push(s),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => void unregistered.push(ids),
    },
    runtime: { onConnect },
    cookies: { getAll: async () => [] },
    webRequest: { onBeforeRequest: listeners() },
  };
  return { b, registered, unregistered };
}

describe('the observed reload, driven', () => {
  beforeEach(() => vi.resetModules());

  it('refused permissions: the page itself is observed, for this reload only, and the report names the rest', async () => {
    const { b, registered, unregistered } = makeBrowser({ hosts: false, cookies: false, webRequest: false });
    fake.current = b;
    const { observeTab } = await import('../../lib/inspect/observe-tab');
    const o = await observeTab(7, { windowMs: 50 });
    // Registered for the page's own origin, top frame only, and removed after.
    expect(registered).toHaveLength(1);
    expect(registered[0]!.map((s) => [s.matches, s.allFrames, s.world ?? 'ISOLATED'])).toEqual([
      [['https://www.editeur-exemple.fr/*'], false, 'ISOLATED'],
      [['https://www.editeur-exemple.fr/*'], false, 'MAIN'],
    ]);
    expect(unregistered.flat().sort()).toEqual(registered[0]!.map((s) => s.id).sort());
    expect(o.notObserved.sort()).toEqual(['cookie-store', 'frames', 'request-log']);
    // What the page's scripts did is still there: the cookie they wrote, the request they sent.
    expect(o.cookies).toEqual([expect.objectContaining({ name: '_ga', source: 'script', setDuring: true })]);
    expect(o.requests.map((r) => r.via)).toEqual(['beacon']);
    expect(o.ended).toBe('window');
  });

  it('granted: every frame of every site, the browser\'s request log and the cookie store', async () => {
    const { b, registered } = makeBrowser({ hosts: true, cookies: true, webRequest: true });
    fake.current = b;
    const { observeTab } = await import('../../lib/inspect/observe-tab');
    const o = await observeTab(7, { windowMs: 50 });
    expect(registered[0]!.map((s) => [s.matches, s.allFrames])).toEqual([[['<all_urls>'], true], [['<all_urls>'], true]]);
    expect(o.notObserved).toEqual([]);
    // The store was read: the script's own report of a cookie gives way to it (empty here).
    expect(o.cookies).toEqual([]);
    expect(b.webRequest.onBeforeRequest.list).toEqual([]);
  });

  it('a browser that refuses the registration: the reload is still watched, and the report says the page was not', async () => {
    const { b } = makeBrowser({ hosts: false, cookies: false, webRequest: false });
    b.scripting.registerContentScripts = async () => {
      throw new Error('Cannot access contents of the page');
    };
    b.tabs.reload = async () => {
      setTimeout(() => {
        for (const f of b.tabs.onUpdated.list) (f as (id: number, c: object) => void)(7, { status: 'complete' });
      }, 5);
    };
    fake.current = b;
    const { observeTab } = await import('../../lib/inspect/observe-tab');
    const o = await observeTab(7, { windowMs: 30 });
    expect(o.notObserved).toContain('hooks');
    expect(o.requests).toEqual([]);
  });
  it('a page that leaves for another origin: the observation ends once that page has loaded, not at the address change', async () => {
    // The panel ignores the tab's "complete" only while the observation runs: ended at the address change, the
    // destination's "complete" came after it and started a plain inspection that replaced the observed one.
    const { b } = makeBrowser({ hosts: true, cookies: true, webRequest: true });
    b.tabs.reload = async () => undefined;
    fake.current = b;
    const { observeTab } = await import('../../lib/inspect/observe-tab');
    let settled = false;
    const p = observeTab(7, { windowMs: 60_000 }).finally(() => (settled = true));
    await vi.waitFor(() => expect(b.tabs.onUpdated.list).toHaveLength(1));
    const emit = (change: object) => {
      for (const f of [...b.tabs.onUpdated.list]) (f as (id: number, c: object) => void)(7, change);
    };
    emit({ status: 'complete' });
    emit({ status: 'loading', url: 'https://connexion.autre-exemple.fr/login' });
    // Whatever runs after the address change has run (every pending task of the driver, short of the page's load).
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    emit({ status: 'complete' });
    const o = await p;
    expect(o).toMatchObject({ ended: 'navigated', navigatedTo: 'https://connexion.autre-exemple.fr/login' });
    expect(o.notObserved).toContain('navigated');
  });
});
