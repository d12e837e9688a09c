import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { HtmlValidate, Message } from 'html-validate/browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTML_VALIDITY_KINDS } from '../../lib/a11y/html-validate-rules';
import { validateGenerated } from '../../lib/a11y/html-validate-targeted';
import { createHtmlValidator } from '../../lib/a11y/html-validator';
import { generatedFromHtml } from '../helpers/snapshot-from-html';

// RGAA 8.2's targeted validation (lib/a11y/html-validate-targeted.ts) must say exactly what validating the whole
// page says: the same messages, same rules, same selectors, same places in the code, same order. Compared here on
// hand-written trees, on every fixture page, and on real saved pages (/work/shared/data/real-pages, when present),
// each serialised as the page serialises itself for 8.2 (lib/snapshot/a11y-generated.ts).

const UNCLOSED = new Set<string>(HTML_VALIDITY_KINDS.unclosed);
const ROOT = resolve(import.meta.dirname, '../..');
const REAL_PAGES = '/work/shared/data/real-pages';

let validator: HtmlValidate;
beforeAll(async () => {
  validator = await createHtmlValidator();
});

const key = (m: Message) => `${m.ruleId} | ${m.selector} | ${m.offset} | ${m.message}`;
/** Both ways on one serialised page; on a cut page the « unclosed » messages are the cut's and the detector drops them. */
async function compare(html: string, cut = false) {
  const keep = (m: Message) => !(cut && UNCLOSED.has(m.ruleId));
  const whole = validator.validateStringSync(html).results.flatMap((r) => r.messages).filter(keep).map(key);
  const targeted = await validateGenerated(validator, html, cut);
  return { whole, targeted: targeted.messages.filter(keep).map(key), way: targeted.way, validated: targeted.validated };
}

