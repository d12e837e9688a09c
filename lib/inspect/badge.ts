import { browser } from 'wxt/browser';
import type { Evaluation } from '../detectors/finding';

export interface Badge {
  text: string;
  color: string;
}

/**
 * The toolbar badge for one evaluation: the number of blocking points and problems, red when one is blocking, orange
 * for problems only; when there are none, the number of points to check on dark yellow; a tick when nothing was found.
 * No evaluation (page not inspectable, inspection failed): no badge, so an old count never lingers.
 */
export function badgeFor(summary: Evaluation['summary'] | undefined): Badge {
  if (!summary) return { text: '', color: '#6b6b6b' };
  const n = summary.blocking + summary.problem;
  if (summary.blocking > 0) return { text: String(n), color: '#b00020' };
  if (n > 0) return { text: String(n), color: '#a04000' };
  if (summary.review > 0) return { text: String(summary.review), color: '#6b5200' };
  return { text: '✓', color: '#1e7b34' };
}

/** Sets the badge of one tab after an inspection. */
export async function setBadge(tabId: number, evaluation: Evaluation | undefined): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  const badge = badgeFor(evaluation?.summary);
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab may have closed meanwhile.
  }
}
