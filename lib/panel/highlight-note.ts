import type { HighlightReply } from '../messaging/protocol';

// What to tell the person after asking the page to outline some elements. The reply comes from an untrusted page and
// has been zod-parsed (or is undefined when it failed to parse or the page did not answer).

export interface HighlightNote {
  /** Message key; empty when every element was outlined and nothing needs saying. */
  key: string;
  params: string[];
}

export function highlightNote(reply: HighlightReply | undefined): HighlightNote {
  if (!reply || reply.stale) return { key: 'panel_highlightStale', params: [] };
  const shown = reply.results.filter((r) => r === 'shown').length;
  const hidden = reply.results.filter((r) => r === 'hidden').length;
  const gone = reply.results.filter((r) => r === 'gone').length;
  const total = reply.results.length;
  if (total === 0) return { key: '', params: [] };
  if (shown === total) return { key: '', params: [] };
  if (total === 1) return { key: gone ? 'panel_highlightGone' : 'panel_highlightHidden', params: [] };
  if (shown === 0 && gone === total) return { key: 'panel_highlightAllGone', params: [String(total)] };
  if (shown === 0 && hidden === total) return { key: 'panel_highlightAllHidden', params: [String(total)] };
  return { key: 'panel_highlightPartial', params: [String(shown), String(total), String(hidden), String(gone)] };
}
