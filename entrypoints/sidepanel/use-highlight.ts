import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Finding } from '@/lib/detectors/finding';
import { highlightReplySchema } from '@/lib/messaging/protocol';
import { highlightNote, type HighlightNote } from '@/lib/panel/highlight-note';

// What is outlined on the page: one finding, or every finding of a category ("show all"), or nothing.
// The outline goes when it is deselected, when another inspection starts, and when the panel closes (the content
// script watches a port from this panel: a closed panel disconnects it).

export type Selection = { target: string; note: HighlightNote } | null;

export function findingTarget(f: Finding): string {
  return `finding:${f.id}`;
}
export function categoryTarget(category: string): string {
  return `category:${category}`;
}

/** `inspectionId` changes with each inspection: a reloaded page has a new content script to hold the port. */
export function useHighlight(tabId: number | undefined, pageUrl: string | undefined, inspectionId: string | undefined) {
  const [selection, setSelection] = useState<Selection>(null);

  useEffect(() => {
    setSelection(null);
    if (tabId === undefined || pageUrl === undefined) return;
    let port: ReturnType<typeof browser.tabs.connect> | undefined;
    try {
      port = browser.tabs.connect(tabId, { name: 'loupe:panel' });
      // The page may have no content script (not inspectable): the port then just closes.
      port.onDisconnect.addListener(() => void browser.runtime.lastError);
    } catch {
      port = undefined;
    }
    return () => {
      void browser.tabs.sendMessage(tabId, { type: 'loupe:clear' }).catch(() => undefined);
      port?.disconnect();
    };
  }, [tabId, pageUrl, inspectionId]);

  const toggle = useCallback(
    async (target: string, findings: readonly Finding[]) => {
      if (tabId === undefined || pageUrl === undefined) return;
      if (selection?.target === target) {
        setSelection(null);
        await browser.tabs.sendMessage(tabId, { type: 'loupe:clear' }).catch(() => undefined);
        return;
      }
      const selectors = findings.flatMap((f) => f.evidence.map((e) => e.selector).filter((s): s is string => Boolean(s)));
      const raw: unknown = await browser.tabs.sendMessage(tabId, { type: 'loupe:highlight', selectors, scroll: true, url: pageUrl }).catch(() => undefined);
      // The reply comes from the page's side: parsed, never trusted.
      const reply = highlightReplySchema.safeParse(raw);
      setSelection({ target, note: highlightNote(reply.success ? reply.data : undefined) });
    },
    [tabId, pageUrl, selection],
  );

  return { selection, toggle };
}
