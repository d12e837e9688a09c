import { describe, expect, it } from 'vitest';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';

describe('collectSnapshot (gather)', () => {
  it('reads links, forms, scripts, meta and JSON-LD in one pass and validates against the schema', async () => {
    const snap = await snapshotFromHtml(`<!doctype html><html lang="fr"><head><title>Essai</title>
      <meta name="viewport" content="width=device-width"><script type="application/ld+json">{"license":"x"}</script>
      <script src="https://www.google-analytics.com/analytics.js"></script></head><body>
      <a id="l1" href="/mentions-legales">Mentions légales</a>
      <form id="f"><input type="email" name="email"><input type="password" name="pw"><button>Créer un compte</button></form>
      <p>© 2026 Éditeur</p></body></html>`);
    expect(snap.lang).toBe('fr');
    expect(snap.title).toBe('Essai');
    expect(snap.viewport).toBe('width=device-width');
    expect(snap.jsonLd).toEqual(['{"license":"x"}']);
    expect(snap.scripts.map((s) => s.src)).toEqual(['https://www.google-analytics.com/analytics.js']);
    expect(snap.links).toHaveLength(1);
    expect(snap.links[0]).toMatchObject({ href: 'https://www.editeur-exemple.fr/mentions-legales', text: 'Mentions légales' });
    expect(snap.links[0]!.ref.selector).toBe('#l1');
    expect(snap.forms[0]!.fields.map((f) => f.type)).toEqual(['email', 'password']);
    expect(snap.forms[0]!.submitTexts).toEqual(['Créer un compte']);
    expect(snap.textSignals.map((t) => t.pattern)).toContain('copyright');
  });

  it('builds selectors that find the element again, including nth-of-type paths', async () => {
    const snap = await snapshotFromHtml(`<body><ul><li><a href="/a">a</a></li><li><a href="/b">b</a></li></ul></body>`);
    expect(snap.links.map((l) => l.ref.selector)).toEqual([
      'html > body:nth-of-type(1) > ul:nth-of-type(1) > li:nth-of-type(1) > a:nth-of-type(1)',
      'html > body:nth-of-type(1) > ul:nth-of-type(1) > li:nth-of-type(2) > a:nth-of-type(1)',
    ]);
  });

  it('keeps the outermost of nested consent containers only', async () => {
    const snap = await snapshotFromHtml(`<body><div id="tarteaucitronRoot"><div id="tarteaucitron">x</div></div></body>`);
    expect(snap.marked.map((m) => m.id)).toEqual(['tarteaucitronRoot']);
  });
});
