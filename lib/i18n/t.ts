import { browser } from 'wxt/browser';
import type { Param } from '../model/message';
import { formatParam } from './format';
import { formatMessage, type Locale } from './messages';
import { frenchSpacing } from './typography';

function uiLanguage(): string {
  try {
    return browser.i18n?.getUILanguage?.() ?? 'fr';
  } catch {
    return 'fr';
  }
}

/** The panel's language: French unless the browser speaks English (the two locales Loupe has). */
export function uiLocale(): Locale {
  return uiLanguage().startsWith('en') ? 'en' : 'fr';
}

/** A UI string in the browser's language (French by default), from public/_locales. */
export function t(key: string, ...params: (string | number)[]): string {
  const subs = params.map(String);
  // Keys come from findings as data, so they cannot be checked against the generated key union.
  let fromBrowser = '';
  try {
    const getMessage = browser.i18n?.getMessage as ((k: string, s: string[]) => string) | undefined;
    fromBrowser = getMessage?.(key, subs) ?? '';
  } catch {
    // No i18n API (unit tests): French from the same files.
  }
  const text = fromBrowser || formatMessage('fr', key, subs);
  return fromBrowser && !uiLanguage().startsWith('fr') ? text : frenchSpacing(text);
}

/** A message with typed parameters (a finding's, a limit's), worded in the browser's language. */
export function tp(key: string, params: readonly Param[]): string {
  const locale = uiLocale();
  return t(key, ...params.map((p) => formatParam(p, locale)));
}
