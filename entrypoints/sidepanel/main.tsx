import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : browser.i18n.getUILanguage().startsWith('en') ? 'en' : 'fr';
const param = new URLSearchParams(location.search).get('tabId');
render(<App fixedTabId={param ? Number(param) : undefined} />, document.getElementById('app')!);
