import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

// Findings carry a French message in the export whatever the browser's language, so the messages are read from
// the same _locales files the browser uses, with the browser's substitution rule ($1…$9, $$ for a dollar sign).

export type Locale = 'fr' | 'en';
type Catalog = Record<string, { message: string }>;
const catalogs: Record<Locale, Catalog> = { fr, en };

export function hasMessage(key: string, locale: Locale = 'fr'): boolean {
  return key in catalogs[locale];
}

export function formatMessage(locale: Locale, key: string, params: readonly string[] = []): string {
  const entry = catalogs[locale][key] ?? catalogs.fr[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (params[Number(d) - 1] ?? '')));
}
