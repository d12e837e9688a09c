import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count } from '../model/message';

// RGAA 13.8.2 (WCAG 2.2.2, failures F4 and F47): content that blinks on its own for more than 5 seconds must be
// controllable. axe finds <blink> and <marquee>; blinking made with CSS it does not: keyframes that take an
// element to opacity 0 or visibility hidden and back, run forever or past 5 s, or text-decoration: blink. A pause
// control on the page is rare for such effects and cannot be seen in the style sheet: the rule decides.

/** RGAA 13.8: under 5 seconds, blinking needs no control. */
const MAX_SECONDS = 5;

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yCssBlinkData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yCssBlink = defineDetector({
  id: 'a11y-css-blink',
  category: 'accessibility',
  data: a11yCssBlinkData,
  requires: ['a11y'],
  run(snapshot) {
    const blinking = snapshot.a11y.blinking.filter((b) => b.infinite || b.seconds > MAX_SECONDS);
    if (blinking.length === 0) return [];
    return [
      {
        key: 'blinking',
        severity: 'problem',
        messageKey: 'a11yCssBlink_blinking',
        params: [count(blinking.reduce((n, b) => n + b.count, 0))],
        evidence: blinking.map((b) =>
          elementEvidence(b.ref, b.kind === 'animation' ? `${b.selector} { animation: ${b.name}${b.infinite ? ' infinite' : ` ${b.seconds}s`} }` : `${b.selector} { text-decoration: blink }`),
        ),
        data: { wcag: ['2.2.2'], rgaa: ['13.8'], users: ['cognitive', 'lowVision'], count: blinking.length },
      },
    ];
  },
});
