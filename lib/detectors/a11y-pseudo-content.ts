import { MAX_A11Y_EVIDENCE, quoteList, refEvidence } from '../a11y/evidence';
import type { Detector } from './types';

// RGAA 10.2 (WCAG 1.3.1): text written by the style sheet (content: "Nouveau" in ::before) disappears without
// styles and is read inconsistently by screen readers. Icons, quotes and separators are left out; words and numbers
// may carry information or not ("Attention :" does, "›" does not): a person says which.
export const a11yPseudoContent: Detector = {
  id: 'a11y-pseudo-content',
  category: 'accessibility',
  requires: ['a11y'],
  run(snapshot) {
    const texts = snapshot.a11y.pseudoContent.filter((p) => /[\p{L}\p{N}]{2,}|^\p{N}$/u.test(p.content));
    if (texts.length === 0) return [];
    return [
      {
        key: 'text',
        severity: 'review',
        messageKey: 'a11yPseudoContent_text',
        params: [String(texts.length), quoteList(texts.map((p) => p.content))],
        evidence: texts.slice(0, MAX_A11Y_EVIDENCE).map((p) => refEvidence(p.ref, `${p.selector} { content: "${p.content}" } (${p.count}×)`)),
        data: { wcag: ['1.3.1'], rgaa: ['10.2'], users: ['blind', 'lowVision'], count: texts.length },
      },
    ];
  },
};
