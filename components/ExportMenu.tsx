import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { evaluationRowsCsv, findingRowsCsv } from '@/lib/export/csv';
import { toEarl } from '@/lib/export/earl';
import { toExportFile } from '@/lib/export/export-file';
import { bundleFileName, evaluationFileName, type ExportExt } from '@/lib/export/file-name';
import { evaluationsMarkdown } from '@/lib/export/markdown';
import type { Evaluation } from '@/lib/detectors/finding';
import type { ExportFile } from '@/lib/export/schema';
import { t } from '@/lib/i18n/t';
import { saveFile } from './save-file';

// The export formats, folded in one « Exporter… » so the panel stays short: the JSON Loupe reads back, CSV for a
// spreadsheet (per evaluation or per finding), Markdown to download or to copy into an ENT message or a mail, EARL
// (JSON-LD) for accessibility tools. The panel has no axe rule table: its EARL names the RGAA criterion, not the ACT rule.

type Format = 'json' | 'csv-evaluations' | 'csv-findings' | 'md' | 'earl';

function nameFor(list: readonly Evaluation[], ext: ExportExt, suffix = ''): string {
  const name = list.length === 1 ? evaluationFileName(list[0]!, ext) : bundleFileName(list.length, Date.now(), ext);
  return suffix ? name.replace(/\.(\w+)$/, `-${suffix}.$1`) : name;
}

function render(file: ExportFile, format: Format, separator: ';' | ','): { name: string; text: string; type: string } {
  const list = file.evaluations;
  if (format === 'json') return { name: nameFor(list, 'json'), text: JSON.stringify(file, null, 2), type: 'application/json' };
  if (format === 'csv-evaluations') return { name: nameFor(list, 'csv'), text: evaluationRowsCsv(file, { separator }), type: 'text/csv;charset=utf-8' };
  if (format === 'csv-findings') return { name: nameFor(list, 'csv', 'constats'), text: findingRowsCsv(file, { separator }), type: 'text/csv;charset=utf-8' };
  if (format === 'earl') return { name: nameFor(list, 'jsonld', 'earl'), text: JSON.stringify(toEarl(list), null, 2), type: 'application/ld+json' };
  return { name: nameFor(list, 'md'), text: evaluationsMarkdown(list), type: 'text/markdown;charset=utf-8' };
}

export function ExportMenu({ evaluations, label, disabled, testId = 'export' }: { evaluations: () => Evaluation[]; label?: string; disabled?: boolean; testId?: string }) {
  const [status, setStatus] = useState<{ error: boolean; text: string } | undefined>();
  // What the person typed about themselves is theirs: it can be left out of what they share.
  const [withoutAuthor, setWithoutAuthor] = useState(false);
  // French spreadsheets split on ";"; some tools want ",".
  const [separator, setSeparator] = useState<';' | ','>(';');
  // The envelope's schema enforces the export's rules (an override has its comment): a draft may not meet them yet.
  const file = (): ExportFile | undefined => {
    try {
      return toExportFile(evaluations(), { now: Date.now(), version: browser.runtime.getManifest().version, withoutAuthor });
    } catch (error) {
      setStatus({ error: true, text: t('exp_failed', error instanceof Error ? error.message.slice(0, 300) : String(error)) });
      return undefined;
    }
  };
  const download = (format: Format) => {
    const f = file();
    if (!f) return;
    setStatus(undefined);
    const out = render(f, format, separator);
    saveFile(out.name, out.text, out.type);
  };
  const copy = async () => {
    const f = file();
    if (!f) return;
    try {
      await navigator.clipboard.writeText(evaluationsMarkdown(f.evaluations));
      setStatus({ error: false, text: t('exp_copied') });
    } catch (error) {
      setStatus({ error: true, text: t('exp_copyFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  const button = (format: Format, key: string) => (
    <button type="button" class="secondary" disabled={disabled} data-testid={`${testId}:${format}`} onClick={() => download(format)}>
      {t(key)}
    </button>
  );
  return (
    <details class="export-menu" data-testid={`${testId}:menu`}>
      <summary>{label ?? t('exp_menu')}</summary>
      <p class="export-options">
        <label>
          <input type="checkbox" checked={withoutAuthor} data-testid={`${testId}:without-author`} onChange={(e) => setWithoutAuthor(e.currentTarget.checked)} /> {t('exp_withoutAuthor')}
        </label>{' '}
        <label>
          {t('exp_separator')}{' '}
          <select value={separator} data-testid={`${testId}:separator`} onChange={(e) => setSeparator(e.currentTarget.value === ',' ? ',' : ';')}>
            <option value=";">{t('exp_separatorSemicolon')}</option>
            <option value=",">{t('exp_separatorComma')}</option>
          </select>
        </label>
      </p>
      <p class="export-buttons">
        {button('json', 'exp_json')} {button('csv-evaluations', 'exp_csvEvaluations')} {button('csv-findings', 'exp_csvFindings')} {button('md', 'exp_markdown')} {button('earl', 'exp_earl')}{' '}
        <button type="button" class="secondary" disabled={disabled} data-testid={`${testId}:copy-md`} onClick={() => void copy()}>
          {t('exp_copyMarkdown')}
        </button>
      </p>
      <p role="status" class={status?.error ? 'error' : undefined} data-testid={`${testId}:status`}>
        {status?.text}
      </p>
    </details>
  );
}
