import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { count, list, quotes, text, texts } from '../model/message';

// Media that start on their own, judged as ACT rule 80f0bf ("audio or video avoids automatically playing audio")
// and RGAA 4.10 do: it fails only when it plays sound for more than 3 seconds with no control to stop it; the native
// controls are such a control. One finding per element, so the teacher sees each player once (axe's
// no-autoplay-audio on the same element is merged into it: lib/a11y/merge-findings.ts). When the browser has not
// yet loaded the duration, or cannot tell whether a video has sound, a person checks by listening.
// Whether the browser let it start is left aside: that depends on the reader's browser and settings, not the page.
// Muted autoplaying video still draws the eye away from the lesson (RGAA 13.8, WCAG 2.2.2), which a person judges.

type Media = PageSnapshot['a11y']['media'][number];
export type AutoplayVerdict = 'inapplicable' | 'passed' | 'failed' | 'cantTell';

export function autoplayVerdict(m: Media): AutoplayVerdict {
  if (!m.autoplay || m.muted || m.hasAudio === false) return 'inapplicable';
  const long = m.loop || m.duration === -1 || (m.duration !== null && m.duration > 3);
  if (!long && m.duration !== null) return 'inapplicable';
  if (m.controls) return 'passed';
  return long && m.hasAudio === true ? 'failed' : 'cantTell';
}

export const AUTOPLAY_KEY_PREFIX = 'sound:';

/** What this detector's findings carry in `data` (validated by the runner and the export): one player, or the muted videos. */
export const a11yAutoplayData = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('player'),
    ...a11yFacts,
    verdict: z.enum(['failed', 'cantTell']),
    /** Seconds; -1 for a live stream; null when the browser did not know yet. */
    duration: z.number().nullable(),
    hasAudio: z.boolean().nullable(),
  }),
  z.strictObject({ kind: z.literal('muted'), ...a11yFacts, count: z.number() }),
]);

export const a11yAutoplay = defineDetector({
  id: 'a11y-autoplay',
  category: 'accessibility',
  data: a11yAutoplayData,
  requires: ['a11y'],
  run(snapshot) {
    const out: DetectorOutput[] = [];
    for (const [i, m] of snapshot.a11y.media.entries()) {
      const verdict = autoplayVerdict(m);
      if (verdict !== 'failed' && verdict !== 'cantTell') continue;
      const seconds = m.duration === null ? '?' : m.duration === -1 || m.loop ? '∞' : String(m.duration);
      out.push({
        // Finding ids allow no CSS punctuation: the element's rank among the page's media names it.
        key: `${AUTOPLAY_KEY_PREFIX}${m.tag}-${i + 1}`,
        severity: verdict === 'failed' ? 'problem' : 'review',
        messageKey: verdict === 'failed' ? 'a11yAutoplay_media' : 'a11yAutoplay_check',
        params: [text(seconds)],
        evidence: [elementEvidence(m.ref, `<${m.tag}> ${seconds} s`)],
        data: { kind: 'player', wcag: ['1.4.2'], rgaa: ['4.10'], users: ['blind', 'cognitive'], verdict, duration: m.duration, hasAudio: m.hasAudio },
      });
    }
    const muted = snapshot.a11y.media.filter((m) => m.autoplay && m.muted && m.tag === 'video');
    if (muted.length > 0) {
      out.push({
        key: 'muted',
        severity: 'review',
        messageKey: 'a11yAutoplay_muted',
        evidence: muted.map((m) => elementEvidence(m.ref)),
        data: { kind: 'muted', wcag: ['2.2.2'], rgaa: ['13.8'], users: ['cognitive'], count: muted.length },
      });
    }
    return out;
  },
});
