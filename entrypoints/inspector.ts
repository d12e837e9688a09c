import { collectSnapshot } from '@/lib/snapshot/collect';
import { clearHighlights, drawHighlights } from '@/lib/highlight/overlay';
import { asContentMessage, type HighlightReply } from '@/lib/messaging/content-message';
import { readResources, type ResourceWindow } from '@/lib/snapshot/resource-observer';
import { LIMITS } from '@/lib/snapshot/limits';
import { INSPECTOR_GATHER, INSPECTOR_GENERATED } from '@/lib/inspect/page-globals';
import { collectGeneratedHtml } from '@/lib/snapshot/a11y-generated';
// The browser's own API, not webextension-polyfill: this script is injected into every inspected page, and the
// polyfill was a fifth of it (npm run bench -- sizes: ≤ 50 kB). Its two listeners need no promise: the reply is made
// at once and given with sendResponse, which Chrome and Firefox both take.
import { browser } from '@wxt-dev/browser';

// Injected into the inspected tab on demand (activeTab + scripting), never declared for every page. An unlisted
// script, not a WXT content script: WXT's content-script context announces itself to the page with a
// window.postMessage naming the extension id, and a page listening for it knew when Loupe was looking.
// The listeners are installed once per page; each inspection then calls the gather (lib/inspect/inspect-tab.ts).
const INSTALLED = Symbol.for('loupe.inspector');

export default defineUnlistedScript(() => {
  const w = window as unknown as Record<symbol, unknown>;
  if (w[INSTALLED]) return;
  w[INSTALLED] = true;
  // The resource observer starts now, at injection, before the gather: what loads from here on is kept even if
  // the page clears its timeline (performance.clearResourceTimings()).
  readResources(window as unknown as ResourceWindow, LIMITS.resources);
  w[Symbol.for(INSPECTOR_GATHER)] = async () => {
    try {
      return await collectSnapshot(document);
    } catch (error) {
      // Said as it happened, not as "unreadable data" after the schema refuses an empty reply.
      return { loupeError: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500) };
    }
  };
  // RGAA 8.2's input, asked for after the first findings (lib/snapshot/a11y-generated.ts).
  w[Symbol.for(INSPECTOR_GENERATED)] = () => collectGeneratedHtml(document);
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse) => {
    const reply = replyTo(raw);
    // Not Loupe's message: no answer, so that another listener may give one.
    if (reply) sendResponse(reply);
    return false;
  });
  // The panel holds a port open to this page: when the panel closes, the port drops and the outlines go with it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === 'loupe:panel') port.onDisconnect.addListener(() => clearHighlights(document));
  });
});

function replyTo(raw: unknown): HighlightReply | undefined {
  const msg = asContentMessage(raw);
  if (!msg) return undefined;
  if (msg.type === 'loupe:clear') {
    clearHighlights(document);
    return { results: [], stale: false };
  }
  if (stripHash(msg.url) !== stripHash(location.href)) return { results: msg.selectors.map(() => 'gone' as const), stale: true };
  return { results: drawHighlights(document, msg.selectors, msg.scroll), stale: false };
}

function stripHash(u: string): string {
  return u.split('#')[0] ?? u;
}
