import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { count, texts } from '../model/message';

// RGAA 10.1.1 and 10.1.2: presentation goes through style sheets; the elements (font, center, big, tt, strike…)
// and attributes (align, bgcolor, border, width on a cell…) the RGAA glossary « présentation de l'information »
// lists are forbidden in the generated code. Their presence is a fact: the rule decides. A pupil who replaces the
// page's colours or enlarges its text keeps what they impose.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yPresentationMarkupData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yPresentationMarkup = defineDetector({
  id: 'a11y-presentation-markup',
  category: 'accessibility',
  data: a11yPresentationMarkupData,
  requires: ['a11y'],
  run(snapshot) {
    const marked = snapshot.a11y.presentational;
    const tags = marked.filter((m) => m.element);
    const attrs = marked.filter((m) => m.attributes.length > 0);
    const out: DetectorOutput[] = [];
    if (tags.length > 0) {
      out.push({
        key: 'elements',
        severity: 'problem',
        messageKey: 'a11yPresentationMarkup_elements',
        params: [count(tags.length), texts(tags.map((m) => `<${m.tag}>`), 5)],
        evidence: tags.map((m) => elementEvidence(m.ref, `<${m.tag}>`)),
        data: { wcag: ['1.3.1'], rgaa: ['10.1'], users: ['lowVision'], count: tags.length },
      });
    }
    if (attrs.length > 0) {
      out.push({
        key: 'attributes',
        severity: 'problem',
        messageKey: 'a11yPresentationMarkup_attributes',
        params: [count(attrs.length), texts(attrs.flatMap((m) => m.attributes), 6)],
        evidence: attrs.map((m) => elementEvidence(m.ref, `<${m.tag} ${m.attributes.join(' ')}>`)),
        data: { wcag: ['1.3.1'], rgaa: ['10.1'], users: ['lowVision'], count: attrs.length },
      });
    }
    return out;
  },
});
