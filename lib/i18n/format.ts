import axeFr from 'axe-core/locales/fr.json' with { type: 'json' };
import axeHelpEn from './axe-help-en.json' with { type: 'json' };
import type { MessageKey, Param } from '../model/message';
import { formatMessage, type Locale } from './messages';

// The one formatter of message parameters. Detectors say what they found — a count, a size, a country code, a
// date, a text read on the page — and this words it for the reader: the panel and the report in the browser's
// language, the CSV and the export's French text in French. Page text stays as the page wrote it.

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * Intl formatters, built once per locale and options: building one costs far more than formatting with it (a tenth
 * of the first phase's detectors on a page of 1,000 elements, npm run bench -- gather).
 */
const formatters = new Map<string, { format(x: number | Date): string }>();
function formatter(key: string, make: () => { format(x: number | Date): string }) {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const displayNames = new Map<string, Intl.DisplayNames>();
function displayNamesOf(locale: Locale, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}/${type}`;
  let d = displayNames.get(key);
  if (!d) displayNames.set(key, (d = new Intl.DisplayNames([locale], { type })));
  return d;
}

export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return formatter(`n/${locale}/${digits}`, () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits })).format(n);
}

/** The country's name in the reader's language ("États-Unis", "United States"); an unknown country says so. */
export function countryName(code: string | null, locale: Locale): string {
  if (!code) return formatMessage(locale, 'country_unknown');
  try {
    return displayNamesOf(locale, 'region').of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "allemand (de)", "German (de)". */
export function languageName(code: string, locale: Locale): string {
  try {
    const name = displayNamesOf(locale, 'language').of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Bytes with the unit of the reader's language, from its locale file (octets, ko, Mo / bytes, kB, MB). */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1000) return formatMessage(locale, 'unit_bytes', [formatNumber(bytes, locale)]);
  if (bytes < 1_000_000) return formatMessage(locale, 'unit_kilobytes', [formatNumber(bytes / 1000, locale)]);
  return formatMessage(locale, 'unit_megabytes', [formatNumber(bytes / 1_000_000, locale, 1)]);
}

/** "2026-09-01" → "1 septembre 2026" (or "1 September 2026"); a year or a month alone stays as precise as given. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
  const opts: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return formatter(`d/${locale}/${d ? 'day' : 'month'}`, () => new Intl.DateTimeFormat(tag(locale), opts)).format(date);
}

export function trackerCategory(category: string, locale: Locale): string {
  const key = `trackerCategory_${category}`;
  const text = formatMessage(locale, key);
  return text === key ? category : text;
}

const AXE_HELP_FR = (axeFr as { rules: Record<string, { help?: string }> }).rules;
const AXE_HELP_EN: Readonly<Record<string, string>> = axeHelpEn;

/** axe's own title of a rule: its French translation, or its English title (axe's words, never Loupe's). */
export function axeRuleTitle(rule: string, locale: Locale): string {
  return (locale === 'fr' ? AXE_HELP_FR[rule]?.help : undefined) ?? AXE_HELP_EN[rule] ?? rule;
}

/** Whether a parameter shows text read on the page (kept as written, marked as such in the panel). */
export function isPageText(p: Param): boolean {
  if ('text' in p || 'quote' in p) return true;
  if ('list' in p) return p.list.length > 0 && p.list.every(isPageText);
  if ('named' in p) return isPageText(p.named) && isPageText(p.detail);
  return false;
}

export function formatParam(p: Param, locale: Locale): string {
  if ('text' in p) return p.text;
  if ('count' in p) return formatNumber(p.count, locale);
  if ('bytes' in p) return formatBytes(p.bytes, locale);
  if ('country' in p) return countryName(p.country, locale);
  if ('date' in p) return formatDate(p.date, locale);
  if ('category' in p) return trackerCategory(p.category, locale);
  if ('language' in p) return languageName(p.language, locale);
  if ('message' in p) return formatMessage(locale, p.message);
  if ('quote' in p) return locale === 'fr' ? `« ${p.quote} »` : `“${p.quote}”`;
  if ('axeRule' in p) return axeRuleTitle(p.axeRule, locale);
  if ('list' in p) return p.list.map((x) => formatParam(x, locale)).join(', ') + (p.more ? '…' : '');
  return `${formatParam(p.named, locale)} (${formatParam(p.detail, locale)})`;
}

/** A message with its parameters worded for the reader. */
export function formatWith(locale: Locale, key: MessageKey | string, params: readonly Param[] = []): string {
  return formatMessage(locale, key, params.map((p) => formatParam(p, locale)));
}

/** A message key with its parameters and its French text, as the export carries them (the French is derived). */
export function worded<K extends string>(messageKey: K, params: readonly Param[] = []): { messageKey: K; params: Param[]; message: string } {
  return { messageKey, params: [...params], message: formatWith('fr', messageKey, params) };
}
