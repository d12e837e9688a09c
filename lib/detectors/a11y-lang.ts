import type { Detector } from './types';

// A page without a declared language is read by screen readers in the reader's own language. axe's html-has-lang
// says the same with more nuance (SVG documents, xml:lang) and replaces this finding once it has run.
export const a11yLang: Detector = {
  id: 'a11y-lang',
  category: 'accessibility',
  requires: ['lang', 'doctype'],
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
};