const page = (body: string) => `<!DOCTYPE html>\n<html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;

describe('RGAA 8.2 targeted validation', () => {
  it.each([
    ['a list holding a div', '<main><ul><li>a</li><div>b</div><li>c</li></ul></main>'],
    ['a button in a link, deep', '<nav><a href="/a"><span><span><button>b</button></span></span></a></nav>'],
    ['a div through a transparent link in a span', '<p><span><a href="/x"><div>bloc</div></a></span></p>'.replace('<p>', '<section>').replace('</p>', '</section>')],
    ['obsolete elements among many siblings', `<div>${'<p>x</p>'.repeat(30)}<center>c</center>${'<p>y</p>'.repeat(5)}<font>f</font></div>`],
    ['two captions in a table', '<table><caption>a</caption><caption>b</caption><tbody><tr><td>1</td></tr></tbody></table>'],
    ['a dd outside a dl, and a dd in a div of a dl', '<div><dd>x</dd></div><dl><div><dt>t</dt><dd>d</dd></div></dl>'],
    ['an area outside a map', '<div><area href="/a" alt="a"></div><map name="m"><area href="/b" alt="b"></map>'],
    ['a header in a footer', '<footer><header>h</header></footer>'],
    ['a form in a form', '<form><div><form><input name="q"></form></div></form>'],
    ['an li outside a list', '<div><li>x</li></div>'],
    ['an interactive image in a link', '<a href="/"><img src="a.png" alt="a" usemap="#m"></a><a href="/"><img src="b.png" alt="b"></a>'],
    ['a hidden input and a text input in a button', '<button><input type="hidden" name="a"></button><button><input name="b"></button>'],
    ['an svg whose title has the id of an element far away', '<main><div><ul><li>x</li></ul></div><p><svg aria-labelledby="t1"><title id="t1">t</title></svg></p></main><footer><div id="t1"><ul><div>y</div></ul></div></footer>'],
    ['an svg with a title in a list', '<ul><svg><title>t</title><path d="M0"></path></svg><li>x</li></ul>'],
    ['a fault under an ancestor whose id is repeated', '<main><div id="dup"><ul><div>x</div></ul></div><div id="solo"><ul><div>y</div></ul></div></main><footer><p><span id="dup">z</span></p></footer>'],
    ['a fault under an ancestor with a unique id', '<section id="s"><div><div></div><div><ul><span>z</span></ul></div></div></section>'],
    ['attributes written twice, in two cases', '<div id="a" ID="b"><p CLASS="x" class="y">t</p><span title="c">u</span></div>'],
    ['a clean page', '<header><nav><ul><li><a href="/">a</a></li></ul></nav></header><main><article><h2>t</h2><p>x <em>y</em></p></article></main>'],
  ])('%s: same messages as the whole page', async (_, body) => {
    const r = await compare(page(body));
    expect(r.way).toBe('targeted');
    expect(r.targeted).toEqual(r.whole);
  });

  it('validates the whole page where its code is not the plain tree (a div a script put in a p)', async () => {
    const r = await compare(page('<main><p id="intro">Texte<div>Encart</div></p></main>'));
    expect(r.way).toBe('whole');
    expect(r.targeted).toEqual(r.whole);
    expect(r.whole.length).toBeGreaterThan(0);
  });

  it('an attribute html-validate cannot file (constructor): the whole page is left to it, and it fails as before', async () => {
    const html = page('<main><div><span constructor="c">u</span></div></main>');
    expect(() => validator.validateStringSync(html)).toThrow();
    await expect(validateGenerated(validator, html, false)).rejects.toThrow();
  });

  it('a cut page: the same messages but the cut’s, from a fraction of the code', async () => {
    const html = page(`<main>${`<article><h2>Titre</h2><p>${'Un texte. '.repeat(20)}</p></article>`.repeat(200)}<ul><div>x</div></ul><section><p>Début`).replace('</body></html>', '');
    const r = await compare(html, true);
    expect(r.way).toBe('targeted');
    expect(r.targeted).toEqual(r.whole);
    expect(r.whole.some((m) => m.startsWith('element-permitted-content'))).toBe(true);
    expect(r.validated).toBeLessThan(html.length / 4);
  });

  it('a page with nothing to report is not parsed at all', async () => {
    const r = await compare(page('<main><article><h2>t</h2><p>x</p></article></main>'));
    expect(r).toMatchObject({ whole: [], targeted: [], way: 'targeted', validated: 0 });
  });

  it('every fixture page, serialised: the same messages both ways', async () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.html')) files.push(p);
      }
    };
    walk(join(ROOT, 'test/fixtures'));
    const differences: string[] = [];
    let targeted = 0;
    for (const file of files) {
      const { html, cut } = await generatedFromHtml(readFileSync(file, 'utf8'));
      const r = await compare(html, cut);
      if (r.way === 'targeted') targeted++;
      if (JSON.stringify(r.targeted) !== JSON.stringify(r.whole)) differences.push(file);
    }
    expect(files.length).toBeGreaterThan(150);
    expect(differences).toEqual([]);
    // Most fixtures are the plain tree: the comparison exercises the targeted way, not the fallback.
    expect(targeted).toBeGreaterThan(files.length / 2);
  }, 300_000);

  it.skipIf(!existsSync(REAL_PAGES))('real saved pages (one in eight), serialised: the same messages both ways', async () => {
    const index = JSON.parse(readFileSync(join(REAL_PAGES, 'index.json'), 'utf8')) as { pages: { file: string }[] };
    const sample = index.pages.filter((_, i) => i % 8 === 0);
    const differences: string[] = [];
    let targeted = 0;
    for (const { file } of sample) {
      const { html, cut } = await generatedFromHtml(gunzipSync(readFileSync(join(REAL_PAGES, file))).toString('utf8'));
      const r = await compare(html, cut);
      if (r.way === 'targeted') targeted++;
      if (JSON.stringify(r.targeted) !== JSON.stringify(r.whole)) differences.push(file);
    }
    expect(differences).toEqual([]);
    expect(targeted).toBeGreaterThan(0);
  }, 600_000);
});
