import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupFile } from '@/lib/import/backup';
import { importFolder, type FolderOutcome } from '@/lib/import/folder';
import type { FileOutcome, ImportProgress } from '@/lib/import/import-files';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { saveFile } from '@/components/save-file';
import type { Settle } from '@/components/use-storage-error';
import { startImport, type RunningImport } from './import-runner';
import { markImported } from './paint-marks';

// Colleagues' export files, picked or dropped, each named with what it brought or why it was refused; and the
// browser's whole base saved to one file and restored from it (a restore is an import of that one file). The import
// runs in a Worker (import-runner.ts) and says how far it is (files, evaluations, time left) with a way to stop it;
// the list shows what it adds by itself (live query).

/** `onRunning`: told when an import starts and ends (the page waits for its end to read the whole list again). */
export function ImportZone({ settle, onRunning }: { settle: Settle; onRunning?: (running: boolean) => void }) {
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [over, setOver] = useState(false);
  const [folder, setFolder] = useState<Omit<FolderOutcome, 'outcomes'> | undefined>();
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const running = useRef<RunningImport | undefined>(undefined);
  const [stopping, setStopping] = useState(false);

  const run = async (files: FileList | File[] | null, restore = false) => {
    if (!files?.length || running.current) return;
    const list = restore ? [files[0]!] : [...files];
    setOutcomes([]);
    setStopping(false);
    setProgress({ files: 0, totalFiles: list.length, evaluations: 0, bytes: 0, totalBytes: list.reduce((n, f) => n + f.size, 0), elapsedMs: 0, spent: { readMs: 0, checkMs: 0, writeMs: 0 } });
    let last: ImportProgress | undefined;
    const current = startImport(list, Date.now(), (p) => setProgress((last = p)));
    running.current = current;
    onRunning?.(true);
    const done = settle(await current.done);
    running.current = undefined;
    onRunning?.(false);
    if (last) markImported(last.spent);
    setProgress(undefined);
    if (done) {
      setFolder(undefined);
      setOutcomes(done);
    }
  };
  // A synced folder (Nextcloud, apps.education.fr): only the files not imported yet are read.
  const runFolder = async (files: FileList | null) => {
    if (!files?.length || running.current) return;
    const list = [...files].map((f) => ({ path: f.webkitRelativePath || f.name, size: f.size, lastModified: f.lastModified, text: () => f.text() }));
    const done = settle(await importFolder(loupeDb(), list, Date.now()));
    if (!done) return;
    setFolder({ known: done.known, ignored: done.ignored });
    setOutcomes(done.outcomes);
  };
  const stop = () => {
    setStopping(true);
    running.current?.stop();
  };
  const backup = async () => {
    const file = settle(await backupFile(loupeDb(), Date.now(), browser.runtime.getManifest().version));
    if (file) saveFile(`loupe-sauvegarde-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(file), 'application/json');
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('dash_import')}</h2>
      <div
        class={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void run(e.dataTransfer?.files ?? null);
        }}
      >
        <label>
          {t('dash_importLabel')}{' '}
          <input type="file" multiple accept=".json,application/json" data-testid="import-input" onChange={(e) => void run(e.currentTarget.files)} />
        </label>
        <p>{t('dash_dropHint')}</p>
        <label>
          {t('dash_importFolder')}{' '}
          <input type="file" multiple {...{ webkitdirectory: true }} data-testid="import-folder" onChange={(e) => void runFolder(e.currentTarget.files)} />
        </label>
      </div>
      {progress && (
        <div data-testid="import-progress">
          <p role="status">
            {t('dash_importProgress', progress.files, progress.totalFiles, progress.evaluations)}
            {progress.leftMs !== undefined && progress.files < progress.totalFiles ? ` · ${t('dash_importLeft', Math.max(1, Math.round(progress.leftMs / 1000)))}` : ''}
          </p>
          <progress max={progress.totalBytes || 1} value={progress.bytes} aria-label={t('dash_import')} />{' '}
          <button type="button" class="secondary" data-testid="import-stop" disabled={stopping} onClick={stop}>
            {t('dash_importStop')}
          </button>
        </div>
      )}
      <div role="status" data-testid="import-outcomes">
        {folder && (
          <p data-testid="import-folder-summary" data-known={folder.known}>
            {t('dash_folderSummary', outcomes.length, folder.known, folder.ignored)}
          </p>
        )}
        {outcomes.length > 0 && (
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} data-testid="import-outcome" data-ok={o.ok}>
                <strong>{o.fileName}</strong> :{' '}
                {o.ok ? t('dash_importOk', o.added, o.duplicates, o.consolidations) : t(o.messageKey ?? 'import_invalid', ...(o.params ?? []))}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p>
        <button type="button" class="secondary" data-testid="backup" onClick={() => void backup()}>
          {t('dash_backup')}
        </button>{' '}
        <label>
          {t('dash_restore')} <input type="file" accept=".json,application/json" data-testid="restore-input" onChange={(e) => void run(e.currentTarget.files, true)} />
        </label>
      </p>
    </section>
  );
}
