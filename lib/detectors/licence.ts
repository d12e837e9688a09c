import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { jsonLdObjects, prop, textOf, typesOf, type JsonObject } from '../structured/json-ld';
import type { Link, PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput, type Evidence } from '../model/finding';
import { dedupeEvidence } from '../findings/dedupe-evidence';
import { CREDIT_WORDS, SELF_REFERENCE } from '../text/licence-context';
import { text, texts } from '../model/message';
import { inconclusive, nearlyEmpty } from '../findings/nearly-empty';

// Rights of use and reuse (seed 000: "vérifier les droits d'utilisation et de réutilisation"). Three outcomes a
// teacher must tell apart: a free/open licence (Creative Commons, Licence Ouverte, public domain), proprietary terms
// ("tous droits réservés", ©), or nothing stated. Machine-readable declarations (rel="license", schema.org, RDFa,
// Dublin Core) and human ones (badges, footer lines) both count; each finding says where it was read.

export type LicenceFamily = 'cc' | 'etalab' | 'public-domain' | 'other-open' | 'reserved';
export interface LicenceName {
  /** Normalised name, e.g. "CC BY-SA 4.0", "CC0 1.0", "Licence Ouverte 2.0", "Tous droits réservés". */
  name: string;
  family: LicenceFamily;
  open: boolean;
}

const CC_TERMS = /^(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd|by-nd-nc|by-sa-nc|nc|nd|sa|nc-sa|nd-nc)$/;

function cc(terms: string, version?: string, port?: string): LicenceName | null {
  const t = terms.toLowerCase();
  if (!CC_TERMS.test(t)) return null;
  const name = ['CC', t.toUpperCase(), version ?? '', port ? port.toUpperCase() : ''].filter(Boolean).join(' ');
  return { name, family: 'cc', open: true };
}

const CC0: LicenceName = { name: 'CC0 1.0', family: 'public-domain', open: true };
const PDM: LicenceName = { name: 'Public Domain Mark 1.0', family: 'public-domain', open: true };
const PD: LicenceName = { name: 'Public domain', family: 'public-domain', open: true };
const RESERVED: LicenceName = { name: 'Tous droits réservés', family: 'reserved', open: false };
/** "Available under a Creative Commons licence", version and terms not said: open, but which one a person checks. */
const CC_UNSPECIFIED: LicenceName = { name: 'Creative Commons', family: 'cc', open: true };
const lo = (v?: string): LicenceName => ({ name: v ? `Licence Ouverte ${v}.0` : 'Licence Ouverte', family: 'etalab', open: true });

const LICENCE_URL_WORDS = /creativecommons|licensebuttons|etalab|opendatacommons|artlibre/i;

