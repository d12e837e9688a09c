import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import { App } from './App';

const ui = browser.i18n.getUILanguage();
document.documentElement.lang = ui.startsWith('en') ? 'en' : 'fr';
document.title = `${t('settings_title')} — Loupe`;
render(<App />, document.getElementById('app')!);
