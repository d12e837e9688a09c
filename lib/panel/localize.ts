import axeHelpEn from '../a11y/axe-help-en.json';
import { isFrom, type Finding } from '../export/schema';
import { formatMessage, type Locale } from '../i18n/messages';

// A finding's parameters in the panel's language. Detectors write them in French for the export (shared between
// French schools); the panel rebuilds from the finding's data what is Loupe's own wording — country names, tracker
// categories, byte units, dates, axe's rule titles — and marks the rest (names and texts read on the page) as
// page text, which stays as the page wrote it.

export interface ShownParams {
  params: string[];
  /** Per parameter: read on the page (a name, a label), not Loupe's wording. */
  fromPage: boolean[];
}

/** The country's name in the panel's language ("États-Unis", "United States"), or the code without the data. */
export function countryName(code: string, locale: Locale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Bytes with the unit of the panel's language, from its locale file (o, ko, Mo / B, kB, MB). */
export function formatBytes(bytes: number, locale: Locale): string {
  const fmt = (n: number, digits: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return formatMessage(locale, 'unit_bytes', [fmt(bytes, 0)]);
  if (bytes < 1_000_000) return formatMessage(locale, 'unit_kilobytes', [fmt(bytes / 1000, 0)]);
  return formatMessage(locale, 'unit_megabytes', [fmt(bytes / 1_000_000, 1)]);
}

/** "2026-09-01" → "1 septembre 2026" (or "1 September 2026"); a year or a month alone stays as precise as given. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const opts: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(tag, opts).format(date);
}

export function trackerCategory(category: string, locale: Locale): string {
  const key = `trackerCategory_${category}`;
  const text = formatMessage(locale, key);
  return text === key ? category : text;
}

const AXE_HELP_EN: Readonly<Record<string, string>> = axeHelpEn;

function fromPage(params: readonly string[]): boolean[] {
  // Counts are Loupe's; any other text came from the page (a network's name, a button's label).
  return params.map((p) => !/^\d+$/.test(p));
}

type Rebuild = (f: Finding, locale: Locale) => ShownParams | undefined;

const trackerOrg: Rebuild = (f, locale) => {
  if (!isFrom(f, 'trackers') || !f.data || !('organizationKey' in f.data)) return undefined;
  const names = f.data.trackers.map((t) => `${t.name} (${trackerCategory(t.category, locale)})`).join(', ');
  return { params: [f.params[0] ?? '', names, countryName(f.data.country ?? '', locale)], fromPage: [true, false, false] };
};

const bytes: Rebuild = (f, locale) => {
  if (!isFrom(f, 'page-weight') || !f.data || !('bytes' in f.data)) return undefined;
  const p = [...f.params];
  p[1] = formatBytes(f.data.bytes, locale);
  p[3] = formatBytes(f.data.firstParty.bytes, locale);
  p[5] = formatBytes(f.data.thirdParty.bytes, locale);
  return { params: p, fromPage: p.map(() => false) };
};

const date: Rebuild = (f, locale) =>
  isFrom(f, 'publisher-dates') && f.data && 'date' in f.data ? { params: [formatDate(f.data.date, locale)], fromPage: [false] } : undefined;

const axeRule: Rebuild = (f, locale) => {
  if (!isFrom(f, 'axe') || !f.data || !('rule' in f.data)) return undefined;
  // axe's French title is in the finding; in English, axe's own English title of the same rule.
  const help = locale === 'fr' ? f.params[0] : AXE_HELP_EN[f.data.rule];
  if (!help) return undefined;
  return { params: [help, ...f.params.slice(1)], fromPage: f.params.map(() => false) };
};

/** The second parameter is a message key naming the service (lib/panel/display.ts PUBLIC_SERVICES). */
const publicService: Rebuild = (f, locale) => ({ params: [f.params[0] ?? '', formatMessage(locale, f.params[1] ?? '')], fromPage: [true, false] });

const REBUILD: Record<string, Rebuild> = {
  trackers_publicService: publicService,
  trackers_org_outsideEu: trackerOrg,
  trackers_org_eu: trackerOrg,
  trackers_org_unknownCountry: trackerOrg,
  pageWeight_summary: bytes,
  publisherDates_updated: date,
  publisherDates_updatedOld: date,
  publisherDates_published: date,
  a11y_axe_violation: axeRule,
  a11y_axe_violationMinor: axeRule,
  a11y_axe_incomplete: axeRule,
};

export function shownParams(f: Finding, locale: Locale): ShownParams {
  return REBUILD[f.messageKey]?.(f, locale) ?? { params: [...f.params], fromPage: fromPage(f.params) };
}
