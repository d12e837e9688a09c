import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../lib/detectors/legal-links';
import { collectSnapshot } from '../../lib/snapshot/collect';
import { domRead } from '../../lib/snapshot/dom-read';
import { createRefMaker, resolveSelector } from '../../lib/snapshot/node-ref';
import { pageSnapshotSchema } from '../../lib/snapshot/schema';
import { limitMessages } from '../../lib/inspect/evaluation';
import { notHtml, samePage } from '../../lib/inspect/document-kind';
import { TimeoutError, withTimeout } from '../../lib/inspect/with-timeout';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';
import { fr as frText } from '../helpers/params';

// Hostile pages that need no real browser (the ones that do are in test/e2e/hostile*.spec.ts): each with the
// opposite case beside it.

const link = (href: string, text: string) => ({ href, text, title: '', ariaLabel: '', imgAlt: '' });

describe('hostile pages (gather and detectors)', () => {
  it('a javascript: link is never a legal link, whatever it says; the same text on an address is', () => {
    expect(classifyLink(link('javascript:void(0)', 'Mentions légales'))).toEqual([]);
    expect(classifyLink(link('JavaScript:openPopup("cgu")', 'Conditions générales d’utilisation'))).toEqual([]);
    expect(classifyLink(link('data:text/html,<b>CGU</b>', 'CGU'))).toEqual([]);
    expect(classifyLink(link('https://www.editeur.fr/mentions-legales', 'Mentions légales'))).toEqual(['legal-notice']);
    // A consent manager's settings control is the one javascript: link that means something: cookie settings.
    expect(classifyLink(link('javascript:Didomi.preferences.show()', 'Gérer les cookies'))).toEqual(['cookies']);
  });

  it("a page whose named images shadow the document's members (title, createTreeWalker, defaultView…): the same snapshot", async () => {
    const html = '<head><title>Document piégé</title></head><body><div id="tarteaucitronRoot">Cookies <button>Tout refuser</button></div><div class="cookie-banner">Bandeau</div><a id="cgu" href="/cgu">CGU</a><form id="f"><h2>Créer un compte</h2><input type="email" name="email"><input type="password" name="pw"><button>Créer</button></form></body>';
    // The opposite case: the same page, unshadowed.
    const plain = await snapshotFromHtml(html);
    // Document has [LegacyOverrideBuiltIns]: in a page's own world <img name="title"> replaces document.title
    // (Chromium's isolated world is spared, other callers and engines are not). happy-dom does not shadow by name:
    // own properties stand for the images.
    const members = ['getElementById', 'getElementsByClassName', 'title', 'createTreeWalker', 'defaultView', 'documentElement', 'body', 'baseURI', 'URL', 'cookie', 'readyState', 'contentType', 'doctype', 'styleSheets'];
    const shadowed = await snapshotFromHtml(html, undefined, (doc) => {
      for (const name of members) Object.defineProperty(doc, name, { value: doc.createElement('img') });
    });
    for (const snap of [plain, shadowed]) {
      expect(snap.title).toBe('Document piégé');
      expect(snap.url).toBe('https://www.editeur-exemple.fr/ressource');
      expect(snap.marked.map((m) => m.matched)).toEqual(['#tarteaucitronRoot', '.cookie-banner']);
      expect(snap.links[0]!.ref.selector).toBe('#cgu');
      expect(snap.links[0]!.href).toBe('https://www.editeur-exemple.fr/cgu');
      expect(snap.forms[0]!.fields.map((f) => f.type)).toEqual(['email', 'password']);
      expect(snap.a11y.links.map((l) => l.name)).toEqual(['CGU']);
      expect(snap.limits.unreadElements ?? 0).toBe(0);
    }
  });

  it('one element that throws when read costs that element only: counted, said, the rest stands', async () => {
    const window = new Window({ url: 'https://www.editeur-exemple.fr/', settings: { disableJavaScriptEvaluation: true } });
    const g = globalThis as Record<string, unknown>;
    const saved = { Node: g.Node, NodeFilter: g.NodeFilter, ShadowRoot: g.ShadowRoot, CSS: g.CSS };
    Object.assign(g, { Node: window.Node, NodeFilter: window.NodeFilter, ShadowRoot: window.ShadowRoot });
    g.CSS ??= { escape: (s: string) => s };
    try {
      window.document.write('<body><img id="a" src="/a.png" alt="A"><img id="bad" src="/b.png"><img id="c" src="/c.png" alt="C"><a href="/mentions-legales">Mentions légales</a></body>');
      Object.defineProperty(window.document.getElementById('bad'), 'naturalWidth', { get: () => { throw new TypeError('hostile getter'); } });
      const snap = pageSnapshotSchema.parse(await collectSnapshot(window.document as unknown as Document, { now: () => 0, yieldToPage: async () => {} }));
      expect(snap.images.map((i) => i.alt)).toEqual(['A', 'C']);
      expect(snap.links).toHaveLength(1);
      expect(snap.limits.unreadElements).toBe(1);
      expect(snap.limits.unreadReason).toBe('TypeError: hostile getter');
      expect(limitMessages(snap).map((l) => [l.messageKey, ...frText(l.params)])).toContainEqual(['limit_unreadElements', '1', 'TypeError: hostile getter']);
    } finally {
      Object.assign(g, saved);
      await window.happyDOM.close();
    }
  });

  it('one link that throws in the accessibility pass costs that link only: counted, the other links and facts stand', async () => {
    const window = new Window({ url: 'https://www.editeur-exemple.fr/', settings: { disableJavaScriptEvaluation: true } });
    const g = globalThis as Record<string, unknown>;
    const saved = { Node: g.Node, NodeFilter: g.NodeFilter, ShadowRoot: g.ShadowRoot, CSS: g.CSS };
    Object.assign(g, { Node: window.Node, NodeFilter: window.NodeFilter, ShadowRoot: window.ShadowRoot });
    g.CSS ??= { escape: (s: string) => s };
    try {
      window.document.write('<body><a href="/a">Accueil</a><a id="bad" href="/b">Contact</a><a href="/c">Plan du site</a><input id="q" type="search" aria-label="Rechercher"></body>');
      // The accessibility pass reads a link's parent for its context: make that one read throw.
      Object.defineProperty(window.document.getElementById('bad'), 'parentElement', { get: () => { throw new TypeError('hostile parent'); } });
      const snap = pageSnapshotSchema.parse(await collectSnapshot(window.document as unknown as Document, { now: () => 0, yieldToPage: async () => {} }));
      expect(snap.a11y.links.map((l) => l.name)).toEqual(['Accueil', 'Plan du site']);
      expect(snap.a11y.fields.map((f) => f.ariaLabel)).toEqual(['Rechercher']);
      expect(snap.limits.unreadElements).toBeGreaterThanOrEqual(1);
      expect(limitMessages(snap).map((m) => m.messageKey)).toContain('limit_unreadElements');
    } finally {
      Object.assign(g, saved);
      await window.happyDOM.close();
    }
  });

  it('a page that reads well has no unread element', async () => {
    const snap = await snapshotFromHtml('<body><img src="/a.png" alt="A"></body>');
    expect(snap.limits.unreadElements ?? 0).toBe(0);
    expect(limitMessages(snap).map((m) => m.messageKey)).not.toContain('limit_unreadElements');
  });

  it('labels come from <label for> of the same tree or the wrapping label, without a document-wide search per field', async () => {
    const snap = await snapshotFromHtml(`<body><form><label for="mail">Adresse e-mail</label><input id="mail" type="email">
      <label>Mot de passe <input type="password"></label><input id="nolabel" type="text"></form></body>`);
    expect(snap.forms[0]!.fields.map((f) => f.label)).toEqual(['Adresse e-mail', 'Mot de passe', '']);
  });

  it('forms beyond the cap are not built, and the cut is said', async () => {
    const forms = Array.from({ length: 120 }, (_, i) => `<form id="f${i}"><input name="q${i}"></form>`).join('');
    const snap = await snapshotFromHtml(`<body>${forms}</body>`);
    expect(snap.forms).toHaveLength(100);
    expect(snap.limits.truncated).toContain('forms');
  });

  it('a page that navigated away is reported where it went, and both addresses are named', async () => {
    const snap = await snapshotFromHtml('<body><a href="/cgu">CGU</a></body>', 'https://www.editeur-exemple.fr/apres');
    expect(samePage('https://www.editeur-exemple.fr/avant', snap.url)).toBe(false);
    // The opposite case: a fragment is no navigation.
    expect(samePage('https://www.editeur-exemple.fr/apres#haut', snap.url)).toBe(true);
    snap.limits.navigatedFrom = 'https://www.editeur-exemple.fr/avant';
    expect(limitMessages(snap).map((l) => [l.messageKey, ...frText(l.params)])).toContainEqual(['limit_navigated', 'https://www.editeur-exemple.fr/avant', 'https://www.editeur-exemple.fr/apres']);
  });

  it('PDF, text and SVG documents are named by their type; HTML and XHTML pages are pages', () => {
    expect(notHtml('application/pdf')).toBe('application/pdf');
    expect(notHtml('text/plain')).toBe('text/plain');
    expect(notHtml('image/svg+xml')).toBe('image/svg+xml');
    expect(notHtml('text/html')).toBeNull();
    expect(notHtml('application/xhtml+xml')).toBeNull();
  });

  it('a bounded call that never answers ends with a TimeoutError naming what and how long', async () => {
    const never = new Promise<never>(() => {});
    const err = await withTimeout(never, 20, 'injection').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ what: 'injection', ms: 20 });
    // The opposite case: an answer within the bound is the answer.
    await expect(withTimeout(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
  });

  it('a selector through nested shadow roots whose hosts have ids resolves to the element ("Montrer")', async () => {
    const window = new Window({ url: 'https://www.editeur-exemple.fr/' });
    const g = globalThis as Record<string, unknown>;
    const saved = { ShadowRoot: g.ShadowRoot };
    g.ShadowRoot = window.ShadowRoot;
    try {
      const doc = window.document as unknown as Document;
      doc.body.innerHTML = '<div id="host"></div>';
      const outer = doc.getElementById('host')!.attachShadow({ mode: 'open' });
      outer.innerHTML = '<div id="inner"></div>';
      const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
      inner.innerHTML = '<p>a</p><p id="b">b</p>';
      const refs = createRefMaker(domRead(window as unknown as globalThis.Window));
      const [a, b] = Array.from(inner.querySelectorAll('p'));
      expect(refs.selector(a!)).toBe('#host >>> #inner >>> p:nth-of-type(1)');
      expect(refs.selector(b!)).toBe('#host >>> #inner >>> #b');
      expect(resolveSelector(doc, refs.selector(a!))).toBe(a);
      expect(resolveSelector(doc, refs.selector(b!))).toBe(b);
    } finally {
      Object.assign(g, saved);
      await window.happyDOM.close();
    }
  });
});
