import { describe, expect, it } from 'vitest';
import { createHtmlValidator } from '../../lib/a11y/html-validator';
import { a11yHtmlValidity } from '../../lib/detectors/a11y-html-validity';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { emptyA11yFacts } from '../../lib/snapshot/a11y-facts';
import { generatedFromHtml, snapshotFromHtml } from '../helpers/snapshot-from-html';

// RGAA 8.2 on what the fixtures (parsed markup, no script in happy-dom) cannot show: a tree only a script builds,
// attributes written twice, a cut page, and the gather's serialisation itself.

const page = (body: string) => `<!DOCTYPE html>\n<html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;

async function judge(html: string, cut = false) {
  const snapshot = { a11y: emptyA11yFacts() } as unknown as Parameters<typeof runDetectors>[0];
  const run = await runDetectors(snapshot, [a11yHtmlValidity], { now: 0, artifacts: { generated: { html, cut } } });
  expect(run.detectors.filter((d) => d.status === 'error')).toEqual([]);
  return run.findings;
}

describe('a11y-html-validity (RGAA 8.2)', () => {
  it('flags a p a script filled with a div: the element is named once, not its stray end tag', async () => {
    // What Chromium's outerHTML gives for document.querySelector('p').append(document.createElement('div')).
    const found = await judge(page('<main><p id="intro">Texte<div>Encart</div></p></main>'));
    expect(found.map((f) => f.id)).toEqual(['a11y-html-validity/unclosed']);
    expect(found[0]!.evidence.map((e) => e.selector)).toEqual(['#intro']);
    expect(found[0]!.evidence[0]!.snippet).toBe('<p id="intro">');
    expect(found[0]!.data).toMatchObject({ rgaa: ['8.2'], count: 1 });
  });

  it('flags an attribute written twice, with the element outlined', async () => {
    const found = await judge(page('<p><a id="l" href="/a" href="/b">Fiche</a></p>'));
    expect(found.map((f) => `${f.id} ${f.severity}`)).toEqual(['a11y-html-validity/duplicate-attribute problem']);
    expect(found[0]!.evidence[0]!.selector).toBe('#l');
  });

  it('counts an obsolete element once, as obsolete, not also as misplaced', async () => {
    const found = await judge(page('<center>Titre</center><p><font color="red">x</font></p>'));
    expect(found.map((f) => f.id)).toEqual(['a11y-html-validity/obsolete']);
    expect(found[0]!.data).toMatchObject({ count: 2 });
  });

  it('says nothing of the elements a cut page leaves open, and still judges the rest', async () => {
    const cut = page('<ul><div>x</div></ul><main><section><p>Début').replace('</body></html>', '');
    expect((await judge(cut)).map((f) => f.id).sort()).toEqual(['a11y-html-validity/nesting', 'a11y-html-validity/unclosed']);
    expect((await judge(cut, true)).map((f) => f.id)).toEqual(['a11y-html-validity/nesting']);
  });

  it('keeps out what RGAA 8.2 asks but assistive technologies do not feel here (duplicate ids: a11y-duplicate-id)', async () => {
    expect(await judge(page('<p id="a">x</p><p id="a">y</p><img src="a.png" alt="">'))).toEqual([]);
  });

  it('reads the generated code: doctype and DOM serialised, cut after a tag past the limit', async () => {
    const code = await generatedFromHtml(page('<ul id="l"><li>Lundi</li><div>Mardi</div></ul>'));
    expect(code.html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(code.html).toContain('<ul id="l"><li>Lundi</li><div>Mardi</div></ul>');
    expect(code.cut).toBe(false);
    const long = await generatedFromHtml(page(`<p>${'mot '.repeat(80_000)}</p>`));
    expect(long.cut).toBe(true);
    expect(long.html.length).toBeLessThanOrEqual(300_000);
    expect(long.html.endsWith('>')).toBe(true);
  });

  it('is not read by the gather: a page whose serialisation throws still gives its whole snapshot', async () => {
    // The code is asked for in the second phase (lib/inspect/inspect-tab.ts); the first findings never wait for it.
    let proto: object | undefined;
    let saved: PropertyDescriptor | undefined;
    let read = 0;
    try {
      const snap = await snapshotFromHtml(page('<p><a href="/fiche">Fiche</a></p>'), undefined, (doc) => {
        for (let p: object | null = Object.getPrototypeOf(doc.documentElement); p && !saved; p = Object.getPrototypeOf(p)) {
          saved = Object.getOwnPropertyDescriptor(p, 'outerHTML');
          proto = p;
        }
        Object.defineProperty(proto!, 'outerHTML', { ...saved, get: () => { read++; throw new Error('no'); } });
      });
      expect(read).toBe(0);
      expect(snap.a11y.links.length).toBe(1);
      expect(snap.a11y.truncated).toEqual([]);
    } finally {
      if (proto && saved) Object.defineProperty(proto, 'outerHTML', saved);
    }
  });

  it('resolves its configuration once, not again for each page it validates', async () => {
    // html-validate's static loader rebuilds the configuration and the html5 element table on every validation.
    const validator = await createHtmlValidator();
    const first = validator.getConfigForSync('page-1');
    expect(validator.getConfigForSync('page-2')).toBe(first);
    expect(validator.validateStringSync(page('<ul><div>x</div></ul>')).results[0]!.messages.map((m) => m.ruleId)).toEqual(['element-permitted-content']);
    expect(validator.validateStringSync(page('<p>x</p>')).valid).toBe(true);
    expect(validator.getConfigForSync('page-3')).toBe(first);
  });
});
