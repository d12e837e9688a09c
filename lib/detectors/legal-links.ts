import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import type { Link, PageSnapshot } from '../snapshot/schema';
import { isSafeUrl } from '../text/untrusted';
import { defineDetector } from './types';
import type { DetectorOutput } from '../model/finding';
import { formatMessage } from '../i18n/messages';
import { parseUrl } from '../net/parse-url';
import { count, text, type MessageKey } from '../model/message';
import { inconclusive, nearlyEmpty } from '../findings/nearly-empty';
import { isPersonField } from '../findings/person-fields';
import { collapseSpaces } from '../text/spaces';

// Links to the documents the ministry's dossier asks teachers to read (seed 000: CGU, CGV, personal data), plus
// the legal notice French law requires, the cookie policy, the accessibility statement and the DPO contact.
// A link is classified from its text, title, aria-label, image alt and URL path, in French and English.

export const LEGAL_KINDS = ['terms', 'sales', 'privacy', 'legal-notice', 'cookies', 'accessibility', 'dpo'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];
const FOUND = {
  terms: 'legalLinks_found_terms',
  sales: 'legalLinks_found_sales',
  privacy: 'legalLinks_found_privacy',
  'legal-notice': 'legalLinks_found_legalnotice',
  cookies: 'legalLinks_found_cookies',
  accessibility: 'legalLinks_found_accessibility',
  dpo: 'legalLinks_found_dpo',
} as const satisfies Record<LegalKind, MessageKey>;

