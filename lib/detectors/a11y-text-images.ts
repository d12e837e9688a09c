import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';
import { fileNameOf } from '../net/parse-url';
import { texts } from '../model/message';

// Text set in images cannot be enlarged, recoloured or read aloud. Loupe cannot read pixels; it only notices images
// whose file name or alternative says they hold text (a banner, a title, a quote, instructions). A hint for a person.

const NAME = /(^|[\/_.-])(texte?s?|titres?|titles?|banni[eè]re|banner|slogan|citation|quote|consignes?|affiche|poster|infographi[ce])([_.-]|\d|$)/i;
const ALT = /^(texte|titre|citation|consigne|affiche|infographie|bannière)\b|\b(image|capture) (de|du) texte\b/i;
const MIN_WIDTH = 100;
const MIN_HEIGHT = 20;


/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yTextImagesData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yTextImages = defineDetector({
  id: 'a11y-text-images',
  category: 'accessibility',
  data: a11yTextImagesData,
  requires: ['images'],
  run(snapshot) {
    const suspects = snapshot.images.filter(
      (img) => img.width >= MIN_WIDTH && img.height >= MIN_HEIGHT && (NAME.test(fileNameOf(img.src)) || ALT.test(img.alt.trim())),
    );
    if (suspects.length === 0) return [];
    return [
      {
        key: 'suspect',
        severity: 'review',
        messageKey: 'a11yTextImages_suspect',
        params: [texts(suspects.slice(0, 3).map((i) => fileNameOf(i.src) || i.alt))],
        evidence: suspects.map((i) => ({ selector: i.ref.selector, snippet: i.ref.snippet, url: i.src, text: i.alt })),
        data: { wcag: ['1.4.5'], rgaa: ['1.8'], users: ['lowVision', 'blind'], count: suspects.length },
      },
    ];
  },
});
