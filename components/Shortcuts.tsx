import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';

// The keyboard shortcuts as the browser has them now: the person may have changed them, or another extension may
// hold the suggested keys, in which case the browser leaves them unset.

const OPEN = ['_execute_action', '_execute_sidebar_action', '_execute_browser_action'];

export function Shortcuts() {
  const [keys, setKeys] = useState<{ open: string; reinspect: string } | undefined>();
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => {
        const find = (names: string[]) => all.find((c) => c.name && names.includes(c.name))?.shortcut || t('panel_shortcutUnset');
        setKeys({ open: find(OPEN), reinspect: find(['reinspect']) });
      })
      .catch(() => undefined);
  }, []);
  if (!keys) return null;
  return (
    <details class="shortcuts">
      <summary>{t('panel_shortcutsTitle')}</summary>
      <p data-testid="shortcuts">{t('panel_shortcuts', keys.open, keys.reinspect)}</p>
    </details>
  );
}