// Link texts are short labels; an article title that happens to say "vie privée" or "accessibilité" is content, not
// a policy. So text patterns name the document ("politique de …", "déclaration d'…") or the whole label is the
// document's usual short name ("Confidentialité", "Accessibilité", "Cookies").
const TEXT: Record<LegalKind, RegExp> = {
  terms: /conditions?\s+(générales\s+|generales\s+|particulières\s+)?d['’]\s*utilisation|conditions\s+générales\s+(d['’]utilisation\s+)?(et|&)\s+de\s+vente|conditions\s+générales\s+d['’]accès|^\s*conditions\s+générales\s*$|\bc\.?g\.?u\.?\b|\bcguv?\b|\bcgvu\b|terms\s+(of\s+(use|service)|and\s+conditions|&\s+conditions)|conditions\s+of\s+use|^\s*(terms|conditions|conditions d['’]utilisation|legal\s+terms|user\s+agreement|règlement)\s*$|règles\s+d['’]utilisation|charte\s+d['’](utilisation|usage)|conditions\s+générales\s+de\s+vente\s+et\s+d['’]utilisation|^\s*tos\s*$|end[\s-]user\s+licen[cs]e\s+agreement|\beula\b|contrat\s+de\s+licence\s+utilisateur/i,
  sales: /conditions\s+(générales\s+|generales\s+|particulières\s+)?(de\s+vente|d['’]\s*achat|commerciales)|\bc\.?g\.?v\.?\b|\bcguv\b|\bcgvu\b|terms\s+of\s+sale|conditions\s+of\s+sale|\bet\s+de\s+vente\b|terms\s+of\s+purchase|(sales|purchase)\s+terms/i,
  privacy: /politique\s+(générale\s+)?(de\s+|d['’])?(confidentialit|protection\s+(des|de\s+vos)\s+données|(de\s+la\s+)?(protection\s+de\s+la\s+)?vie\s+privée|(gestion\s+des\s+)?données|respect\s+de\s+la\s+vie\s+privée|privacy)|charte\s+(de\s+|sur\s+la\s+)?(confidentialit|(de\s+)?protection\s+des\s+données|(des\s+)?données|(de\s+la\s+)?vie\s+privée)|déclaration\s+de\s+confidentialit|avis\s+de\s+confidentialit|^\s*(confidentialité|vie\s+privée|données\s+personnelles|vos\s+données(\s+personnelles)?|mes\s+données|protection\s+des\s+données(\s+personnelles)?|rgpd|privacy|données|respect\s+de\s+la\s+vie\s+privée|informatique\s+et\s+libertés)\s*(et\s+cookies)?\s*$|traitement\s+des\s+données\s+personnelles|données\s+personnelles\s+(et|&)\s+cookies|(cookies|mentions\s+légales)\s+(et|&)\s+(confidentialité|données\s+personnelles|vie\s+privée)|confidentialité\s+(et|&)\s+cookies|protection\s+des\s+données\s+(personnelles\s+)?(et|&)|\brgpd\b|\bgdpr\b|privacy\s+(policy|notice|statement|center|centre|&\s+cookies|and\s+cookies)|^\s*(privacy\s+settings|paramètres\s+de\s+confidentialité)\s*$|your\s+privacy\s+choices|(student\s+)?data\s+privacy\s+(agreement|policy|notice|addendum)|data\s+protection\s+(policy|notice|statement)|^\s*privacy\b|children['’]?s\s+privacy|\bcoppa\b|data\s+retention\s+summary|résumé\s+de\s+conservation\s+des\s+données/i,
  'legal-notice': /mentions\s+légales|mentions\s+legales|informations\s+légales|legal\s+(notice|information|mentions|disclaimer)|\bimprint\b|\bimpressum\b|^\s*legal\s*$|^\s*mentions\s*$|^\s*(à\s+propos\s+[-–]\s+)?mentions\s+légales/i,
  cookies: /(politique|gestion|paramètres|paramétrer|parametrer|paramétrage|préférences|réglages|charte|choix|utilisation|personnaliser|gérer|gérer\s+mes|modifier\s+vos|panneau\s+de\s+gestion)\s+(des\s+|de\s+|les\s+|mes\s+|vos\s+|relative\s+aux\s+|en\s+matière\s+de\s+)?(cookies|traceurs)|cookies?\s+(policy|settings|preferences|notice|statement|et\s+(autres\s+)?traceurs|management|declaration)|^\s*((de\s+|des\s+)?cookies?|traceurs|cookies?\s+et\s+confidentialité)\s*$|your\s+privacy\s+choices|manage\s+(my\s+)?cookies|(your\s+)?cookie\s+choices|\bconsentement\b.{0,20}cookies|\bcookies\s+(et|&)\s+(confidentialité|données)|(confidentialité|données\s+personnelles|privacy)\s+(et|&|and)\s+cookies|do\s+not\s+sell(\s+or\s+share)?\s+my/i,
  accessibility: /^\s*accessibilit[ée](\s+(numérique|du\s+site|web))?\s*$|^\s*accessibilit[ée]\s*:|déclaration\s+d['’]\s*accessibilit|accessibilit[ée]\s*:?\s*(non|partiellement|totalement)\s+conforme|accessibility\s+(statement|policy|conformance)|^\s*accessibility\s*$|schéma\s+(pluriannuel|annuel)\s+(de\s+mise\s+en\s+)?accessibilit|^\s*web\s+accessibility\s*$|\brgaa\b/i,
  dpo: /délégu[ée]e?\s+(à\s+la\s+|de\s+la\s+)?protection\s+des\s+données|\bdpo\b|\bdpd\b|data\s+protection\s+officer|contacter\s+le\s+délégué|référent\s+(rgpd|données\s+personnelles)/i,
};

// Issue 22: the labels of these documents in the other languages teachers meet (German, Spanish, Italian, Dutch,
// Portuguese) and older French ones, each a label of its own (anchored) unless the words can name nothing else.
const OTHER_TEXT: Partial<Record<LegalKind, RegExp>> = {
  terms: /^\s*(nutzungsbedingungen|agb|allgemeine\s+geschäftsbedingungen|t[ée]rminos(\s+(y|&)\s+condiciones)?(\s+de\s+uso)?|condiciones\s+(generales\s+)?de\s+uso|termini\s+(e|&)\s+condizioni|condizioni\s+(generali\s+)?d['’]uso|gebruiksvoorwaarden|algemene\s+voorwaarden|termos\s+(de\s+uso|e\s+condições)|conditions\s+d['’]accès|termini\s+di\s+(uso|servizio))\s*$|nutzungsbedingungen|allgemeine\s+geschäftsbedingungen/i,
  privacy: /^\s*(polityka\s+prywatności|prywatność|poufność|personvern(erklæring)?|kebijakan\s+privasi|privasi|integritetspolicy|tietosuoja(seloste)?|datenschutz\w*|pol[íi]tica\s+de\s+privacidad(e)?|privacidad|informativa(\s+sulla)?\s+privacy|privacybeleid|privacyverklaring|privacy|privatsphäre|protection\s+de\s+la\s+vie\s+privée|loi\s+informatique\s+et\s+libert[ée]s|cnil)\s*$|datenschutzerklärung|datenschutzhinweise|datenschutzbestimmungen|datenschutzrichtlinie|pol[íi]tica\s+de\s+privacidad|informativa\s+(sulla\s+)?privacy/i,
  'legal-notice': /^\s*(aviso\s+legal|note\s+legali|colofon|informations\s+(éditeur|éditoriales)|crédits(\s+et\s+mentions)?|mentions\s+obligatoires|editeur\s+du\s+site|éditeur\s+du\s+site|ficha\s+técnica|nota\s+legal)\s*$|aviso\s+legal|note\s+legali|impressum/i,
  cookies: /^\s*(cookie[-\s]?(richtlinie|einstellungen|hinweise?|politik)|pol[íi]tica\s+de\s+cookies|cookie\s+policy|cookiebeleid|gestione\s+(dei\s+)?cookie)\s*$|cookie[-\s]?richtlinie|cookie[-\s]?einstellungen|pol[íi]tica\s+de\s+cookies/i,
};
for (const [k, re] of Object.entries(OTHER_TEXT) as [LegalKind, RegExp][]) TEXT[k] = new RegExp(`${TEXT[k].source}|${re.source}`, 'i');

const SEG = '(?=$|[/?#.])';
const PATH: Record<LegalKind, RegExp> = {
  terms: new RegExp(`/(nutzungsbedingungen|agb|terminos-y-condiciones|terminos|condiciones-de-uso|termini-e-condizioni|gebruiksvoorwaarden|algemene-voorwaarden|cgu|cguv|cgvu|conditions-generales(-d-?utilisation)?|conditions-d-?utilisation|conditions-generales-utilisation|terms-of-(use|service)|terms-and-conditions|terms-conditions|terms|tos|legal/terms|eula|user-agreement|policies/terms-of-service)${SEG}`, 'i'),
  sales: new RegExp(`/(cgv|cguv|cgvu|conditions-generales-de-vente|conditions-de-vente|terms-of-sale|conditions-generales-de-vente-et-d-utilisation)${SEG}`, 'i'),
  privacy: new RegExp(`/(polityka-prywatnosci|prywatnosc|poufnosc|personvern[\\w-]*|kebijakan-privasi|legal-privacy[\\w-]*|datenschutz[\\w-]*|privacidad|politica-de-privacidad|politica-de-privacidade|informativa-privacy|privacybeleid|privacyverklaring|cnil|data-protection|dataprotection|privacy|privacy-policy|privacy-notice|privacy-statement|politique-de-confidentialite|confidentialite|politique-confidentialite|donnees-personnelles|protection-des-donnees(-personnelles)?|politique-de-protection-des-donnees(-personnelles)?|vie-privee|rgpd|gdpr|charte-(de-)?confidentialite|charte-donnees-personnelles|privacy-center|policies/privacy-policy|dataprivacy/summary\\.php)${SEG}|[?&]p(age_id)?=privacy`, 'i'),
  'legal-notice': new RegExp(`/(aviso-legal|note-legali|colofon|mentions-legales|mentions_legales|mentionslegales|informations-legales|legal-notice|legal-notices|legal-information|imprint|impressum|policies/legal-notice|mentions)${SEG}|/legal/?$`, 'i'),
  cookies: new RegExp(`/(cookies|cookie|cookie-policy|cookies-policy|politique-(de-|des-|relative-aux-)?cookies|gestion-(des-)?cookies|charte-(des-)?cookies|parametres-cookies|cookie-settings|cookie-preferences)${SEG}`, 'i'),
  accessibility: new RegExp(`/(accessibilite|accessibility|declaration-(d-)?accessibilite|accessibility-statement|declaration-accessibilite-rgaa)${SEG}`, 'i'),
  dpo: /^mailto:(dpo|dpd|rgpd|delegue[-.]?protection|protection[-.]?donnees|donnees[-.]?personnelles|cil|dataprotection|data[-.]?protection)[^@]*@/i,
};

const ANY_TEXT = new RegExp(LEGAL_KINDS.map((k) => TEXT[k].source).join('|'), 'i');

/**
 * Words one of which every text pattern above needs, each a plain string (test/unit/legal-links-words.test.ts proves
 * it from the patterns' structure): a label with none of them names no document. Testing them first costs a sixth of
 * ANY_TEXT on a page's labels, most of which name none.
 */
export const TEXT_WORDS: readonly string[] = [
  'condition', 'cgu', 'c.g', 'g.u', 'cgv', 'g.v', 'terms', 'agreement', 'règle', 'utilisation', 'charte', 'tos', 'eula', 'licen',
  'bedingungen', 'agb', 'rminos', 'condici', 'termini', 'condizion', 'voorwaarden', 'termos', 'sale', 'vente', 'purchase',
  'confidentialit', 'donnée', 'privée', 'privacy', 'libert', 'rgpd', 'gdpr', 'protection', 'coppa', 'retention', 'prywatn', 'poufn',
  'personvern', 'privasi', 'integritet', 'tietosuoja', 'datenschutz', 'privacidad', 'privatsph', 'cnil', 'mention', 'légal', 'legal',
  'imprint', 'impressum', 'colofon', 'édit', 'editeur', 'crédit', 'ficha', 'cookie', 'traceur', 'sell', 'accessibilit', 'rgaa', 'dpo',
  'dpd', 'délégu',
];
const ANY_TEXT_WORD = new RegExp(TEXT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
/** ANY_TEXT, after the cheap test of its words. */
const namesDocument = (label: string) => ANY_TEXT_WORD.test(label) && ANY_TEXT.test(label);
/** The text patterns by kind, for the test of TEXT_WORDS. */
export const TEXT_PATTERNS: Readonly<Record<LegalKind, RegExp>> = TEXT;
const ANY_PATH = new RegExp(LEGAL_KINDS.map((k) => PATH[k].source).join('|'), 'i');

/** "non", "partiellement" or "totalement" conforme, as French public sites must state it; null when not said. */
export function accessibilityLevel(text: string): 'non' | 'partiellement' | 'totalement' | null {
  const m = /(non|partiellement|totalement)\s+conforme/i.exec(text);
  return m ? (m[1]!.toLowerCase() as 'non' | 'partiellement' | 'totalement') : null;
}

/** Kinds of legal document a link points to; empty when it is none. Pure, so the evaluation script can score it. */
export function classifyLink(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'>): LegalKind[] {
  return [...legalKindsOf(link)];
}

/**
 * classifyLink without the copy, for the detectors' loops over a page's links: the legal-links, publisher-dates and
 * account detectors classify the same links of one page, each once per run of the detectors (by its five fields, so
 * a changed link is classified anew). Read-only: every caller shares it.
 */
export function legalKindsOf(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'>): readonly LegalKind[] {
  // Found again by the link object, its five fields compared (no key to build).
  const seen = classified.get(link);
  if (seen && seen.href === link.href && seen.text === link.text && seen.title === link.title && seen.ariaLabel === link.ariaLabel && seen.imgAlt === link.imgAlt) return seen.kinds;
  const kinds = classifyUncached(link);
  if (classified.size >= CLASSIFIED_MAX) classified.clear();
  classified.set(link, { href: link.href, text: link.text, title: link.title, ariaLabel: link.ariaLabel, imgAlt: link.imgAlt, kinds });
  return kinds;
}
type Classified = Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'> & { kinds: readonly LegalKind[] };
const classified = new Map<object, Classified>();
const CLASSIFIED_MAX = 20_000;
/** Called by the runner before each run (lib/inspect/run-detectors.ts): one page's links are not kept for the next. */
export function forgetClassifiedLinks(): void {
  classified.clear();
}

function classifyUncached(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'>): LegalKind[] {
  // A `javascript:` address is never taken as a document's address: only a cookie-settings control (it opens the
  // consent manager) may be one. A control with no address at all (<a onclick>, a button) is read by its text and its
  // evidence says it is a script link.
  if (link.href && !isSafeUrl(link.href)) return classifyAddress(link).filter((k) => k === 'cookies');
  return classifyAddress(link);
}

function classifyAddress(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'>): LegalKind[] {
  const labels: string[] = [];
  for (const x of [link.text, link.title, link.ariaLabel, link.imgAlt]) {
    const l = x && collapseSpaces(x).trim();
    if (l) labels.push(l);
  }
  let path = '';
  let mailto = false;
  const u = parseUrl(link.href);
  try {
    mailto = u?.protocol === 'mailto:';
    // Issue 22: a fragment names the section of one page that holds the document (#mentions-legales): read as a path.
    if (u && !mailto) {
      const raw = u.pathname + (u.search.length < 100 ? u.search : '') + (u.hash.length > 1 && u.hash.length < 60 ? u.hash.replace('#', '/') : '');
      // Only a percent sign has anything to decode, only an underscore anything to replace.
      const decoded = (raw.includes('%') ? decodeURIComponent(raw) : raw).toLowerCase();
      path = decoded.includes('_') ? decoded.replace(/_/g, '-') : decoded;
    } else path = !u ? '' : link.href;
  } catch {
    path = '';
  }
  // A long link text is a sentence or a title: content about the subject, not the document. The path still counts.
  // A mail link is a contact: it can only be the DPO's, whatever its text says ("rgpd@…").
  if (mailto) return labels.some((l) => TEXT.dpo.test(l)) || PATH.dpo.test(path) ? ['dpo'] : [];
  const named = labels.filter((l) => l.length <= 90 && !isContent(l));
  // "Mentions légales / Vie privée" names two documents: a short label whose parts each name one is read part by part.
  const parts: string[] = [];
  for (const l of named) {
    parts.push(l);
    if (!PART_SEPARATOR.test(l)) continue;
    const split = l.split(PART_SEPARATOR);
    if (split.length < 2 || l.split(/\s+/).length > 6) continue;
    const legalParts = split.filter(namesDocument);
    if (legalParts.length >= 2) parts.push(...legalParts);
  }
  // Most links of a page name no document: one test of all the patterns at once rules them out.
  if (!parts.some(namesDocument) && !ANY_PATH.test(path)) return [];
  return LEGAL_KINDS.filter((k) => parts.some((l) => TEXT[k].test(l)) || PATH[k].test(path));
}
const PART_SEPARATOR = /\s+(?:\/|\||&|et|and|[-–—])\s+/i;

// On education sites a link about the subject is a lesson, a video or a debate: its text says so.
const CONTENT = /\b(leçons?|lessons?|séquences?|cours|vidéos?|videos?|ateliers?|débats?|debates?|quiz|fiches?|exposés?|expliquée?s?|explained|activités?|activity|tutoriels?|tutorial|lesson\s+plan|year\s+\d+|en\s+\d+\s+minutes)\b|pour\s+les\s+(élèves|lycéens|collégiens|enfants)|for\s+(kids|students|pupils)/i;

function isContent(label: string): boolean {
  return CONTENT.test(label) && label.split(/\s+/).length >= 4;
}

/** The documents a resource should link to, how grave their absence is, and how it is said. */
const MISSING: Partial<Record<LegalKind, { severity: 'problem' | 'review'; messageKey: MessageKey }>> = {
  privacy: { severity: 'review', messageKey: 'legalLinks_missing_privacy' },
  'legal-notice': { severity: 'review', messageKey: 'legalLinks_missing_legalnotice' },
  terms: { severity: 'review', messageKey: 'legalLinks_missing_terms' },
};

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const legalLinksData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('found'), document: z.enum(LEGAL_KINDS), urls: z.array(z.string()), scriptLinks: z.number().optional(), conformity: z.string().optional() }),
  z.strictObject({ kind: z.literal('missing'), document: z.enum(LEGAL_KINDS), missing: z.literal(true) }),
]);

export const legalLinks = defineDetector({
  id: 'legal-links',
  category: 'legal-links',
  data: legalLinksData,
  requires: ['links', 'buttons', 'forms', 'textSignals', 'a11y', 'scripts', 'inlineScripts'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const found = new Map<LegalKind, Link[]>();
    const add = (kind: LegalKind, link: Link) => {
      const list = found.get(kind) ?? [];
      if (!list.some((l) => (link.href ? l.href === link.href : l.ref.selector === link.ref.selector))) list.push(link);
      found.set(kind, list);
    };
    for (const link of snapshot.links) for (const kind of legalKindsOf(link)) add(kind, link);
    // Issue 15: links without an address (<a onclick>, buttons) opening the document by script, by their text.
    for (const b of snapshot.buttons) {
      if (b.text.length > 60) continue;
      const asLink: Link = { href: '', text: b.text, title: '', ariaLabel: '', rel: '', imgAlt: '', imgSrc: '', ref: b.ref };
      for (const kind of legalKindsOf(asLink)) add(kind, asLink);
    }
    const out: DetectorOutput[] = [];
    // Issue 22: a page with almost nothing in it shows no absence: one "inconclusive" instead of each missing link.
    const empty = nearlyEmpty(snapshot);
    if (empty && found.size === 0) return [inconclusive('legalLinks_inconclusive')];
    for (const kind of LEGAL_KINDS) {
      const links = found.get(kind);
      if (links) {
        // French public sites must state their conformity level beside the link (RGAA): keep it for the grid.
        const level =
          kind === 'accessibility'
            ? (links.map((l) => accessibilityLevel([l.text, l.title, l.ariaLabel, l.imgAlt].join(' '))).find(Boolean) ??
              snapshot.textSignals.filter((t) => t.pattern === 'accessibility').map((t) => accessibilityLevel(t.text)).find(Boolean) ??
              null)
            : null;
        out.push({
          key: kind,
          severity: 'info',
          messageKey: level ? 'legalLinks_found_accessibility_level' : FOUND[kind],
          params: level ? [count(links.length), text(level)] : [count(links.length)],
          // A link opened by script has no address: its evidence says so.
          evidence: links.map((l) =>
            elementEvidence(l.ref, l.href ? l.text || l.title || l.ariaLabel || l.imgAlt : formatMessage('fr', 'legalLinks_scriptLink', [l.text]), l.href),
          ),
          data: { kind: 'found', document: kind, urls: links.map((l) => l.href).filter(isSafeUrl), scriptLinks: links.filter((l) => !l.href).length, ...(level ? { conformity: level } : {}) },
        });
        continue;
      }
      const missing = MISSING[kind];
      if (!missing || empty) continue;
      // No privacy policy where the page collects personal data through a form is a fault, not a doubt.
      const collects = kind === 'privacy' && snapshot.forms.some((f) => f.fields.some((x) => isPersonField(x) && /password|email/.test(x.type)));
      out.push({
        key: `missing-${kind}`,
        severity: collects ? 'problem' : missing.severity,
        messageKey: collects ? 'legalLinks_missing_privacy_withForm' : missing.messageKey,
        evidence: [],
        data: { kind: 'missing', document: kind, missing: true },
      });
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/legal-links/ (DSFR footer, English footer, no links).
