import type { Finding } from '../detectors/finding';
import { formatParam, isPageText } from '../i18n/format';
import type { Locale } from '../i18n/messages';

// A finding's parameters in the panel's language, worded by the one formatter (lib/i18n/format.ts); what was read on
// the page (a network's name, a button's label) is marked, and stays as the page wrote it.

export interface ShownParams {
  params: string[];
  /** Per parameter: read on the page (a name, a label), not Loupe's wording. */
  fromPage: boolean[];
}

export function shownParams(f: Pick<Finding, 'params'>, locale: Locale): ShownParams {
  return { params: f.params.map((p) => formatParam(p, locale)), fromPage: f.params.map(isPageText) };
}
