import type { Category, Severity } from '../model/finding';
import type { UseContext, Axis, Rating, VerdictLevel } from '../model/assessment';
import { axisKey, criterionKey, ratingKey } from '../grid/grid';
import { formatMessage } from '../i18n/messages';
import { camel } from '../text/key-case';

// The words an export is written in: French whatever the browser's language (evaluations are shared between French
// schools), read from the same _locales files the panel uses so a label says the same thing everywhere.

export const fr = (key: string, params: readonly string[] = []) => formatMessage('fr', key, params);

export const ratingLabel = (r: Rating | 'non-evalue') => fr(ratingKey(r));
export const axisLabel = (a: Axis) => fr(axisKey(a));
export const criterionLabel = (id: string) => fr(criterionKey(id, 'label'));
export const verdictLabel = (v: VerdictLevel) => fr(`gridVerdict_${camel(v)}`);
export const severityLabel = (s: Severity) => fr(`severity_${s}`);
export const categoryLabel = (c: Category) => fr(`category_${camel(c)}`);
export const levelLabel = (l: NonNullable<UseContext['level']>) => fr(`ctx_level_${camel(l)}`);

const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** `02/12/2026 14:05`, in the schools' time zone whatever the machine's. */
export function frenchDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}
