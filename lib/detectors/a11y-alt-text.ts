import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { fileNameOf } from '../net/parse-url';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { count, quotes, type MessageKey } from '../model/message';

// RGAA 1.3 (WCAG 1.1.1): an alternative must say what the image brings. Some say nothing whatever the image:
// a file name, an address, a placeholder word (WCAG failure F30). Those a program settles. An alternative that
// repeats the text right beside the image is read twice by a screen reader (RGAA 1.3.1; H2 for links, here for
// captions and neighbouring text): settled too, when the two are the same. One that begins « image de », « photo
// de » says what a screen reader already announces; the rest may still be pertinent, so a person reads it.

type Alt = PageSnapshot['a11y']['altTexts'][number];

const IMAGE_EXT = /\.(jpe?g|png|gif|svg|webp|avif|bmp|tiff?|ico|heic)$/i;
const ADDRESS = /^(https?:\/\/|www\.)\S+$|^[\w-]+(\.[\w-]+)+\/\S*$/i;
/** Words that stand in for an alternative without being one (F30: « image », « spacer », « picture »…). */
const PLACEHOLDER = /^(image|images|img|photo|photos|photographie|picture|pic|graphic|graphique|illustration|visuel|icon|icone|icône|logo|spacer|blank|vide|sans titre|untitled|alt|alternative|texte alternatif|alt text|dsc[_ -]?\d*|img[_ -]?\d+|image[_ -]?\d+|photo[_ -]?\d+)$/i;
const SAYS_IMAGE = /^(image|photo|photographie|illustration|picture|photograph|graphic|icône|icone|logo)s?\s+(de|du|des|d['’]|of|showing|représentant|montrant)\s*\S/i;

/** `lower`, a lower-cased text not in NORMAL form, normalised (the detector's n() handles the NORMAL ones). */
const norm = (lower: string) => {
  // An ASCII text (most alternatives and captions) has no accent to take off, and its letters and digits are a–z, 0–9.
  if (ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
};
const ASCII = /^[\x00-\x7f]*$/;
/** Words of a–z and 0–9 with single spaces between them ("illustration 12"): already normalised. */
const NORMAL = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Whether `t` may normalise to `normed` (a cheap test before norm, which costs a Unicode normalisation and regex):
 * every ASCII letter or digit of `t` stays one character of norm(t), so a text with more of them than `normed` has
 * characters cannot equal it. Most neighbouring texts (a card's paragraph beside its image) are ruled out so.
 */
function mayNormTo(t: string, normed: string): boolean {
  let alnum = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) {
      if (++alnum > normed.length) return false;
    }
  }
  return true;
}

/** The file's name without its extension, when it reads like one (no space, a separator or digits). */
function isFileName(a: Alt): boolean {
  if (IMAGE_EXT.test(a.alt) && a.alt.length <= 100) return true;
  // The tests below on the alternative alone, before the address is read: a space rules it out, and so does the lack of
  // a separator or digit (lower-casing adds or removes none, so the file name equal to it would have none either).
  if (/\s/.test(a.alt) || !/[_\-\d]/.test(a.alt)) return false;
  const base = fileNameOf(a.src).replace(/\.[a-z0-9]+$/i, '');
  return base.length >= 3 && /[_\-\d]/.test(base) && a.alt.toLowerCase() === base.toLowerCase();
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yAltTextData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yAltText = defineDetector({
  id: 'a11y-alt-text',
  category: 'accessibility',
  data: a11yAltTextData,
  requires: ['a11y'],
  run(snapshot) {
    const alts = snapshot.a11y.altTexts;
    // Each text normalised once: a card's caption is beside its image and in the next card's neighbours too.
    const normed = new Map<string, string>();
    const n = (s: string) => {
      // A text already in normal form needs neither the work nor the memo.
      const lower = s.toLowerCase();
      if (NORMAL.test(lower)) return lower;
      let v = normed.get(s);
      if (v === undefined) normed.set(s, (v = norm(lower)));
      return v;
    };
    const notAlternative = alts.filter((a) => isFileName(a) || ADDRESS.test(a.alt) || PLACEHOLDER.test(n(a.alt)) || PLACEHOLDER.test(a.alt.trim()));
    const settled = new Set(notAlternative);
    // In a link or a button, the repetition is axe's image-redundant-alt.
    const repeats = alts.filter((a) => {
      if (settled.has(a) || a.inControl) return false;
      const alt = n(a.alt);
      return alt.length >= 3 && a.adjacent.some((t) => mayNormTo(t, alt) && n(t) === alt);
    });
    for (const a of repeats) settled.add(a);
    const saysImage = alts.filter((a) => !settled.has(a) && SAYS_IMAGE.test(a.alt.trim()));
    const out: DetectorOutput[] = [];
    const push = (key: string, severity: 'problem' | 'review', messageKey: MessageKey, list: Alt[]) => {
      if (list.length === 0) return;
      out.push({
        key,
        severity,
        messageKey,
        params: [count(list.length), quotes(list.map((a) => a.alt))],
        evidence: list.map((a) => elementEvidence(a.ref, `alt="${a.alt}"`, a.src)),
        data: { wcag: ['1.1.1'], rgaa: ['1.3'], users: ['blind'], count: list.length },
      });
    };
    push('not-an-alternative', 'problem', 'a11yAltText_notAlternative', notAlternative);
    push('repeats-adjacent', 'problem', 'a11yAltText_repeats', repeats);
    push('says-image', 'review', 'a11yAltText_saysImage', saysImage);
    return out;
  },
});
