import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { jsonLdObjects, prop, textOf } from '../structured/json-ld';
import type { PageSnapshot } from '../snapshot/schema';
import { legalKindsOf } from './legal-links';
import { defineDetector, type DetectorContext } from './types';
import { type DetectorOutput, type Evidence } from '../model/finding';
import { text } from '../model/message';
import { inconclusive, nearlyEmpty } from '../findings/nearly-empty';

// Who publishes the resource and how fresh it is: the editorial criteria of the grid ask for an identified
// publisher and a recent update. Read from schema.org (publisher, dateModified, datePublished), Open Graph and
// article meta, Dublin Core, the © line and "mis à jour le …" text. Each value says where it was read.

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, déc: 12, dez: 12, okt: 10, mär: 3, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};

/** An ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when less is said) from French or English date text; null if none. */
export function parseDate(text: string): string | null {
  const s = text.toLowerCase();
  let m = /\b(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined);
  // Year first with dots or slashes (2023.11.02, 2023/11/02): East Asian pages and some CMSs.
  m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/.exec(s);
  if (m) return valid(m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!, +m[2]!, +m[1]!);
  // Day, month and a four-digit year set apart by spaced bars, dots or slashes ("26 | 01 | 2022").
  m = /\b(\d{1,2})\s+[|/.·]\s+(\d{1,2})\s+[|/.·]\s+(\d{4})\b/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  m = /\b(\d{1,2})(?:er|st|nd|rd|th|\.)?\s+([a-zéûä]+)\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2]!]) return valid(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
  m = /\b([a-zéûä]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1]!]) return valid(+m[3]!, MONTHS[m[1]!]!, +m[2]!);
  m = /\b([a-zéûä]+)\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1]!]) return valid(+m[2]!, MONTHS[m[1]!]!);
  return null;
}

function valid(y: number, mo: number, d?: number): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || (d !== undefined && (d < 1 || d > 31))) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return d === undefined ? `${y}-${p(mo)}` : `${y}-${p(mo)}-${p(d)}`;
}

// Issue 22: the labels of a visible date in French first, then the other languages teachers meet.
const UPDATED_TEXT = /(mis\s+à\s+jour|mise\s+à\s+jour|actualisé|modifié|révisé|dernière\s+modification|last\s+(updated|modified|reviewed)|updated(\s+on)?|modified\s+on|aktualisiert|zuletzt\s+(geändert|aktualisiert)|editiert|geändert|\bstand|actualizado|aggiornato)\s*(le|:|on|am|el|il)?\s*/i;
const PUBLISHED_TEXT = /(publié|mis\s+en\s+ligne|date\s+de\s+publication|créé|published(\s+on)?|posted(\s+on)?|\bdate|veröffentlicht|erschienen|erstellt|\bdatum|publicado|pubblicato|gepubliceerd)\s*(le|:|on|am|el|il)?\s*/i;

interface DateHit {
  date: string;
  source: string;
  evidence: Evidence;
}

/** The holder named in a copyright line: "© 2026 Éditions Démo — Tous droits réservés" → "Éditions Démo". */
export function holderOfCopyright(text: string): string | null {
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,.]?\s*([^.|•·—–\-\n]{2,80}?)\s*(?:[.|•·—–\-]|tous\s+droits|all\s+rights|$)/i.exec(text);
  const name = m?.[1]?.replace(/\s+/g, ' ').trim();
  if (!name || /^(tous|all|\d+)/i.test(name) || name.length < 2) return null;
  return name;
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const publisherDatesData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('publisher'), publisher: z.string(), source: z.string(), others: z.array(z.string()), legalNotice: z.string().optional() }),
  z.strictObject({ kind: z.literal('no-publisher'), legalNotice: z.string().optional() }),
  z.strictObject({ kind: z.enum(['updated', 'published']), date: z.string(), source: z.string(), ageDays: z.number().nullable() }),
  z.strictObject({ kind: z.literal('no-date') }),
]);

// Issue 22: where a date is read, from the most reliable to the least; the first place that gives one wins, so a
// related article's <time> never beats the article's own metadata. Within one place, the first in the page.
const RANK = ['schema.org', 'meta', 'microdata', 'time', 'text', 'date text'] as const;
const rankOf = (source: string) => {
  const i = RANK.findIndex((r) => source.startsWith(r));
  return i < 0 ? (source === 'text' ? 4 : 1) : i;
};
const META_PUBLISHED = /^(article:published_time|og:article:published_time|og:published_time|published_time|article\.published|datepublished|datecreated|dcterms\.created|dcterms\.issued|dcterms\.date|dc\.date|dc\.date\.created|dc\.date\.issued|dc\.created|date|pubdate|publishdate|publish[-_]date|publication[-_]date|sailthru\.date|parsely-pub-date|citation_publication_date|citation_date|article_date_original|original-publish-date)$/;
const META_MODIFIED = /^(article:modified_time|og:updated_time|og:article:modified_time|last-modified|dcterms\.modified|dc\.date\.modified|revised|datemodified|article\.updated|lastmod|modified_time|updated_time)$/;

