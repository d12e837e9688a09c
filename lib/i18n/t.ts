import { browser } from 'wxt/browser';
import { formatMessage } from './messages';

/** A UI string in the browser's language (French by default), from public/_locales. */
export function t(key: string, ...params: (string | number)[]): string {
  const subs = params.map(String);
  // Keys come from findings as data, so they cannot be checked against the generated key union.
  const getMessage = browser.i18n?.getMessage as ((k: string, s: string[]) => string) | undefined;
  const fromBrowser = getMessage?.(key, subs);
  return fromBrowser || formatMessage('fr', key, subs);
}
