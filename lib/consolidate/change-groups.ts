import type { InspectionChange, InspectionChangeKind } from './changes';

// The changes since the evaluated inspection, grouped by kind and capped: a page that gained 80 trackers is one
// line saying so with a few names, not 80 lines pushing the rest of the panel out of sight.

export type ChangeGroupKey = 'tracker-added' | 'tracker-gone' | 'legal' | 'licence' | 'signup' | 'gar';

const GROUP_OF: Record<InspectionChangeKind, ChangeGroupKey> = {
  'tracker-added': 'tracker-added',
  'tracker-gone': 'tracker-gone',
  'legal-added': 'legal',
  'legal-gone': 'legal',
  'legal-changed': 'legal',
  'licence-changed': 'licence',
  'signup-added': 'signup',
  'signup-gone': 'signup',
  'gar-added': 'gar',
  'gar-gone': 'gar',
};

/** How many changes a group shows before "and N more". */
export const SHOWN_PER_GROUP = 3;

export interface ChangeGroup {
  key: ChangeGroupKey;
  total: number;
  /** The first changes of the group, in the order they were found. */
  shown: InspectionChange[];
  /** Changes of the group left out (total − shown). */
  more: number;
}

/** Groups in the order of their first change (trackers, legal links, licence, sign-up, GAR mark). */
export function groupChanges(changes: readonly InspectionChange[], perGroup = SHOWN_PER_GROUP): ChangeGroup[] {
  const byKey = new Map<ChangeGroupKey, InspectionChange[]>();
  for (const c of changes) {
    const key = GROUP_OF[c.kind];
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  return [...byKey].map(([key, all]) => ({ key, total: all.length, shown: all.slice(0, perGroup), more: Math.max(0, all.length - perGroup) }));
}