/** A licence from an address: Creative Commons deeds and badges, Etalab, ODbL, Art Libre. */
export function licenceFromUrl(href: string): LicenceName | null {
  // Every address below names one of these hosts or words: most addresses of a page are ruled out by one test, before
  // the lower-casing. (Of all characters only "K", the Kelvin sign, and "İ" lower-case into ASCII letters: "k", which
  // none of the words holds, and "i" followed by a combining dot, which breaks the word.)
  if (!LICENCE_URL_WORDS.test(href)) return null;
  const u = href.toLowerCase();
  let m = /creativecommons\.org\/licen[cs]es\/([a-z-]+)\/(\d(?:\.\d)?)(?:\/([a-z]{2})(?:\/|$|\?|#))?/.exec(u);
  if (m) return cc(m[1]!, m[2]!.includes('.') ? m[2] : `${m[2]}.0`, m[3]);
  if (/creativecommons\.org\/publicdomain\/zero\//.test(u)) return CC0;
  if (/creativecommons\.org\/publicdomain\/mark\//.test(u)) return PDM;
  // Badges: licensebuttons.net and the old i.creativecommons.org mirror the deed path; the press kit has no version.
  m = /(?:licensebuttons\.net|i\.creativecommons\.org)\/l\/([a-z-]+)\/(\d\.\d)(?:\/([a-z]{2})\/)?/.exec(u);
  if (m) return cc(m[1]!, m[2], m[3]);
  if (/(?:licensebuttons\.net|i\.creativecommons\.org)\/p\/zero\//.test(u)) return CC0;
  if (/(?:licensebuttons\.net|i\.creativecommons\.org)\/p\/mark\//.test(u)) return PDM;
  m = /mirrors\.creativecommons\.org\/presskit\/(?:buttons|icons)\/(?:[\dx]+\/)?(?:png|svg)\/([a-z-]+)\.(?:png|svg)/.exec(u);
  if (m) {
    if (m[1] === 'cc-zero' || m[1] === 'zero') return CC0;
    if (m[1] === 'publicdomain' || m[1] === 'pd') return PDM;
    return cc(m[1]!);
  }
  if (/etalab\.gouv\.fr\/.*licence[-_]?ouverte|etalab\/licence-ouverte|etalab\.gouv\.fr\/licence/.test(u)) {
    const v = /(?:v|version[-_]?)([12])(?:[._-]0)?\b/.exec(u.replace(/.*etalab/, ''));
    return lo(v?.[1] ?? (/\/lo\.md|open-licence\.md/.test(u) ? '2' : undefined));
  }
  if (/opendatacommons\.org\/licenses\/odbl/.test(u)) return { name: 'ODbL 1.0', family: 'other-open', open: true };
  if (/artlibre\.org\/licence/.test(u)) return { name: 'Licence Art Libre 1.3', family: 'other-open', open: true };
  return null;
}

const FR_TERMS: [RegExp, string][] = [
  [/pas\s+d['’]\s*utilisation\s+commerciale|non[\s-]?commercial|noncommercial/i, 'NC'],
  [/partage\s+dans\s+les\s+m[êe]mes\s+conditions|partage\s+à\s+l['’]identique|share[\s-]?alike/i, 'SA'],
  [/pas\s+de\s+(modification|travaux\s+dérivés)|no[\s-]?deriv(ative)?s?/i, 'ND'],
];

const LICENCE_TEXT_WORDS = /\bcc|creative|domain|licen|\blo\s+[12]\.0|odbl|droits|rights|reproduction/i;

/**
 * LICENCE_TEXT_WORDS for one of the texts joined by a space: "LO" may end one and its version start the next, so a
 * text ending in "lo" counts.
 */
const LICENCE_FIELD_WORDS = /\bcc|creative|domain|licen|\blo(?:\s|$)|odbl|droits|rights|reproduction/i;

/** Licences named in a text, in the order they are worth reporting. */
export function licencesInText(text: string): LicenceName[] {
  // Every pattern below needs one of these words: most texts of a page are ruled out by one test.
  if (!LICENCE_TEXT_WORDS.test(text)) return [];
  const out: LicenceName[] = [];
  const s = text.replace(/\s+/g, ' ');
  const abbr = /(?:\bCC|creative\s+commons)[\s-]?(BY(?:[\s-](?:NC|SA|ND)){0,2})\b(?:[\s-]+\(?(?:v(?:ersion)?\s*)?(\d\.\d)\)?)?(?:\s+(FR|International|Int\.?))?/i.exec(s);
  // The terms run from "Attribution" to the version number, or to the end of the clause when there is none.
  const full = /creative\s*commons\s+(?:licen[cs]e\s+)?(?:\(\s*)?(attribution|paternit[ée])([^;()]{0,140}?)(?:(\d\.\d)|(?=[;()]|$))/i.exec(s);
  if (abbr) {
    const terms = abbr[1]!.toUpperCase().replace(/\s/g, '-');
    const port = abbr[3] && /^fr$/i.test(abbr[3]) ? 'FR' : undefined;
    const l = cc(terms, abbr[2], port);
    if (l) out.push(l);
  } else if (full) {
    const rest = full[2] ?? '';
    const terms = ['BY', ...FR_TERMS.filter(([re]) => re.test(rest)).map(([, t]) => t)].join('-');
    const version = full[3] ?? /(\d\.\d)/.exec(rest)?.[1];
    const l = cc(terms, version);
    if (l) out.push(l);
  } else if (/\b(?:under|sous|selon)\s+(?:(?:a|an|the|une|la|les|des)\s+)?(?:licen[cs]es?\s+)?creative\s+commons\b/i.test(s)) {
    out.push(CC_UNSPECIFIED);
  }
  if (/\bCC[\s-]?0\b|\bCC[\s-]?Zero\b|creative\s+commons\s+zero/i.test(s)) out.push(CC0);
  if (/public\s+domain\s+mark|marque\s+(du\s+)?domaine\s+public/i.test(s)) out.push(PDM);
  else if (/(?:tomb[ée]e?s?|est|sont|appartient|appartiennent|relève|relèvent|plac[ée]e?s?|vers[ée]e?s?)\s+(?:dans\s+le|au|du)\s+domaine\s+public|\bin\s+the\s+public\s+domain\b|public\s+domain\s+dedication/i.test(s)) out.push(PD);
  const etalab = /licence\s+ouverte|open\s+licen[cs]e\s*(?:\/|version|v\s?\d|\d)|licence\s+(?:ouverte\s+)?etalab|\bLO\s+[12]\.0\b/i.exec(s);
  if (etalab) {
    const v = /(?:licence\s+ouverte|open\s+licen[cs]e|etalab|\bLO)[^.;]{0,40}?\b(?:v(?:ersion)?\s*)?([12])\.0/i.exec(s);
    out.push(lo(v?.[1]));
  }
  if (/\bODbL\b|open\s+database\s+licen[cs]e/i.test(s)) out.push({ name: 'ODbL 1.0', family: 'other-open', open: true });
  if (/licence\s+art\s+libre/i.test(s)) out.push({ name: 'Licence Art Libre 1.3', family: 'other-open', open: true });
  if (/tous\s+droits\s+(de\s+reproduction\s+)?r[ée]serv[ée]s|all\s+rights\s+reserved|reproduction\s+(totale\s+ou\s+partielle\s+)?interdite|toute\s+reproduction[^.]{0,80}interdite/i.test(s)) out.push(RESERVED);
  return out;
}

/** A licence a link points to or names (rel="license", a CC deed, a badge image); null when it names none. */
export function licenceOfLink(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt' | 'imgSrc' | 'rel'>): LicenceName | null {
  const fromUrl = licenceFromUrl(link.href) ?? (link.imgSrc ? licenceFromUrl(link.imgSrc) : null);
  // A link none of whose texts has a word of licencesInText's patterns names none: its texts are not joined.
  if (!fromUrl && !LICENCE_FIELD_WORDS.test(link.text) && !LICENCE_FIELD_WORDS.test(link.title) && !LICENCE_FIELD_WORDS.test(link.ariaLabel) && !LICENCE_FIELD_WORDS.test(link.imgAlt)) return null;
  const words = [link.text, link.title, link.ariaLabel, link.imgAlt].join(' ');
  // A link text is a label, not a statement: "Licence Creative Commons" alone names no licence.
  const named = licencesInText(words).filter((l) => l.family !== 'reserved' && l !== CC_UNSPECIFIED);
  // An address without a version (Etalab's page, a press-kit badge) and a text that gives it: keep the precise one.
  if (fromUrl) return named.find((l) => l.family === fromUrl.family && l.name.startsWith(fromUrl.name + ' ')) ?? fromUrl;
  // A link to a page merely titled "Creative Commons" is not a licence; one with rel="license" or the terms is.
  return named[0] ?? null;
}

export function slug(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const LRMI_FIELDS = [
  'educationalLevel',
  'teaches',
  'assesses',
  'educationalAlignment',
  'competencyRequired',
  'typicalAgeRange',
  'learningResourceType',
  'educationalUse',
  'audience',
  'isAccessibleForFree',
  'conditionsOfAccess',
  'accessibilityFeature',
  'accessMode',
  'inLanguage',
  'dateModified',
  'datePublished',
  'publisher',
  'author',
  'license',
] as const;
const LEARNING_TYPES = /^(LearningResource|Course|Quiz|CreativeWork|Book|Article|WebPage|Game|VideoObject|Dataset|SoftwareApplication|WebApplication)$/;

/** LRMI / schema.org learning-resource facts, kept for the grid. Exported for publisher-dates and access-model. */
export function learningResource(snapshot: PageSnapshot): Record<string, string> | null {
  const best = jsonLdObjects(snapshot.jsonLd)
    .filter((o) => typesOf(o).some((t) => LEARNING_TYPES.test(t)))
    .sort((a, b) => score(b) - score(a))[0];
  const out: Record<string, string> = {};
  if (best) {
    for (const f of LRMI_FIELDS) {
      const v = textOf(prop(best, f));
      if (v) out[f] = v;
    }
    out.type = typesOf(best).join(', ');
  }
  for (const m of snapshot.microdata) {
    if ((LRMI_FIELDS as readonly string[]).includes(m.itemprop) && !out[m.itemprop] && m.value.trim()) out[m.itemprop] = m.value.trim().slice(0, 300);
  }
  // ScoLOMfr / LOM in <meta name="lom.educational.…">, <meta name="scolomfr.…">.
  for (const m of snapshot.meta) {
    const key = m.name || m.property;
    if (/^(lom|lomfr|scolomfr|scolom)[.:]/i.test(key) && m.content.trim() && !out[key]) out[key] = m.content.trim().slice(0, 300);
  }
  // Issue 15: a description is pedagogical only through educational fields; an Article's author, date and
  // publisher are not one.
  return Object.keys(out).some((k) => EDUCATIONAL.test(k)) ? out : null;
}

const EDUCATIONAL = /^(educationalLevel|typicalAgeRange|learningResourceType|educationalUse|teaches|assesses|educationalAlignment|competencyRequired)$|^(lom|lomfr|scolomfr|scolom)[.:]/i;

function score(o: JsonObject): number {
  const t = typesOf(o);
  return (t.includes('LearningResource') ? 100 : 0) + LRMI_FIELDS.filter((f) => prop(o, f) !== undefined).length;
}

interface Hit {
  licence: LicenceName;
  source: string;
  machineReadable: boolean;
  evidence: Evidence;
  /** A photo's or a drawing's licence (caption, credit, the JSON-LD of an image), not the page's. */
  media?: boolean;
}

// Issue 15: a licence is the page's only when the page says so about itself. Where a mention sits decides:
// a caption or credit names a media's licence; an embedded post or a menu names nobody's; a sentence of the
// article is prose unless it speaks of the page ("les contenus de ce site…"); the footer and the rest are the page's.
type Place = 'page' | 'media' | 'none';
function placeOf(within: string | undefined, text: string, kind: 'text' | 'link'): Place {
  if (within === 'embed' || within === 'nav') return 'none';
  if (within === 'credit') return 'media';
  if (within !== 'footer' && CREDIT_WORDS.test(text)) return 'media';
  // A sentence, not a value beside its label ("Licence : <span>CC BY-NC 4.0</span>").
  const sentence = text.trim().split(/\s+/).length >= 8;
  if (within === 'prose' && (kind === 'link' || sentence) && !SELF_REFERENCE.test(text)) return kind === 'link' ? 'media' : 'none';
  return 'page';
}

/** A © notice: "©", "(c) 2024", "Copyright 2024 …", "Copyright Éditions …" — not the word in a sentence or a menu. */
const COPYRIGHT_NOTICE = /[©ⓒ]|\([cC]\)\s*\d{4}|\b(?:[Cc]opyright|COPYRIGHT)\b\s*(©|\([cC]\)|\d{4}|[-–:]?\s*\p{Lu})/u;
/**
 * Issue 22: a notice written as a link or in a menu says it with a sign or a year ("© 2024 Éditions Démo",
 * "Copyright 2019"), where a menu link "Copyright" or "Copyright Policy" names a page: told apart by what the text
 * says, not by its tag.
 */
const COPYRIGHT_IN_LINK = /[©ⓒ]|\([cC]\)\s*\d{4}|\bcopyright\b\s*(©|\([cC]\)|(\d{4}\b))|all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s/iu;

// Objects of a JSON-LD block that are media (an article's image, a video): their licence is theirs.
const MEDIA_TYPES = /^(ImageObject|VideoObject|AudioObject|MediaObject|Photograph|3DModel)$/;
const MEDIA_PROPS = ['image', 'video', 'audio', 'associatedMedia', 'thumbnail', 'logo', 'photo', 'primaryImageOfPage', 'encoding'];
function mediaObjects(objects: JsonObject[]): Set<JsonObject> {
  // A video page's main entity may be typed VideoObject and LearningResource: it is the page, not a media of it.
  const out = new Set<JsonObject>(objects.filter((o) => typesOf(o).length > 0 && typesOf(o).every((t) => MEDIA_TYPES.test(t))));
  for (const o of objects) {
    for (const p of MEDIA_PROPS) {
      const v = prop(o, p);
      for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object') out.add(x as JsonObject);
    }
  }
  return out;
}

const DC_META = /^(dc|dcterms)\.(rights|license|licence|accessrights)$/i;
const RDFA_PROP = /^(?:[a-z]+:)?(license|rights)$|^(cc:license|xhv:license|dc:rights|dcterms:(license|rights))$/i;

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const licenceData = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('licence'),
    outcome: z.enum(['open', 'proprietary']),
    licence: z.string(),
    family: z.string(),
    machineReadable: z.boolean().optional(),
    sources: z.array(z.string()).optional(),
  }),
  // A photo's or a drawing's licence, not the page's (issue 15).
  z.strictObject({ kind: z.literal('media'), outcome: z.literal('media'), licence: z.string(), family: z.string(), sources: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('declared'), outcome: z.literal('declared'), values: z.array(z.string().optional()) }),
  z.strictObject({ kind: z.literal('not-stated'), outcome: z.literal('not-stated') }),
  z.strictObject({ kind: z.literal('learning-resource'), lrmi: z.record(z.string(), z.string()) }),
]);

export const licence = defineDetector({
  id: 'licence',
  category: 'licence',
  data: licenceData,
  requires: ['links', 'images', 'meta', 'linkTags', 'jsonLd', 'microdata', 'rdfa', 'textSignals', 'a11y', 'scripts', 'inlineScripts'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const hits: Hit[] = [];
    const declaredUnknown: Evidence[] = [];
    const declare = (value: string, source: string, machineReadable: boolean, evidence: Evidence) => {
      const found = licenceFromUrl(value) ?? licencesInText(value)[0];
      if (found) hits.push({ licence: found, source, machineReadable, evidence });
      else if (value.trim()) declaredUnknown.push({ ...evidence, text: `${source}: ${value}`.slice(0, 300) });
    };

    for (const link of snapshot.links) {
      const isRel = /(^|\s)license(\s|$)/i.test(link.rel);
      // rel="license" speaks for the page's main content wherever it sits (HTML); a pointer to Creative Commons'
      // home page says "Creative Commons" without saying which.
      const l = licenceOfLink(link) ?? (isRel && /^https?:\/\/(www\.)?creativecommons\.org\/?$/i.test(link.href) ? CC_UNSPECIFIED : null);
      // Where it sits matters only for a licence found.
      const place = isRel ? 'page' : l ? placeOf(link.within, [link.text, link.title, link.imgAlt].join(' '), 'link') : 'none';
      if (l && place !== 'none') hits.push({ licence: l, source: isRel ? 'rel-license' : link.imgSrc && licenceFromUrl(link.imgSrc) ? 'badge' : 'link', machineReadable: isRel, evidence: elementEvidence(link.ref, link.text || link.imgAlt || link.title, link.href), media: place === 'media' });
      else if (isRel && !l) declaredUnknown.push(elementEvidence(link.ref, `rel="license": ${link.text || link.href}`, link.href));
    }
    for (const img of snapshot.images) {
      const l = licenceFromUrl(img.src);
      if (!l) continue;
      const place = placeOf(img.within, `${img.alt} ${img.title}`, 'link');
      if (place !== 'none') hits.push({ licence: l, source: 'badge', machineReadable: false, evidence: elementEvidence(img.ref, img.alt || img.title || l.name, img.src), media: place === 'media' });
    }
    for (const t of snapshot.linkTags) {
      if (/(^|\s)license(\s|$)/i.test(t.rel)) declare(t.href, '<link rel="license">', true, { url: t.href, text: t.href });
    }
    for (const m of snapshot.meta) {
      const key = m.name || m.property;
      if (DC_META.test(key) || /^(og:)?license$/i.test(key)) declare(m.content, `<meta ${key}>`, true, { text: m.content });
    }
    const objects = jsonLdObjects(snapshot.jsonLd);
    const media = mediaObjects(objects);
    for (const o of objects) {
      for (const field of ['license', 'copyrightNotice', 'usageInfo'] as const) {
        const v = prop(o, field);
        if (v === undefined) continue;
        const values = (Array.isArray(v) ? v : [v]).map((x) => textOf(x, 500)).filter(Boolean);
        for (const value of values) {
          if (!media.has(o)) declare(value, `JSON-LD ${field}`, true, { text: value });
          else {
            const found = licenceFromUrl(value) ?? licencesInText(value)[0];
            if (found) hits.push({ licence: found, source: `JSON-LD ${typesOf(o)[0] ?? 'media'} ${field}`, machineReadable: true, evidence: { text: value }, media: true });
          }
        }
      }
    }
    for (const m of snapshot.microdata) {
      if (m.itemprop !== 'license' && m.itemprop !== 'copyrightNotice') continue;
      if (!/(ImageObject|VideoObject|AudioObject|MediaObject|Photograph)$/.test(m.itemtype)) declare(m.value, `microdata ${m.itemprop}`, true, elementEvidence(m.ref, m.value));
      else {
        const found = licenceFromUrl(m.value) ?? licencesInText(m.value)[0];
        if (found) hits.push({ licence: found, source: `microdata ${m.itemprop}`, machineReadable: true, evidence: elementEvidence(m.ref, m.value), media: true });
      }
    }
    for (const r of snapshot.rdfa) {
      if (r.property.split(/\s+/).some((p) => RDFA_PROP.test(p))) declare(r.value, `RDFa ${r.property}`, true, elementEvidence(r.ref, r.value));
    }
    let copyright: Evidence | undefined;
    // Whether a text is a link's: the first few looked for among the links, a set of their selectors past those.
    let linkSelectors: Set<string> | undefined;
    let asked = 0;
    const isLinkSelector = (selector: string) =>
      ++asked <= 8 ? snapshot.links.some((l) => l.ref.selector === selector) : (linkSelectors ??= new Set(snapshot.links.map((l) => l.ref.selector))).has(selector);
    for (const s of snapshot.textSignals) {
      if (s.pattern !== 'licence' && s.pattern !== 'copyright') continue;
      const inLink = isLinkSelector(s.ref.selector);
      // A © notice in a menu or written as a link is still the site's notice when its words are one.
      const notice = s.pattern === 'copyright' && (inLink || s.within === 'nav' ? COPYRIGHT_IN_LINK : COPYRIGHT_NOTICE).test(s.text);
      const place = s.within === 'nav' && notice ? 'page' : placeOf(s.within, s.text, 'text');
      if (place === 'none') continue;
      for (const l of licencesInText(s.text)) hits.push({ licence: l, source: 'text', machineReadable: false, evidence: elementEvidence(s.ref, s.text), media: place === 'media' });
      // Issue 22: the site's notice is a line of its own, not a sentence ("the U.S. Copyright Office's rulemaking")
      // nor a credit inside the article's paragraphs ("© Quanta Magazine" for a reprint).
      const line = (s.ref.label || s.text).trim().split(/\s+/).length <= 15;
      if (notice && place === 'page' && s.within !== 'prose' && line) copyright ??= elementEvidence(s.ref, s.text);
    }

    const out: DetectorOutput[] = [];
    const mediaHits = hits.filter((h) => h.media);
    const pageHits = hits.filter((h) => !h.media);
    const byName = new Map<string, Hit[]>();
    for (const h of pageHits) byName.set(h.licence.name, [...(byName.get(h.licence.name) ?? []), h]);
    // A bare "CC BY-SA" beside "CC BY-SA 4.0" is the same licence said twice: keep the precise one.
    for (const name of [...byName.keys()]) {
      if ([...byName.keys()].some((n) => n !== name && n.startsWith(name + ' '))) {
        const into = [...byName.keys()].find((n) => n !== name && n.startsWith(name + ' '))!;
        byName.set(into, [...byName.get(into)!, ...byName.get(name)!]);
        byName.delete(name);
      }
    }
    for (const [name, list] of byName) {
      const l = list[0]!.licence;
      const uniq = dedupeEvidence(list.map((h) => h.evidence));
      out.push({
        key: l.open ? `open-${slug(name)}` : 'rights-reserved',
        severity: l.open ? 'info' : 'review',
        messageKey: l.open
          ? l.family === 'public-domain'
            ? 'licence_publicDomain'
            : 'licence_open'
          : pageHits.some((h) => h.licence.open)
            ? 'licence_reservedWithLicence'
            : 'licence_reserved',
        params: [text(name)],
        evidence: uniq,
        data: {
          kind: 'licence',
          outcome: l.open ? 'open' : 'proprietary',
          licence: name,
          family: l.family,
          machineReadable: list.some((h) => h.machineReadable),
          sources: [...new Set(list.map((h) => h.source))],
        },
      });
    }
    if (!byName.has(RESERVED.name) && copyright) {
      // A © line with no licence: under French law the author keeps every right unless a licence says otherwise.
      const anyOpen = [...byName.values()].some((l) => l[0]!.licence.open);
      out.push({
        key: 'copyright',
        severity: anyOpen ? 'info' : 'review',
        messageKey: anyOpen ? 'licence_copyrightWithLicence' : 'licence_copyrightOnly',
        evidence: [copyright],
        data: { kind: 'licence', outcome: anyOpen ? 'open' : 'proprietary', licence: '©', family: 'reserved' },
      });
    }
    if (declaredUnknown.length > 0) {
      out.push({
        key: 'declared-other',
        severity: 'review',
        messageKey: 'licence_declaredOther',
        params: [text(declaredUnknown[0]!.text ?? '')],
        evidence: dedupeEvidence(declaredUnknown),
        data: { kind: 'declared', outcome: 'declared', values: declaredUnknown.map((e) => e.text) },
      });
    }
    const pageFindings = out.length;
    const mediaByName = new Map<string, Hit[]>();
    for (const h of mediaHits) mediaByName.set(h.licence.name, [...(mediaByName.get(h.licence.name) ?? []), h]);
    for (const [name, list] of mediaByName) {
      out.push({
        key: `media-${slug(name)}`,
        severity: 'info',
        messageKey: 'licence_media',
        params: [text(name)],
        evidence: dedupeEvidence(list.map((h) => h.evidence)),
        data: { kind: 'media', outcome: 'media', licence: name, family: list[0]!.licence.family, sources: [...new Set(list.map((h) => h.source))] },
      });
    }
    if (pageFindings === 0) {
      // Issue 22: a page with almost nothing in it shows no absence.
      out.push(nearlyEmpty(snapshot) ? inconclusive('licence_inconclusive') : { key: 'not-stated', severity: 'review', messageKey: 'licence_notStated', evidence: [], data: { kind: 'not-stated', outcome: 'not-stated' } });
    }
    const lrmi = learningResource(snapshot);
    if (lrmi) {
      const summary = [lrmi.educationalLevel, lrmi.typicalAgeRange && `${lrmi.typicalAgeRange}`, lrmi.learningResourceType].filter(Boolean).join(' · ');
      out.push({
        key: 'learning-resource',
        severity: 'info',
        messageKey: 'licence_learningResource',
        params: [summary ? text(summary) : texts(Object.keys(lrmi))],
        evidence: [],
        data: { kind: 'learning-resource', lrmi },
      });
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/licence/.
