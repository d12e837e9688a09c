import { describe, expect, it } from 'vitest';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';
import { limitMessages } from '../../lib/inspect/evaluation';

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

  it('stops at its time budget on a huge page, returns what it read, and names what it did not reach', async () => {
    // 3,000 links in 3,000 list items: the walk checks its budget every 1,024 elements.
    const html = `<!doctype html><html lang="fr"><body><ul>${Array.from({ length: 3000 }, (_, i) => `<li><a href="/p${i}">Page ${i}</a></li>`).join('')}</ul></body></html>`;
    const cut = await snapshotFromHtml(html, undefined, undefined, { budgetMs: 0 });
    expect(cut.limits.notReached).toEqual({ budgetMs: 0, elements: 1024, total: 6004, a11y: true });
    expect(cut.limits.elementCount).toBe(1024);
    // What was read stands: the links of the first 1,024 elements (html, head, body, ul, then li + a pairs).
    expect(cut.links.length).toBe(510);
    expect(cut.a11y.links).toEqual([]);
    expect(limitMessages(cut).map((m) => [m.messageKey, m.params])).toEqual([
      ['limit_gatherCut', [{ count: 0 }, { count: 1024 }, { count: 6004 }]],
      ['limit_a11yFactsNotRead', [{ count: 0 }]],
    ]);
    // Within its budget, the same page is read whole and says nothing of the kind.
    const whole = await snapshotFromHtml(html);
    expect(whole.limits.notReached).toBeUndefined();
    expect(whole.links.length).toBe(3000);
    expect(whole.a11y.links.length).toBeGreaterThan(0);
    expect(limitMessages(whole).map((m) => m.messageKey)).not.toContain('limit_gatherCut');
  });

  it('notes presentational markup in its walk, as the accessibility facts would query it', async () => {
    const snap = await snapshotFromHtml(`<!doctype html><html lang="fr"><body>
      <center>Titre</center><p><font color="red">rouge</font></p>
      <table><tr><td bgcolor="#eee">case</td></tr></table>
      <img src="a.png" alt="" width="10"><div width="3">bloc</div><svg width="10"></svg><p align="center">centré</p></body></html>`);
    expect(snap.a11y.presentational.map((p) => [p.tag, p.element, p.attributes])).toEqual([
      ['center', true, []],
      ['font', true, ['color']],
      ['td', false, ['bgcolor']],
      ['div', false, ['width']],
      ['p', false, ['align']],
    ]);
  });
  it('gives each link its address as new URL resolves it, and none when it does not parse', async () => {
    // The walk takes the browser's resolution where it is the same as new URL's and falls back where it is not.
    const snap = await snapshotFromHtml(`<body>
      <a href="/cgu">relative</a><a href="https://autre.example/x">absolute</a><a href="  /espaces  ">spaces</a>
      <a href="http://exa mple.com/">broken</a><a href="\u00a0/nbsp">nbsp</a><a href="#haut">fragment</a>
      <map name="m"><area href="plan.html" alt="plan" aria-label="plan"></map>
      <svg><a href="/svg-href"><text>s</text></a><a xlink:href="/svg-xlink"><text>x</text></a></svg></body>`);
    const byText = Object.fromEntries(snap.links.map((l) => [l.text || l.ref.label, l.href]));
    expect(byText).toMatchObject({
      relative: 'https://www.editeur-exemple.fr/cgu',
      absolute: 'https://autre.example/x',
      spaces: 'https://www.editeur-exemple.fr/espaces',
      fragment: 'https://www.editeur-exemple.fr/ressource#haut',
      nbsp: 'https://www.editeur-exemple.fr/nbsp',
      plan: 'https://www.editeur-exemple.fr/plan.html',
      s: 'https://www.editeur-exemple.fr/svg-href',
      x: 'https://www.editeur-exemple.fr/svg-xlink',
    });
    // An address that does not parse is no link (the walk keeps links with an address).
    expect(snap.links.map((l) => l.text)).not.toContain('broken');
  });
});
