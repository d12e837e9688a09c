import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { parseUrl } from '../net/parse-url';
import { count, list, quotes, text, texts } from '../model/message';

// Captions for deaf and hard-of-hearing pupils (seed 000: "sous-titrage des vidéos"). A <video> without a captions
// or subtitles track may still have burned-in captions, and an embedded player's captions live on its own site:
// both are for the teacher to check by playing the video.

const PLAYERS: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/i, 'YouTube'],
  [/(^|\.)vimeo\.com$/i, 'Vimeo'],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/i, 'Dailymotion'],
];

export function playerOf(src: string): string | undefined {
  const host = parseUrl(src)?.hostname;
  if (host === undefined) return undefined;
  return PLAYERS.find(([re]) => re.test(host))?.[1];
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yCaptionsData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yCaptions = defineDetector({
  id: 'a11y-captions',
  category: 'accessibility',
  data: a11yCaptionsData,
  requires: ['media', 'iframes'],
  run(snapshot) {
    const out: DetectorOutput[] = [];
    const bare = snapshot.media.filter((m) => m.tag === 'video' && !m.tracks.some((t) => /^(captions|subtitles)$/i.test(t.kind)));
    if (bare.length > 0) {
      out.push({
        key: 'no-track',
        severity: 'review',
        messageKey: 'a11yCaptions_noTrack',
        evidence: bare.map((m) => ({ selector: m.ref.selector, snippet: m.ref.snippet, url: m.src })),
        data: { wcag: ['1.2.2'], rgaa: ['4.3'], users: ['deaf'], count: bare.length },
      });
    }
    const players = snapshot.iframes.map((f) => ({ f, player: playerOf(f.src) })).filter((p) => p.player);
    if (players.length > 0) {
      out.push({
        key: 'embedded',
        severity: 'review',
        messageKey: 'a11yCaptions_embedded',
        params: [texts(players.map((p) => p.player!))],
        evidence: players.map(({ f }) => ({ selector: f.ref.selector, snippet: f.ref.snippet, url: f.src })),
        data: { wcag: ['1.2.2'], rgaa: ['4.3'], users: ['deaf'], count: players.length },
      });
    }
    return out;
  },
});
