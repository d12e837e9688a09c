import { z } from 'zod';
import { a11yFacts } from '../findings/data';
import { defineDetector, type DetectorOutput } from './types';

// Media that start on their own: with sound they cover a screen reader's voice (WCAG 1.4.2); muted, they still
// draw the eye away from the lesson (2.2.2), which a person judges.
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yAutoplayData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yAutoplay = defineDetector({
  id: 'a11y-autoplay',
  category: 'accessibility',
  data: a11yAutoplayData,
  requires: ['media'],
  run(snapshot) {
    const auto = snapshot.media.filter((m) => m.autoplay);
    const out: DetectorOutput[] = [];
    const loud = auto.filter((m) => !m.muted);
    const muted = auto.filter((m) => m.muted);
    if (loud.length > 0) {
      out.push({
        key: 'sound',
        severity: 'problem',
        messageKey: 'a11yAutoplay_media',
        evidence: loud.map((m) => ({ selector: m.ref.selector, snippet: m.ref.snippet, url: m.src })),
        data: { wcag: ['1.4.2'], rgaa: ['4.10'], users: ['blind', 'cognitive'], count: loud.length },
      });
    }
    if (muted.length > 0) {
      out.push({
        key: 'muted',
        severity: 'review',
        messageKey: 'a11yAutoplay_muted',
        evidence: muted.map((m) => ({ selector: m.ref.selector, snippet: m.ref.snippet, url: m.src })),
        data: { wcag: ['2.2.2'], rgaa: ['13.8'], users: ['cognitive'], count: muted.length },
      });
    }
    return out;
  },
});
