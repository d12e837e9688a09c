import type { CatalogueError } from '@/lib/model/catalogue';
import type { Param } from '@/lib/model/message';
import { tp } from '@/lib/i18n/t';
import { camel } from '@/lib/text/key-case';

/** Why a catalogue's refresh failed, in the reader's language (catalogue_error_* keys, French and English). */
export function catalogueErrorText(e: CatalogueError): string {
  const params: Param[] = e.code === 'http' ? [{ count: e.status ?? 0 }] : e.code === 'too-large' ? [{ bytes: e.bytes ?? 0 }] : [{ text: e.detail ?? '' }];
  return tp(`catalogue_error_${camel(e.code)}`, params);
}
