import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count } from '../model/message';

// WCAG 1.4.8 (AAA; no RGAA 4.1.2 criterion asks it, the nearest theme is 10, présentation): justified text opens
// uneven gaps, « rivers » of white, that make pupils with dyslexia lose their line. The computed alignment settles
// that the text is justified; whether it hinders here (a narrow column, a long text) a person judges.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yJustifiedTextData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yJustifiedText = defineDetector({
  id: 'a11y-justified-text',
  category: 'accessibility',
  data: a11yJustifiedTextData,
  requires: ['a11y'],
  run(snapshot) {
    const blocks = snapshot.a11y.typography.filter((t) => t.kind === 'justify');
    if (blocks.length === 0) return [];
    return [
      {
        key: 'justified',
        severity: 'review',
        messageKey: 'a11yJustifiedText_justified',
        params: [count(blocks.length)],
        evidence: blocks.map((t) => elementEvidence(t.ref, t.text)),
        data: { wcag: ['1.4.8'], rgaa: [], users: ['cognitive', 'lowVision'], count: blocks.length },
      },
    ];
  },
});
