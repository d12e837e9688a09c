import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count, quotes } from '../model/message';

// RGAA 10.2 (WCAG 1.3.1): text written by the style sheet (content: "Nouveau" in ::before) disappears without
// styles and is read inconsistently by screen readers. Icons, quotes and separators are left out; words and numbers
// may carry information or not ("Attention :" does, "›" does not): a person says which.
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yPseudoContentData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yPseudoContent = defineDetector({
  id: 'a11y-pseudo-content',
  category: 'accessibility',
  data: a11yPseudoContentData,
  requires: ['a11y'],
  run(snapshot) {
    const texts = snapshot.a11y.pseudoContent.filter((p) => /[\p{L}\p{N}]{2,}|^\p{N}$/u.test(p.content));
    if (texts.length === 0) return [];
    return [
      {
        key: 'text',
        severity: 'review',
        messageKey: 'a11yPseudoContent_text',
        params: [count(texts.length), quotes(texts.map((p) => p.content))],
        evidence: texts.map((p) => elementEvidence(p.ref, `${p.selector} { content: "${p.content}" } (${p.count}×)`)),
        data: { wcag: ['1.3.1'], rgaa: ['10.2'], users: ['blind', 'lowVision'], count: texts.length },
      },
    ];
  },
});
