import { installHooks } from '@/lib/observe/hooks';
import { BRIDGE_HELLO, BRIDGE_READY } from '@/lib/observe/bridge-names';

// Runs in the page's own world (MAIN) at document_start, during an observed reload only: the panel registers it
// with scripting.registerContentScripts for that reload and removes it once the page has loaded
// (lib/inspect/observe-tab.ts). It installs the hooks (lib/observe/hooks.ts) and hands their channel to Loupe's
// isolated world (entrypoints/observer-bridge.ts) before any script of the page has run, so:
// - the page cannot read what the hooks report: the port lives in this closure and in the isolated world only;
// - the page cannot forge a report: only the holder of port1 can post on it.
// The hand-over is a synchronous, cancelable event: whichever of the two scripts runs second completes it, and the
// isolated world cancels the event to say it took the port. No page script exists yet to listen.
// No extension API here (the page's world has none): nothing names Loupe to the page.
// globalName false: WXT would otherwise name the script's result in a global variable the page could read.
export default defineUnlistedScript({
  globalName: false,
  main() {
  const channel = new MessageChannel();
  const port = channel.port1;
  const post = port.postMessage.bind(port);
  const now = performance.now.bind(performance);
  const flush = installHooks(window, (e) => post(e), () => Math.round(now()));
  // The one message the bridge sends this way: the window is over, send what is queued.
  port.onmessage = (m) => {
    if (m.data === 'flush') flush(true);
  };
  const offer = () => !window.dispatchEvent(new MessageEvent(BRIDGE_HELLO, { ports: [channel.port2], cancelable: true }));
  if (offer()) return;
  const onReady = () => {
    if (offer()) window.removeEventListener(BRIDGE_READY, onReady, true);
  };
  window.addEventListener(BRIDGE_READY, onReady, true);
  // Past the parsing of the document, no bridge is coming: the page must not be able to take the port.
  document.addEventListener('DOMContentLoaded', () => window.removeEventListener(BRIDGE_READY, onReady, true), { once: true });
  },
});
