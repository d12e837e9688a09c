// The page side of lib/messaging/protocol.ts, without zod: only Loupe's own pages can message its content script,
// and a guard of a few lines keeps the injected script small (zod would add ~100 kB to every injection).

export type ContentMessage =
  | { type: 'loupe:highlight'; selectors: string[]; scroll: boolean; url: string }
  | { type: 'loupe:clear' };

export interface HighlightReply {
  results: ('shown' | 'hidden' | 'gone')[];
  stale: boolean;
}

export function asContentMessage(raw: unknown): ContentMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type === 'loupe:clear') return { type: 'loupe:clear' };
  if (
    m.type === 'loupe:highlight' &&
    Array.isArray(m.selectors) &&
    m.selectors.every((s) => typeof s === 'string') &&
    typeof m.url === 'string'
  ) {
    return { type: 'loupe:highlight', selectors: (m.selectors as string[]).slice(0, 500), scroll: m.scroll === true, url: m.url };
  }
  return null;
}
