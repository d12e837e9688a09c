import type { CompactTrackerData } from './compact';

// The tracker table (~560 kB of JSON) is its own chunk, fetched when a detector first needs it, never at the
// panel's first paint and never in the content script.
let pending: Promise<CompactTrackerData> | undefined;

export function loadTrackerData(): Promise<CompactTrackerData> {
  pending ??= import('./data/trackerdb-compact.json').then((m) => (m.default ?? m) as unknown as CompactTrackerData);
  return pending;
}
