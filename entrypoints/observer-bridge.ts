import { BRIDGE_HELLO, BRIDGE_READY, OBSERVE_PORT } from '@/lib/observe/bridge-names';
import type { MadeUpValues } from '@/lib/observe/made-up';
import { typeValues } from '@/lib/observe/type-values';

// Loupe's isolated world during an observed reload (registered with entrypoints/observer-main.ts, removed after):
// it takes the hooks' port at document_start (the hand-over is described there) and forwards what they report to
// the panel over a runtime port, which only this extension can open. On the panel's word it types the made-up
// values into the page (lib/observe/type-values.ts) and says which fields it typed into.
// The browser's own runtime (browser in Firefox, chrome in Chromium), not the polyfill: this script runs at
// document_start of every frame of the observed reload, and its size is part of the reload's cost.
interface Port {
  postMessage(m: unknown): void;
  onMessage: { addListener(f: (m: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}
const runtime = ((globalThis as unknown as { browser?: { runtime: unknown } }).browser ?? (globalThis as unknown as { chrome: { runtime: unknown } }).chrome).runtime as {
  connect(o: { name: string }): Port;
};

export default defineUnlistedScript(() => {
  const toPanel = runtime.connect({ name: OBSERVE_PORT });
  let closed = false;
  toPanel.onDisconnect.addListener(() => (closed = true));
  const send = (m: unknown) => {
    if (closed) return;
    try {
      // A plain copy: what crosses from the page's world is data, never the page's objects.
      toPanel.postMessage(JSON.parse(JSON.stringify(m)));
    } catch {
      // The panel went away, or the page handed something that is not data: dropped.
    }
  };
  let hooks: MessagePort | undefined;
  const onHello = (e: Event) => {
    const port = (e as MessageEvent).ports?.[0];
    if (!port) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    window.removeEventListener(BRIDGE_HELLO, onHello, true);
    port.onmessage = (m) => send(m.data);
    hooks = port;
    toPanel.onDisconnect.addListener(() => port.close());
  };
  window.addEventListener(BRIDGE_HELLO, onHello, true);
  window.dispatchEvent(new Event(BRIDGE_READY));
  toPanel.onMessage.addListener((msg: unknown) => {
    const m = msg as { type?: string; values?: MadeUpValues } | null;
    if (m?.type === 'flush') return hooks?.postMessage('flush');
    if (m?.type !== 'type' || !m.values || window !== window.top) return;
    void typeValues(document, m.values, () => performance.now(), (f) => send({ k: 'typed', f })).then((n) => send({ k: 'typedAll', n }));
  });
});
