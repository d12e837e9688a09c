import { collectSnapshot } from '@/lib/snapshot/collect';
import { clearHighlights, drawHighlights } from '@/lib/highlight/overlay';
import { asContentMessage, type HighlightReply } from '@/lib/messaging/content-message';

// Injected into the inspected tab on demand (activeTab + scripting), never declared for every page.
// Each injection returns a fresh snapshot; the message listener is installed once per page.
const INSTALLED = Symbol.for('loupe.inspector');

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const w = window as unknown as Record<symbol, boolean>;
    if (!w[INSTALLED]) {
      w[INSTALLED] = true;
      browser.runtime.onMessage.addListener((raw: unknown) => {
        const msg = asContentMessage(raw);
        if (!msg) return undefined;
        if (msg.type === 'loupe:clear') {
          clearHighlights(document);
          return Promise.resolve({ results: [], stale: false } satisfies HighlightReply);
        }
        if (stripHash(msg.url) !== stripHash(location.href)) {
          return Promise.resolve({ results: msg.selectors.map(() => 'gone' as const), stale: true } satisfies HighlightReply);
        }
        return Promise.resolve({ results: drawHighlights(document, msg.selectors, msg.scroll), stale: false } satisfies HighlightReply);
      });
      // The panel holds a port open to this page: when the panel closes, the port drops and the outlines go with it.
      browser.runtime.onConnect.addListener((port) => {
        if (port.name === 'loupe:panel') port.onDisconnect.addListener(() => clearHighlights(document));
      });
    }
    return collectSnapshot(document);
  },
});

function stripHash(u: string): string {
  return u.split('#')[0] ?? u;
}
