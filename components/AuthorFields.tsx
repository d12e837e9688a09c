import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';

// Who evaluates: optional, folded, and the only personal data Loupe keeps. It lets a referent count evaluators and
// see who said what; the export menu can leave it out.

type Author = NonNullable<Evaluation['author']>;
const FIELDS = ['name', 'role', 'school'] as const;

export function AuthorFields({ author = {}, onChange }: { author?: Author; onChange: (a: Author) => void }) {
  return (
    <details class="author" data-testid="section:author">
      <summary>{t('author_title')}</summary>
      <p class="why">{t('author_why')}</p>
      {FIELDS.map((f) => (
        <label key={f} class="block">
          {t(`author_${f}`)}{' '}
          <input type="text" maxLength={200} value={author[f] ?? ''} data-testid={`author:${f}`} onInput={(e) => onChange({ ...author, [f]: e.currentTarget.value })} />
        </label>
      ))}
    </details>
  );
}
