import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count } from '../model/message';

// Text set under 9 px (computed size) is hard to read for most pupils and unreadable for many with low vision;
// RGAA 10.4 asks that it can be enlarged to 200 %, which a person checks (zoom the page, the text stays readable).
// The size itself is a fact; 0 and 1 px are ways of hiding text and are left out by the gather.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yTinyTextData = z.strictObject({ ...a11yFacts, count: z.number(), smallest: z.number() });

export const a11yTinyText = defineDetector({
  id: 'a11y-tiny-text',
  category: 'accessibility',
  data: a11yTinyTextData,
  requires: ['a11y'],
  run(snapshot) {
    const tiny = snapshot.a11y.typography.filter((t) => t.kind === 'tiny');
    if (tiny.length === 0) return [];
    const smallest = Math.min(...tiny.map((t) => t.fontSize));
    return [
      {
        key: 'tiny',
        severity: 'review',
        messageKey: 'a11yTinyText_tiny',
        params: [count(tiny.length), count(smallest)],
        evidence: tiny.map((t) => elementEvidence(t.ref, `${t.fontSize} px — ${t.text}`)),
        data: { wcag: ['1.4.4'], rgaa: ['10.4'], users: ['lowVision'], count: tiny.length, smallest },
      },
    ];
  },
});
