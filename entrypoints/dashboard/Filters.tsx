import { useMemo, useReducer } from 'preact/hooks';
import type { EvaluationFilter, IndexedEvaluation, Level } from '@/lib/consolidate/filter';
import { evaluatorOf } from '@/lib/consolidate/evaluator';
import { LEVELS } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import type { GradedEvaluation } from '@/lib/storage/read-model';
import { VerdictOptions } from '@/components/VerdictResult';
import { camel } from '@/lib/text/key-case';

// The list's filters as one object, as the form holds them (text, "" for any); the list reads them as an
// EvaluationFilter (lib/consolidate/filter.ts).

export interface FilterForm {
  query: string;
  level: string;
  subject: string;
  verdict: string;
  since: string;
  until: string;
  evaluator: string;
}

const ANY: FilterForm = { query: '', level: '', subject: '', verdict: '', since: '', until: '', evaluator: '' };
const change = (form: FilterForm, fields: Partial<FilterForm>): FilterForm => ({ ...form, ...fields });

export const useFilterForm = () => useReducer(change, ANY);

const dayStart = (d: string) => (d ? Date.parse(`${d}T00:00:00`) : undefined);
const dayEnd = (d: string) => (d ? Date.parse(`${d}T23:59:59.999`) : undefined);

export function filterOf(f: FilterForm): EvaluationFilter {
  return {
    query: f.query || undefined,
    level: (f.level || undefined) as Level | undefined,
    subject: f.subject || undefined,
    verdict: (f.verdict || undefined) as EvaluationFilter['verdict'],
    since: dayStart(f.since),
    until: dayEnd(f.until),
    evaluator: f.evaluator || undefined,
  };
}

const levelKey = (l: string) => `ctx_level_${camel(l)}`;

export function Filters({ form, onChange, index }: { form: FilterForm; onChange: (fields: Partial<FilterForm>) => void; index: IndexedEvaluation<GradedEvaluation>[] }) {
  const evaluators = useMemo(() => {
    const m = new Map<string, string>();
    for (const x of index) if (!m.has(x.evaluator)) m.set(x.evaluator, evaluatorOf(x.evaluation).name || x.evaluator);
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [index]);
  const text = (field: keyof FilterForm) => ({ value: form[field], onInput: (e: { currentTarget: HTMLInputElement }) => onChange({ [field]: e.currentTarget.value }) });
  const choice = (field: keyof FilterForm) => ({ value: form[field], onChange: (e: { currentTarget: HTMLSelectElement }) => onChange({ [field]: e.currentTarget.value }) });
  return (
    <div class="filters">
      <label>
        {t('dash_search')}
        <input type="search" data-testid="search" {...text('query')} />
      </label>
      <label>
        {t('dash_level')}
        <select {...choice('level')}>
          <option value="">{t('dash_all')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(levelKey(l))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dash_subject')}
        <input type="text" {...text('subject')} />
      </label>
      <label>
        {t('dash_verdict')}
        <select data-testid="filter-verdict" {...choice('verdict')}>
          <option value="">{t('dash_all')}</option>
          <VerdictOptions />
        </select>
      </label>
      <label>
        {t('dash_since')}
        <input type="date" {...text('since')} />
      </label>
      <label>
        {t('dash_until')}
        <input type="date" {...text('until')} />
      </label>
      <label>
        {t('dash_evaluator')}
        <select {...choice('evaluator')}>
          <option value="">{t('dash_all')}</option>
          {evaluators.map(([k, name]) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
