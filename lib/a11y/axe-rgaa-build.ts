import { LOUPE_RGAA_LINKS } from './rgaa-links';
import { levelOf, rgaaOf, wcagOfRule } from './wcag';

// How an axe rule's failure is weighed, by RGAA 4.1.2 rather than by axe's tags: a rule tied to an RGAA criterion
// (axe's RGAA-x.y.z tag, a WCAG A/AA success criterion the criterion references, or a link of Loupe's own) is a
// problem under that criterion; AAA rules and best practices tied to nothing stay information.

export interface AxeRgaaEntry {
  rgaa: string[];
  /** Where the criteria come from. */
  via: 'axe-tag' | 'wcag' | 'loupe' | 'none';
  severity: 'problem' | 'info';
  wcag: string[];
}

export function axeRgaaEntry(id: string, tags: readonly string[]): AxeRgaaEntry {
  const wcag = wcagOfRule(id, tags);
  const level = levelOf(tags);
  const own = LOUPE_RGAA_LINKS[id];
  const tagged = tags.some((t) => t.startsWith('RGAA-'));
  let via: AxeRgaaEntry['via'] = 'none';
  let rgaa: string[] = [];
  if (own) [via, rgaa] = ['loupe', own.rgaa];
  else if (tagged) [via, rgaa] = ['axe-tag', rgaaOf(tags, [])];
  else if (level === 'a-aa' && wcag.length > 0) [via, rgaa] = ['wcag', rgaaOf([], wcag)];
  // A WCAG A/AA criterion that RGAA 4.1.2 does not cite (2.5.8 of WCAG 2.2) is still a fault to weigh.
  const severity = level !== 'aaa' && (rgaa.length > 0 || (level === 'a-aa' && wcag.length > 0)) ? 'problem' : 'info';
  return { rgaa, via, severity, wcag };
}

export function axeRgaaTable(rules: readonly { id: string; tags: readonly string[] }[]): Record<string, AxeRgaaEntry> {
  return Object.fromEntries([...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, axeRgaaEntry(r.id, r.tags)]));
}
