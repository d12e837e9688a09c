import axe from 'axe-core';

// axe's frames talk over window.postMessage, a channel the page's own scripts share: a script in a frame Loupe
// injected sees the request (and its channel id) and could answer first with forged results. So the messages are
// sealed: AES-GCM with a key made for each inspection by the extension and handed only to the isolated worlds it
// injected (scripting.executeScript args). A page script sees opaque strings; what it posts does not open, and is
// dropped. Its frame's own DOM is still its own: it can change what axe reads there, never what another frame said.

const PREFIX = 'loupe-axe:';
type Win = Window;
interface Data {
  topic?: string | null;
  message?: unknown;
  channelId: string;
  keepalive?: boolean;
  messageId?: string;
}
type ReplyHandler = (message: unknown, keepalive: boolean, respond: Responder) => void;
type Responder = (message: unknown, keepalive?: boolean, replyHandler?: ReplyHandler) => void;

const toB64 = (b: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(b)));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

function encodeMessage(m: unknown): unknown {
  return m instanceof Error ? { __loupeError: { name: m.name, message: m.message } } : m;
}
function decodeMessage(m: unknown): unknown {
  const e = (m as { __loupeError?: { name?: unknown; message?: unknown } } | null)?.__loupeError;
  return e ? new Error(String(e.message ?? 'axe frame error')) : m;
}

/** Replaces axe's frame messenger by a sealed one; `secretHex` is the inspection's key (64 hex digits). */
export function sealAxeMessages(secretHex: string, allowedOrigin: (origin: string) => boolean = () => true): void {
  const raw = Uint8Array.from(secretHex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const seen = new Set<string>();
  const channels = new Map<string, { win: Win; handler: ReplyHandler; toParent: boolean }>();

  async function seal(data: Data): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = new TextEncoder().encode(JSON.stringify({ ...data, message: encodeMessage(data.message) }));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, body);
    return `${PREFIX}${toB64(iv)}.${toB64(sealed)}`;
  }
  async function open(s: string): Promise<Data | null> {
    try {
      const [iv, body] = s.slice(PREFIX.length).split('.');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(iv!) }, await key, fromB64(body!));
      const data = JSON.parse(new TextDecoder().decode(plain)) as Data;
      return typeof data?.channelId === 'string' ? { ...data, message: decodeMessage(data.message) } : null;
    } catch {
      // Not sealed with this inspection's key: a page script's message, or a stale one.
      return null;
    }
  }

  function send(win: Win, data: Data, toParent: boolean, replyHandler?: ReplyHandler): boolean {
    if (replyHandler) channels.set(data.channelId, { win, handler: replyHandler, toParent });
    void seal({ ...data, messageId: crypto.randomUUID() }).then((s) => win.postMessage(s, '*'));
    return true;
  }
  const responder =
    (win: Win, channelId: string, toParent: boolean): Responder =>
    (message, keepalive, replyHandler) =>
      void send(win, { channelId, message, keepalive: !!keepalive }, toParent, replyHandler);

  axe.frameMessenger({
    open(topicHandler: (data: Data, respond: Responder) => void) {
      const listener = (e: MessageEvent) => {
        if (typeof e.data !== 'string' || !e.data.startsWith(PREFIX) || !allowedOrigin(e.origin)) return;
        const from = e.source as Win | null;
        void open(e.data).then((data) => {
          if (!data || !from || !data.messageId || seen.has(data.messageId)) return;
          seen.add(data.messageId);
          if (data.topic) {
            // Requests come from the parent only.
            if (from !== window.parent || from === window) return;
            topicHandler(data, responder(from, data.channelId, true));
            return;
          }
          const channel = channels.get(data.channelId);
          // A reply is taken from the very window the request went to.
          if (!channel || channel.win !== from) return;
          if (!data.keepalive) channels.delete(data.channelId);
          channel.handler(data.message, !!data.keepalive, responder(from, data.channelId, channel.toParent));
        });
      };
      window.addEventListener('message', listener);
      return () => window.removeEventListener('message', listener);
    },
    post(win: Win, data: Data, replyHandler?: ReplyHandler) {
      return send(win, data, false, replyHandler);
    },
  } as unknown as axe.FrameMessenger);
}
