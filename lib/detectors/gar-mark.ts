import { type MessageKey, count } from '../model/message';
import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import type { Link, PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import type { DetectorOutput, Evidence } from '../model/finding';
import { dedupeEvidence } from '../findings/dedupe-evidence';
import { fileNameOf, parseUrl } from '../net/parse-url';

// The "compatible GAR" mark (seed 000): resources reached through the Gestionnaire d'accès aux ressources are
// secured by the ministry, so a teacher looks for the mark. Strength matters: the mark itself, a GAR access link
// (the resource really connects through the GAR), or a mere mention in text. The three letters alone prove
// nothing (garage, gare, Gard, "gardez"): only whole phrases, the GAR's own hosts and mark file names count.

export type GarStrength = 'mark' | 'access' | 'mention';

// Letters "gar" standing alone in a file name or words: not inside garage, gare, Gard, cigare, hangar.
const GAR_WORD = /(?<![a-z\u00c0-\u017f])gar(?![a-z\u00c0-\u017f])/i;
const MARK_FILE = /compatible[-_ .]?gar(?![a-z])|(?<![a-z])(logo|marque|label|badge|picto)[-_ .]?gar(?![a-z])|(?<![a-z])gar[-_ .]?(logo|compatible|marque|label|badge)/i;
const MARK_ALT = /compatible\s+(avec\s+le\s+)?gar\b|\b(logo|marque|label|badge|pictogramme)\s+(du\s+|de\s+)?(« ?)?(compatible\s+)?gar\b|^\s*GAR\s*$|gestionnaire\s+d['’]acc[èe]s\s+aux\s+ressources/i;
const MENTION = /compatibles?\s+(avec\s+le\s+)?GAR\b|(accessible|disponible|référencée?s?|référencée?|présente?s?|distribuée?s?|proposée?s?|inscrite?s?|intégrée?s?)\s+(via|dans|par|sur|au|depuis)\s+(le\s+)?GAR\b|(via|dans|depuis|par)\s+(le\s+|votre\s+|son\s+)?m[ée]diacentre|gestionnaire\s+d['’]acc[èe]s\s+aux\s+ressources|\bcatalogue\s+(du\s+)?GAR\b|\b(?:le|du|au)\s+GAR\s*\((?:gestionnaire|ministère)|\bGAR\s*[-–:]\s*gestionnaire|\bvia\s+le\s+GAR\b/i;
// Upper-case "GAR" next to the words of school access (ENT, Médiacentre): case matters here, so a separate pattern.
const MENTION_CS = /\bGAR\b(?=[^.]{0,60}(\bENT\b|[Mm][ée]diacentre|abonnements? établissement|ressources numériques))|(\bENT\b|[Mm][ée]diacentre)[^.]{0,40}\bGAR\b/;

const GAR_HOST = /(^|\.)gar\.education\.fr$/i;
const ACCESS_HOST = /^(idp-auth|auth|acces|sso|ent)\.gar\.education\.fr$|^idp-auth\.partenaire\.test-gar\.education\.fr$/i;

// Every pattern above needs "gar", "médiacentre" or "gestionnaire" in a text, and "gar" in an address once parsed
// and decoded: one test rules out most links and images of a page. An address with a percent sign, a control
// character or a character outside ASCII may spell it otherwise (%67ar, a tab the URL parser drops, full-width letters
// it maps to ASCII), so it is read in full.
const GAR_TEXT_WORDS = /gar|m[ée]diacentre|gestionnaire/i;
const GAR_ADDRESS_WORDS = /gar|%|[^\x20-\x7e]/i;
const mayNameGar = (text: string) => GAR_TEXT_WORDS.test(text);
const mayAddressGar = (address: string) => GAR_ADDRESS_WORDS.test(address);

/** What a single link or image says about the GAR; null when nothing. Pure, so the evaluation can score it. */
export function garOfLink(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt' | 'imgSrc'>): GarStrength | null {
  if (!mayAddressGar(link.href) && !mayAddressGar(link.imgSrc) && !mayNameGar(link.text) && !mayNameGar(link.title) && !mayNameGar(link.ariaLabel) && !mayNameGar(link.imgAlt)) return null;
  if (link.imgSrc && isMarkImage({ src: link.imgSrc, alt: link.imgAlt, title: '' })) return 'mark';
  if (isMarkImage({ src: '', alt: link.imgAlt, title: link.title }) && link.imgSrc) return 'mark';
  const host = parseUrl(link.href)?.hostname ?? '';
  if (ACCESS_HOST.test(host)) return 'access';
  const words = [link.text, link.title, link.ariaLabel, link.imgAlt].join(' ');
  // "Se connecter via le GAR" is an access button even when it points at a local route that redirects to the GAR.
  if (/(connexion|se\s+connecter|connectez[- ]vous|accéder|accès|login|sign\s+in)\s+(via|par|avec|depuis)\s+(le\s+)?(GAR|m[ée]diacentre)\b/i.test(words)) return 'access';
  if (GAR_HOST.test(host)) return 'mention';
  if (garInText(words)) return 'mention';
  return null;
}

export function isMarkImage(img: { src: string; alt: string; title: string }): boolean {
  if (!mayAddressGar(img.src) && !mayNameGar(img.alt) && !mayNameGar(img.title)) return false;
  const file = parseUrl(img.src) ? fileNameOf(img.src) : (img.src.split(/[/?#]/).filter(Boolean).pop() ?? '');
  if (file && MARK_FILE.test(file)) return true;
  if (img.src && /gar\.education\.fr$/i.test(safeHost(img.src)) && GAR_WORD.test(file)) return true;
  return MARK_ALT.test(img.alt) || MARK_ALT.test(img.title);
}

function safeHost(u: string): string {
  return parseUrl(u)?.hostname ?? '';
}

/** A text that mentions the GAR as such (never the three letters alone). */
export function garInText(text: string): boolean {
  const s = text.replace(/\s+/g, ' ');
  return MENTION.test(s) || MENTION_CS.test(s);
}

const MESSAGE: Record<GarStrength, MessageKey> = { mark: 'gar_mark', access: 'gar_access', mention: 'gar_mention' };

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const garMarkData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('found'), strength: z.enum(['mark', 'access', 'mention']), where: z.array(z.string()), count: z.number() }),
  z.strictObject({ kind: z.literal('not-found'), strength: z.literal('none') }),
]);

export const garMark = defineDetector({
  id: 'gar-mark',
  category: 'gar',
  data: garMarkData,
  requires: ['links', 'images', 'textSignals'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const found: Record<GarStrength, Evidence[]> = { mark: [], access: [], mention: [] };
    const where: Record<GarStrength, Set<string>> = { mark: new Set(), access: new Set(), mention: new Set() };
    for (const img of snapshot.images) {
      if (isMarkImage(img)) {
        found.mark.push(elementEvidence(img.ref, img.alt || img.title || img.src, img.src));
        where.mark.add(img.ref.inFooter ? 'footer' : 'page');
      }
    }
    for (const link of snapshot.links) {
      const s = garOfLink(link);
      if (!s) continue;
      // The mark inside a link is already listed as an image.
      if (s === 'mark' && found.mark.some((e) => e.url === link.imgSrc)) continue;
      found[s].push(elementEvidence(link.ref, link.text || link.imgAlt || link.title || link.href, link.href));
      where[s].add(link.ref.inFooter ? 'footer' : 'page');
    }
    for (const t of snapshot.textSignals) {
      if (t.pattern !== 'gar' || !garInText(t.text)) continue;
      // The text of a link already classified (an access link, the mark) is not a second piece of evidence.
      if (found.mark.concat(found.access).some((e) => e.selector === t.ref.selector)) continue;
      found.mention.push(elementEvidence(t.ref, t.text));
      where.mention.add(t.ref.inFooter ? 'footer' : 'page');
    }
    const out: DetectorOutput[] = [];
    for (const s of ['mark', 'access', 'mention'] as const) {
      const list = dedupeEvidence(found[s]);
      if (list.length === 0) continue;
      out.push({
        key: s,
        // A mention without the mark is a claim to verify in the GAR catalogue; the mark and an access link are facts.
        severity: s === 'mention' && found.mark.length === 0 && found.access.length === 0 ? 'review' : 'info',
        messageKey: s === 'mention' && (found.mark.length > 0 || found.access.length > 0) ? 'gar_mentionAlso' : MESSAGE[s],
        params: [count(list.length)],
        evidence: list,
        data: { kind: 'found', strength: s, where: [...where[s]], count: list.length },
      });
    }
    if (out.length === 0) out.push({ key: 'not-found', severity: 'info', messageKey: 'gar_notFound', evidence: [], data: { kind: 'not-found', strength: 'none' } });
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/gar-mark/ (including "gare" and "Gard" traps).
