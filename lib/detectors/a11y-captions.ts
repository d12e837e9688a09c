import type { Detector, DetectorOutput } from './types';

// Captions for deaf and hard-of-hearing pupils (seed 000: "sous-titrage des vidéos"). A <video> without a captions
// or subtitles track may still have burned-in captions, and an embedded player's captions live on its own site:
// both are for the teacher to check by playing the video.

const PLAYERS: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/i, 'YouTube'],
  [/(^|\.)vimeo\.com$/i, 'Vimeo'],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/i, 'Dailymotion'],
];

export function playerOf(src: string): string | undefined {
  let host: string;
  try {
    host = new URL(src).hostname;
  } catch {
    return undefined;
  }
  return PLAYERS.find(([re]) => re.test(host))?.[1];
}

export const a11yCaptions: Detector = {
  id: 'a11y-captions',
  category: 'accessibility',
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
        params: [[...new Set(players.map((p) => p.player!))].join(', ')],
        evidence: players.map(({ f }) => ({ selector: f.ref.selector, snippet: f.ref.snippet, url: f.src })),
        data: { wcag: ['1.2.2'], rgaa: ['4.3'], users: ['deaf'], count: players.length },
      });
    }
    return out;
  },
};
