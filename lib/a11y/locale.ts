import type axe from 'axe-core';
import type fr from 'axe-core/locales/fr.json';

/**
 * axe compiles the locale's {{…}} templates with new Function(), which an extension's CSP forbids. In the French
 * locale only the two failure-summary lists are templates: they become plain functions doing what the template
 * does (a heading, then each message indented). Any other template would be dropped, falling back to English.
 */
export function cspSafeLocale(locale: typeof fr): axe.Locale {
  const copy = JSON.parse(JSON.stringify(locale)) as Record<string, unknown> & { failureSummaries?: Record<string, { failureMessage?: unknown }> };
  for (const entry of Object.values(copy.failureSummaries ?? {})) {
    const m = typeof entry.failureMessage === 'string' ? /^([^{]*)\{\{~it:value\}\}/.exec(entry.failureMessage) : null;
    const head = m?.[1] ?? '';
    entry.failureMessage = m ? (items: string[]) => head + items.map((v) => '\n  ' + v.split('\n').join('\n  ')).join('') : undefined;
  }
  return copy as unknown as axe.Locale;
}
