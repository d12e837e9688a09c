import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count, list, quotes, text, texts } from '../model/message';

// RGAA 8.2 (WCAG 4.1.1): when a label's "for" or an ARIA attribute names an id that several elements carry, the
// browser picks the first one: the field gets another field's label, the button another element's description.
// axe only asks to check duplicates named by ARIA (duplicate-id-aria is review-on-fail) and no longer looks at labels.
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yDuplicateIdData = z.strictObject({ ...a11yFacts, count: z.number(), ids: z.array(z.string()) });

export const a11yDuplicateId = defineDetector({
  id: 'a11y-duplicate-id',
  category: 'accessibility',
  data: a11yDuplicateIdData,
  requires: ['a11y'],
  run(snapshot) {
    const dups = snapshot.a11y.duplicateIds;
    if (dups.length === 0) return [];
    return [
      {
        key: 'referenced',
        severity: 'problem',
        messageKey: 'a11yDuplicateId_referenced',
        params: [count(dups.length), list(dups.slice(0, 3).map((d) => ({ named: { quote: d.id }, detail: text(`${d.count}×`) })))],
        evidence: dups.flatMap((d) => [
          ...d.referrers.map((r) => elementEvidence(r, `${d.attributes.join(', ')} → id « ${d.id} » (${d.count}×)`)),
          ...d.holders.map((h) => elementEvidence(h, `id « ${d.id} »`)),
        ]),
        data: { wcag: ['4.1.1'], rgaa: ['8.2'], users: ['blind'], count: dups.length, ids: dups.map((d) => d.id) },
      },
    ];
  },
});
