import { formatParam } from '../../lib/i18n/format';
import type { Param } from '../../lib/model/message';

/** Typed message parameters as the French export words them: what a test of a detector's wording compares. */
export const fr = (params: readonly Param[] = []): string[] => params.map((p) => formatParam(p, 'fr'));
