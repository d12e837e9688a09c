import { ACCESS, LEVELS, PLACES, USERS, type UseContext } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { camel } from '@/lib/text/key-case';

interface Props {
  context: UseContext;
  onChange: (ctx: UseContext) => void;
}

function Choice<K extends keyof UseContext>({ field, values, context, onChange }: { field: K; values: readonly string[]; context: UseContext; onChange: (ctx: UseContext) => void }) {
  return (
    <fieldset class="choice" data-testid={`context:${field}`}>
      <legend>{t(`ctx_${field}`)}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="radio" name={`ctx-${field}`} value={v} checked={context[field] === v} onChange={() => onChange({ ...context, [field]: v })} />{' '}
          {t(`ctx_${field}_${camel(v)}`)}
        </label>
      ))}
      {context[field] !== undefined && (
        <button type="button" class="link" onClick={() => onChange({ ...context, [field]: undefined })}>
          {t('ctx_unset')}
        </button>
      )}
    </fieldset>
  );
}

function Pick<K extends 'level' | 'place'>({ field, values, context, onChange }: { field: K; values: readonly string[]; context: UseContext; onChange: (ctx: UseContext) => void }) {
  return (
    <label>
      {t(`ctx_${field}`)}{' '}
      <select data-testid={`context:${field}`} value={context[field] ?? ''} onChange={(e) => onChange({ ...context, [field]: e.currentTarget.value || undefined })}>
        <option value="">{t('ctx_unset')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`ctx_${field}_${camel(v)}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Asked once per evaluation: who uses the resource and how pupils reach it change what blocks. */
export function ContextForm({ context, onChange }: Props) {
  return (
    <section class="context" aria-labelledby="h-context" data-testid="section:context">
      <h2 id="h-context">{t('ctx_title')}</h2>
      <p class="why">{t('ctx_intro')}</p>
      <Choice field="users" values={USERS} context={context} onChange={onChange} />
      <Choice field="access" values={ACCESS} context={context} onChange={onChange} />
      <div class="row">
        <Pick field="level" values={LEVELS} context={context} onChange={onChange} />
        <Pick field="place" values={PLACES} context={context} onChange={onChange} />
      </div>
      <label class="block">
        {t('ctx_subject')}{' '}
        <input type="text" data-testid="context:subject" maxLength={200} value={context.subject ?? ''} onInput={(e) => onChange({ ...context, subject: e.currentTarget.value || undefined })} />
      </label>
    </section>
  );
}
