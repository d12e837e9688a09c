// Which script made a call: the first page address on the call's stack (Chromium writes "at f (URL:line:col)",
// Firefox "f@URL:line:col"). Loupe's own hook script is an extension address and is skipped, so the answer is the
// page's script that called the hooked function: an inline script is the page's own address.

const FRAME_URL = /((?:https?|wss?|file):\/\/[^\s()]+?):\d+:\d+/g;

export function scriptOfStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const m of stack.matchAll(FRAME_URL)) return m[1];
  return undefined;
}
