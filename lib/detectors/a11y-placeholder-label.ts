import { MAX_A11Y_EVIDENCE, quoteList, refEvidence } from '../a11y/evidence';
import type { Detector } from './types';

// RGAA 11.1 and 11.2 (WCAG 3.3.2): a field whose only label is its placeholder loses it as soon as the pupil types,
// and RGAA does not count a placeholder as a label (test 11.1.1: label, aria-label, aria-labelledby or title).
// axe accepts a placeholder as an accessible name, so it says nothing here.
export const a11yPlaceholderLabel: Detector = {
  id: 'a11y-placeholder-label',
  category: 'accessibility',
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
        params: [String(bare.length), quoteList(bare.map((f) => f.placeholder))],
        evidence: bare.slice(0, MAX_A11Y_EVIDENCE).map((f) => refEvidence(f.ref, `placeholder="${f.placeholder}"`)),
        data: { wcag: ['3.3.2'], rgaa: ['11.1', '11.2'], users: ['blind', 'cognitive'], count: bare.length },
      },
    ];
  },
};