/** A date written in words in one of the languages chrono-node reads ("12 mars 2024", "16. Oktober 2019"): day, month and year all said. */
type Chrono = typeof import('chrono-node');
/** chrono-node once loaded: later runs use it without asking the module loader again. */
let chronoModule: Chrono | undefined;
function wordDate(chrono: Chrono, text: string): string | null {
  for (const parser of [chrono.fr, chrono.de, chrono.en, chrono.es, chrono.it, chrono.nl, chrono.pt]) {
    const r = parser.parse(text)[0];
    if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    const d = valid(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
    if (d) return d;
  }
  return null;
}

export const publisherDates = defineDetector({
  id: 'publisher-dates',
  category: 'metadata',
  data: publisherDatesData,
  requires: ['meta', 'jsonLd', 'microdata', 'textSignals', 'links', 'times', 'a11y', 'scripts', 'inlineScripts'],
  async run(snapshot: PageSnapshot, context: DetectorContext): Promise<DetectorOutput[]> {
    // chrono-node loads with this detector's first run, not with the panel's first script.
    const chrono = (chronoModule ??= await import('chrono-node'));
    /** The date in a label's text: numbers first (ISO, 12/03/2025), else words; none when it is not near the label. */
    const dateAfter = (text: string, at: number) => {
      const rest = text.slice(at, at + 60);
      return parseDate(rest) ?? wordDate(chrono, rest);
    };
    const publishers: { name: string; source: string; evidence: Evidence }[] = [];
    const modified: DateHit[] = [];
    const published: DateHit[] = [];
    const objects = jsonLdObjects(snapshot.jsonLd);
    for (const o of objects) {
      for (const field of ['publisher', 'provider', 'sourceOrganization'] as const) {
        const name = textOf(prop(o, field), 200);
        if (name && !/^https?:/.test(name)) publishers.push({ name, source: `schema.org ${field}`, evidence: { text: `JSON-LD ${field}: ${name}` } });
      }
      const mod = parseDate(textOf(prop(o, 'dateModified')));
      if (mod) modified.push({ date: mod, source: 'schema.org dateModified', evidence: { text: `JSON-LD dateModified: ${textOf(prop(o, 'dateModified'))}` } });
      for (const f of ['datePublished', 'dateCreated'] as const) {
        const d = parseDate(textOf(prop(o, f)));
        if (d) published.push({ date: d, source: `schema.org ${f}`, evidence: { text: `JSON-LD ${f}: ${textOf(prop(o, f))}` } });
      }
    }
    for (const m of snapshot.microdata) {
      if (m.itemprop === 'publisher' && m.value.trim() && m.value.length < 120) publishers.push({ name: m.value.trim(), source: 'microdata publisher', evidence: elementEvidence(m.ref, m.value) });
      const d = parseDate(m.value);
      if (d && m.itemprop === 'dateModified') modified.push({ date: d, source: 'microdata dateModified', evidence: elementEvidence(m.ref, m.value) });
      if (d && (m.itemprop === 'datePublished' || m.itemprop === 'dateCreated')) published.push({ date: d, source: `microdata ${m.itemprop}`, evidence: elementEvidence(m.ref, m.value) });
    }
    for (const m of snapshot.meta) {
      const key = (m.property || m.name).toLowerCase();
      if (key === 'og:site_name' && m.content.trim()) publishers.push({ name: m.content.trim(), source: 'og:site_name', evidence: { text: `og:site_name: ${m.content}` } });
      // Issue 15: an article's author (meta author, dc.creator) is not the publisher.
      if (/^(dc|dcterms)\.publisher$/.test(key) && m.content.trim()) publishers.push({ name: m.content.trim(), source: key, evidence: { text: `${key}: ${m.content}` } });
      const d = parseDate(m.content);
      if (!d) continue;
      if (META_MODIFIED.test(key)) modified.push({ date: d, source: key, evidence: { text: `${key}: ${m.content}` } });
      if (META_PUBLISHED.test(key)) published.push({ date: d, source: key, evidence: { text: `${key}: ${m.content}` } });
    }
    // Issue 22: <time datetime> and its text; "Mis à jour le <time>" makes it an update, otherwise a publication.
    for (const t of snapshot.times) {
      if (t.within === 'nav' || t.within === 'footer' || t.within === 'embed') continue;
      const d = parseDate(t.datetime) ?? parseDate(t.text) ?? wordDate(chrono, t.text);
      if (!d) continue;
      const before = t.context.slice(0, Math.max(0, t.context.indexOf(t.text)) || undefined);
      const isUpdate = UPDATED_TEXT.test(t.text) || (UPDATED_TEXT.test(before) && !PUBLISHED_TEXT.test(before.slice(-40)));
      (isUpdate ? modified : published).push({ date: d, source: 'time', evidence: elementEvidence(t.ref, t.text || t.datetime) });
    }
    for (const s of snapshot.textSignals) {
      // A label with its date ("Publié le 12 mars 2024"), not a sentence that happens to say "published".
      if (s.pattern === 'updated' && s.text.length <= 200) {
        const u = UPDATED_TEXT.exec(s.text);
        const p = PUBLISHED_TEXT.exec(s.text);
        const du = u ? dateAfter(s.text, u.index + u[0].length) : null;
        const dp = p ? dateAfter(s.text, p.index + p[0].length) : null;
        if (du) modified.push({ date: du, source: 'text', evidence: elementEvidence(s.ref, s.text) });
        if (dp && dp !== du) published.push({ date: dp, source: 'text', evidence: elementEvidence(s.ref, s.text) });
      }
      // Issue 22: a byline's date without a label ("jeudi 27 juin 2019, par …"), outside menus, footers and embeds.
      if (s.pattern === 'date' && !['nav', 'footer', 'embed', 'credit'].includes(s.within ?? '') && !s.ref.inFooter) {
        const own = s.ref.label || s.text;
        const d = parseDate(own) ?? wordDate(chrono, own);
        if (!d) continue;
        const before = s.text.slice(0, Math.max(0, s.text.indexOf(own)));
        (UPDATED_TEXT.test(own) || UPDATED_TEXT.test(before.slice(-40)) ? modified : published).push({ date: d, source: 'date text', evidence: elementEvidence(s.ref, own) });
      }
      if (s.pattern === 'copyright') {
        const holder = holderOfCopyright(s.text);
        if (holder) publishers.push({ name: holder, source: 'copyright', evidence: elementEvidence(s.ref, s.text) });
      }
    }
    const legalNotice = snapshot.links.find((l) => legalKindsOf(l).includes('legal-notice'));

    const out: DetectorOutput[] = [];
    if (publishers.length > 0) {
      const first = publishers[0]!;
      out.push({
        key: 'publisher',
        severity: 'info',
        messageKey: 'publisherDates_publisher',
        params: [text(first.name)],
        evidence: publishers.slice(0, 5).map((p) => p.evidence).concat(legalNotice ? [elementEvidence(legalNotice.ref, legalNotice.text || legalNotice.href)] : []),
        data: { kind: 'publisher', publisher: first.name, source: first.source, others: [...new Set(publishers.map((p) => p.name))].slice(0, 5), legalNotice: legalNotice?.href },
      });
    } else {
      out.push({ key: 'no-publisher', severity: 'review', messageKey: legalNotice ? 'publisherDates_noPublisherSeeNotice' : 'publisherDates_noPublisher', evidence: legalNotice ? [elementEvidence(legalNotice.ref, legalNotice.text || legalNotice.href)] : [], data: { kind: 'no-publisher', legalNotice: legalNotice?.href } });
    }
    // Issue 22: for the publication, the most reliable place wins, then the first date it gives (the article's,
    // before related ones). The day beats a bare month or year from the same place.
    const best = (list: DateHit[]) => [...list].sort((a, b) => rankOf(a.source) - rankOf(b.source) || b.date.length - a.date.length)[0];
    // An update is the latest one said anywhere (a "mis à jour le" in the text after an older meta).
    const mod = [...modified].sort((a, b) => b.date.localeCompare(a.date) || Number(!!b.evidence.selector) - Number(!!a.evidence.selector))[0];
    const pub = best(published);
    const day = 86_400_000;
    const age = (iso: string) => Math.floor((context.now - Date.parse(iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso)) / day);
    // A recent date is a fact; one older than a curriculum cycle (three years) is worth a word, not a fault.
    if (mod) out.push({ key: 'updated', severity: 'info', messageKey: age(mod.date) > 3 * 365 ? 'publisherDates_updatedOld' : 'publisherDates_updated', params: [{ date: mod.date }], evidence: [mod.evidence], data: { kind: 'updated', date: mod.date, source: mod.source, ageDays: age(mod.date) } });
    if (pub) out.push({ key: 'published', severity: 'info', messageKey: 'publisherDates_published', params: [{ date: pub.date }], evidence: [pub.evidence], data: { kind: 'published', date: pub.date, source: pub.source, ageDays: age(pub.date) } });
    // Issue 22: a date not found is information for the reader, never a fault of the resource; on a page with almost
    // nothing in it, not even that can be said.
    if (!mod && !pub) out.push(nearlyEmpty(snapshot) ? inconclusive('publisherDates_inconclusive') : { key: 'no-date', severity: 'info', messageKey: 'publisherDates_noDate', evidence: [], data: { kind: 'no-date' } });
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/publisher-dates/.
