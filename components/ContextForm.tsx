import { ACCESS, LEVELS, PLACES, USERS, type UseContext } from '@/lib/grid/context';
import { t } from '@/lib/i18n/t';
import { camel } from '@/lib/panel/verdict';

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

/** Asked once per evaluation: who uses the resource and how pupils reach it change what blocks. */
export function ContextForm({ context, onChange }: Props) {
  return (
    <section class="context" aria-labelledby="h-context" data-testid="section:context">
      <h2 id="h-context">{t('ctx_title')}</h2>
      <p class="why">{t('ctx_intro')}</p>
      <Choice field="users" values={USERS} context={context} onChange={onChange} />
      <Choice field="access" values={ACCESS} context={context} onChange={onChange} />
      <div class="row">
        <label>
          {t('ctx_level')}{' '}
          <select data-testid="context:level" value={context.level ?? ''} onChange={(e) => onChange({ ...context, level: (e.currentTarget.value || undefined) as UseContext['level'] })}>
            <option value="">{t('ctx_unset')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`ctx_level_${camel(l)}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ctx_place')}{' '}
          <select data-testid="context:place" value={context.place ?? ''} onChange={(e) => onChange({ ...context, place: (e.currentTarget.value || undefined) as UseContext['place'] })}>
            <option value="">{t('ctx_unset')}</option>
            {PLACES.map((p) => (
              <option key={p} value={p}>
                {t(`ctx_place_${camel(p)}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="block">
        {t('ctx_subject')}{' '}
        <input type="text" data-testid="context:subject" maxLength={200} value={context.subject ?? ''} onInput={(e) => onChange({ ...context, subject: e.currentTarget.value || undefined })} />
      </label>
    </section>
  );
}
