import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('en') ? 'en' : 'fr';
document.title = `${t('report_kicker')} — Loupe`;
render(<App id={new URLSearchParams(location.search).get('id') ?? undefined} />, document.getElementById('app')!);
