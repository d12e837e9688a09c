import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count, quotes } from '../model/message';

// RGAA 11.1 and 11.2 (WCAG 3.3.2): a field whose only label is its placeholder loses it as soon as the pupil types,
// and RGAA does not count a placeholder as a label (test 11.1.1: label, aria-label, aria-labelledby or title).
// axe accepts a placeholder as an accessible name, so it says nothing here.
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yPlaceholderLabelData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yPlaceholderLabel = defineDetector({
  id: 'a11y-placeholder-label',
  category: 'accessibility',
  data: a11yPlaceholderLabelData,
  requires: ['a11y'],
  run(snapshot) {
    const bare = snapshot.a11y.fields.filter(
      (f) => f.placeholder.trim() !== '' && !f.label.trim() && !f.ariaLabel.trim() && !f.labelledBy.trim() && !f.title.trim(),
    );
    if (bare.length === 0) return [];
    return [
      {
        key: 'placeholder-only',
        severity: 'problem',
        messageKey: 'a11yPlaceholderLabel_only',
        params: [count(bare.length), quotes(bare.map((f) => f.placeholder))],
        evidence: bare.map((f) => elementEvidence(f.ref, `placeholder="${f.placeholder}"`)),
        data: { wcag: ['3.3.2'], rgaa: ['11.1', '11.2'], users: ['blind', 'cognitive'], count: bare.length },
      },
    ];
  },
});
