import type { VerdictLevel } from '../model/assessment';

// Names of the files Loupe offers to download: readable, sortable by date, and made of characters every system and
// mail client accepts (the site comes from a page: it may hold anything).

export type ExportExt = 'json' | 'csv' | 'md' | 'jsonld';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-mm-dd in the schools' time zone. */
export function isoDay(ms: number): string {
  const p = Object.fromEntries(DAY.formatToParts(new Date(Number.isFinite(ms) ? ms : 0)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Lower-case ASCII letters, digits, "-" and "." only, no leading or trailing dot or dash, never empty. */
export function safePart(s: string, max = 60): string {
  const ascii = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const cut = ascii.replace(/[^a-z0-9.]+/g, '-').replace(/\.{2,}/g, '.').replace(/-{2,}/g, '-').slice(0, max);
  return cut.replace(/^[-.]+|[-.]+$/g, '') || 'page';
}

export function evaluationFileName(e: { resource: { site: string; url: string }; inspectedAt: string; verdict?: { level: VerdictLevel } }, ext: ExportExt): string {
  const site = e.resource.site || hostOf(e.resource.url);
  return `loupe-${safePart(site)}-${isoDay(Date.parse(e.inspectedAt))}-${e.verdict?.level ?? 'sans-verdict'}.${ext}`;
}

export function bundleFileName(count: number, now: number, ext: ExportExt): string {
  return `loupe-${Math.max(0, Math.floor(count))}-evaluations-${isoDay(now)}.${ext}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
