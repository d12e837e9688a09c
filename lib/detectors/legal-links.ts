import type { Link, PageSnapshot } from '../snapshot/schema';
import type { Detector, DetectorOutput } from './types';

// Links to the documents the ministry's dossier asks teachers to read (seed 000: CGU, CGV, personal data), plus
// the legal notice French law requires, the cookie policy, the accessibility statement and the DPO contact.
// A link is classified from its text, title, aria-label, image alt and URL path, in French and English.

export const LEGAL_KINDS = ['terms', 'sales', 'privacy', 'legal-notice', 'cookies', 'accessibility', 'dpo'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

const TEXT: Record<LegalKind, RegExp> = {
  terms: /conditions?\s+(générales\s+|generales\s+|particulières\s+)?d['’]\s*utilisation|\bc\.?g\.?u\.?\b|terms\s+(of\s+(use|service)|and\s+conditions|&\s+conditions)|conditions\s+of\s+use|^\s*(terms|conditions d'utilisation)\s*$|règles d['’]utilisation/i,
  sales: /conditions\s+(générales\s+|generales\s+)?(de\s+vente|d['’]\s*achat)|\bc\.?g\.?v\.?\b|terms\s+of\s+sale|conditions\s+of\s+sale|\bet de vente\b/i,
  privacy: /confidentialit|données\s+personnelles|donnees\s+personnelles|protection\s+des\s+données|vie\s+privée|\brgpd\b|privacy|data\s+protection\s+(policy|notice)|\bgdpr\b|charte\s+(des\s+)?données/i,
  'legal-notice': /mentions\s+légales|mentions\s+legales|informations\s+légales|legal\s+(notice|information|mentions)|\bimprint\b|\bimpressum\b/i,
  cookies: /cookie|\btraceurs\b/i,
  accessibility: /accessibilit/i,
  dpo: /délégué[e]?\s+à\s+la\s+protection\s+des\s+données|\bdpo\b|data\s+protection\s+officer/i,
};

const PATH: Record<LegalKind, RegExp> = {
  terms: /\b(cgu|conditions-generales-d-?utilisation|conditions-d-?utilisation|terms-of-(use|service)|terms-and-conditions|tos)\b|\/terms\b/i,
  sales: /\b(cgv|conditions-generales-de-vente|terms-of-sale)\b/i,
  privacy: /\b(privacy|confidentialite|politique-de-confidentialite|donnees-personnelles|protection-des-donnees|vie-privee|rgpd|gdpr)\b/i,
  'legal-notice': /\b(mentions-legales|informations-legales|legal-notice|imprint|impressum)\b/i,
  cookies: /\b(cookies?|politique-cookies|cookie-policy|gestion-des-cookies)\b/i,
  accessibility: /\b(accessibilite|accessibility|declaration-d-?accessibilite)\b/i,
  dpo: /^mailto:(dpo|rgpd|dpd|privacy)@/i,
};

/** Kinds of legal document a link points to; empty when it is none. Pure, so the evaluation script can score it. */
export function classifyLink(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'>): LegalKind[] {
  const words = [link.text, link.title, link.ariaLabel, link.imgAlt].join(' ').replace(/\s+/g, ' ');
  let path = '';
  try {
    const u = new URL(link.href);
    path = u.protocol === 'mailto:' ? link.href : decodeURIComponent(u.pathname + u.hash).toLowerCase();
  } catch {
    path = '';
  }
  const kinds = LEGAL_KINDS.filter((k) => TEXT[k].test(words) || PATH[k].test(path));
  // A link about the accessibility of the site, not an accessibility statement, is still the place a French public
  // site must link its statement from; keep it. But "cookies" inside a privacy link text is one document, not two.
  if (kinds.includes('privacy') && kinds.includes('cookies') && !/cookie/i.test(path) && !/^\s*(gestion|politique|paramètres|préférences)?[^a-z]*cookies?/i.test(words)) {
    return kinds.filter((k) => k !== 'cookies');
  }
  return kinds;
}

const MISSING: Partial<Record<LegalKind, 'problem' | 'review'>> = {
  privacy: 'review',
  'legal-notice': 'review',
  terms: 'review',
};

export const legalLinks: Detector = {
  id: 'legal-links',
  category: 'legal-links',
  requires: ['links', 'forms'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const found = new Map<LegalKind, Link[]>();
    for (const link of snapshot.links) {
      for (const kind of classifyLink(link)) {
        const list = found.get(kind) ?? [];
        if (!list.some((l) => l.href === link.href)) list.push(link);
        found.set(kind, list);
      }
    }
    const out: DetectorOutput[] = [];
    for (const kind of LEGAL_KINDS) {
      const links = found.get(kind);
      if (links) {
        out.push({
          key: kind,
          severity: 'info',
          messageKey: `legalLinks_found_${kind.replace('-', '')}`,
          params: [String(links.length)],
          evidence: links.slice(0, 10).map((l) => ({
            selector: l.ref.selector,
            url: l.href,
            text: l.text || l.title || l.ariaLabel || l.imgAlt,
            snippet: l.ref.snippet,
            rect: l.ref.rect,
            hidden: l.ref.hidden,
          })),
          data: { kind, urls: links.map((l) => l.href) },
        });
        continue;
      }
      const missing = MISSING[kind];
      if (!missing) continue;
      // No privacy policy where the page collects personal data through a form is a fault, not a doubt.
      const collects = kind === 'privacy' && snapshot.forms.some((f) => f.fields.some((x) => /password|email/.test(x.type)));
      out.push({
        key: `missing-${kind}`,
        severity: collects ? 'problem' : missing,
        messageKey: `legalLinks_missing_${kind.replace('-', '')}${collects ? '_withForm' : ''}`,
        evidence: [],
        data: { kind, missing: true },
      });
    }
    return out;
  },
};

// Pages vérifiées : fixtures in test/fixtures/pages/legal-links/ (DSFR footer, English footer, no links).
