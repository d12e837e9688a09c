import { useState } from 'preact/hooks';
import { EvaluationView } from '@/components/EvaluationView';
import { readExportFile } from '@/lib/export/import';
import type { ExportFile } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { accessibilityState } from '@/lib/panel/accessibility-state';

// The panel for a saved evaluation (sidepanel.html?view=saved): an export file, read all or nothing, shown from its
// evaluations alone, the way the live panel showed them. No page is open, so nothing is outlined.

export function Saved() {
  const [file, setFile] = useState<ExportFile | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [index, setIndex] = useState(0);
  const evaluation = file?.evaluations[index];

  const open = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const read = readExportFile(await chosen.text());
    if (read.ok) {
      setFile(read.file);
      setIndex(0);
      setError(undefined);
    } else {
      // The evaluation already shown stays: a bad file loses nothing.
      setError(t(read.messageKey, ...read.params));
    }
  };

  return (
    <main data-testid={evaluation ? 'state:saved' : 'state:idle'} data-a11y={evaluation ? accessibilityState(evaluation).state : 'idle'}>
      <h1 class="saved-title">{t('saved_title')}</h1>
      <p>{t('saved_help')}</p>
      <p>
        <label for="saved-file">{t('saved_file')}</label>{' '}
        <input id="saved-file" type="file" accept=".json,application/json" data-testid="input:saved-file" onChange={(e) => void open(e.currentTarget)} />
      </p>
      {error && (
        <p class="error" role="alert" data-testid="saved:error">
          {error}
        </p>
      )}
      {file && file.evaluations.length > 1 && (
        <p>
          <label for="saved-choice">{t('saved_choose')}</label>{' '}
          <select id="saved-choice" data-testid="select:saved" value={String(index)} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
            {file.evaluations.map((e, i) => (
              <option key={e.id} value={String(i)}>
                {e.resource.title || e.resource.site} — {e.inspectedAt.slice(0, 10)}
              </option>
            ))}
          </select>
        </p>
      )}
      {evaluation && (
        <>
          <p class="note" data-testid="saved:from">
            {t('saved_from', new Date(evaluation.inspectedAt).toLocaleString(), evaluation.loupeVersion)}
          </p>
          <EvaluationView key={evaluation.id} evaluation={evaluation} a11y={accessibilityState(evaluation)} />
        </>
      )}
    </main>
  );
}
