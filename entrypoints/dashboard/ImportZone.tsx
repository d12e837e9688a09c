import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupFile, restoreBackup } from '@/lib/import/backup';
import { importFolder, type FolderOutcome } from '@/lib/import/folder';
import { importFiles, type FileOutcome } from '@/lib/import/import-files';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { saveFile } from '@/components/save-file';
import type { Settle } from '@/components/use-storage-error';

// Colleagues' export files, picked or dropped, each named with what it brought or why it was refused; and the
// browser's whole base saved to one file and restored from it. The list shows what they add by itself (live query).

export function ImportZone({ settle }: { settle: Settle }) {
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [over, setOver] = useState(false);
  const [folder, setFolder] = useState<Omit<FolderOutcome, 'outcomes'> | undefined>();

  const run = async (files: FileList | File[] | null, restore = false) => {
    if (!files?.length) return;
    const list = [...files].map((f) => ({ name: f.name, size: f.size, text: () => f.text() }));
    const done = settle(restore ? await restoreBackup(loupeDb(), list[0]!, Date.now()) : await importFiles(loupeDb(), list, Date.now()));
    if (done) {
      setFolder(undefined);
      setOutcomes(done);
    }
  };
  // A synced folder (Nextcloud, apps.education.fr): only the files not imported yet are read.
  const runFolder = async (files: FileList | null) => {
    if (!files?.length) return;
    const list = [...files].map((f) => ({ path: f.webkitRelativePath || f.name, size: f.size, lastModified: f.lastModified, text: () => f.text() }));
    const done = settle(await importFolder(loupeDb(), list, Date.now()));
    if (!done) return;
    setFolder({ known: done.known, ignored: done.ignored });
    setOutcomes(done.outcomes);
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
