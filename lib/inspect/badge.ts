import { browser } from 'wxt/browser';
import type { Evaluation } from '../export/schema';

/** The toolbar badge: how many problems on this tab, red when one of them is blocking. */
export async function setBadge(tabId: number, evaluation: Evaluation | undefined): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  const n = evaluation ? evaluation.summary.blocking + evaluation.summary.problem : 0;
  const colour = evaluation && evaluation.summary.blocking > 0 ? '#b00020' : '#9a5b00';
  try {
    await action.setBadgeText({ tabId, text: evaluation ? (n > 0 ? String(n) : '✓') : '' });
    await action.setBadgeBackgroundColor({ tabId, color: n > 0 ? colour : '#1e7b34' });
  } catch {
    // The tab may have closed meanwhile.
  }
}
