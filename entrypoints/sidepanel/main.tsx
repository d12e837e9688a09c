import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { Saved } from './Saved';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : browser.i18n.getUILanguage().startsWith('en') ? 'en' : 'fr';
const query = new URLSearchParams(location.search);
const param = query.get('tabId');
// ?view=saved: an exported evaluation, shown without its page; otherwise the live panel (bound to ?tabId=N if given).
render(query.get('view') === 'saved' ? <Saved /> : <App fixedTabId={param ? Number(param) : undefined} />, document.getElementById('app')!);
