import { MAX_A11Y_EVIDENCE, refEvidence } from '../a11y/evidence';
import type { Detector } from './types';

// RGAA 8.2 (WCAG 4.1.1): when a label's "for" or an ARIA attribute names an id that several elements carry, the
// browser picks the first one: the field gets another field's label, the button another element's description.
// axe only asks to check duplicates named by ARIA (duplicate-id-aria is review-on-fail) and no longer looks at labels.
export const a11yDuplicateId: Detector = {
  id: 'a11y-duplicate-id',
  category: 'accessibility',
  requires: ['a11y'],
  run(snapshot) {
    const dups = snapshot.a11y.duplicateIds;
    if (dups.length === 0) return [];
    return [
      {
        key: 'referenced',
        severity: 'problem',
        messageKey: 'a11yDuplicateId_referenced',
        params: [String(dups.length), dups.slice(0, 3).map((d) => `« ${d.id} » (${d.count}×)`).join(', ')],
        evidence: dups
          .flatMap((d) => [
            ...d.referrers.map((r) => refEvidence(r, `${d.attributes.join(', ')} → id « ${d.id} » (${d.count}×)`)),
            ...d.holders.map((h) => refEvidence(h, `id « ${d.id} »`)),
          ])
          .slice(0, MAX_A11Y_EVIDENCE),
        data: { wcag: ['4.1.1'], rgaa: ['8.2'], users: ['blind'], count: dups.length, ids: dups.map((d) => d.id) },
      },
    ];
  },
};
