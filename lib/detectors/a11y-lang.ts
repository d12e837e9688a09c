import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';

// A page without a declared language is read by screen readers in the reader's own language. axe's html-has-lang
// says the same with more nuance (SVG documents, xml:lang) and replaces this finding once it has run.
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yLangData = z.strictObject(a11yFacts);

export const a11yLang = defineDetector({
  id: 'a11y-lang',
  category: 'accessibility',
  data: a11yLangData,
  requires: ['lang', 'doctype'],
  supersededBy: { axe: ['missing'] },
  run(snapshot) {
    if (snapshot.lang.trim() !== '' || snapshot.doctype.toLowerCase() !== 'html') return [];
    return [
      {
        key: 'missing',
        severity: 'problem',
        messageKey: 'a11yLang_missing',
        evidence: [{ selector: 'html', snippet: '<html>' }],
        data: { wcag: ['3.1.1'], rgaa: ['8.3'], users: ['blind', 'cognitive'] },
      },
    ];
  },
});
