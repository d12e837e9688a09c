import { describe, expect, it } from 'vitest';
import { oneFindingPerElement } from '../../lib/inspect/merge-findings';
import { guessLanguage } from '../../lib/a11y/text-language';
import { autoplayVerdict } from '../../lib/detectors/a11y-autoplay';
import { isVagueLinkText } from '../../lib/detectors/a11y-link-text';
import { findingSchema, type Finding } from '../../lib/detectors/finding';
import { ref } from '../helpers/make-snapshot';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';

// Loupe's own accessibility rules, the parts fixtures cannot reach: media state a media engine would give, the
// language guess, the merge with axe's findings, and a gather that a hostile page cannot mislead.

describe('autoplay, as ACT rule 80f0bf judges it', () => {
  const media = (over: Partial<Parameters<typeof autoplayVerdict>[0]> = {}) => ({
    tag: 'audio' as const, autoplay: true, muted: false, controls: false, loop: false, paused: false, duration: 10, hasAudio: true, ref: ref('#m'), ...over,
  });
  it('fails sound longer than 3 s with no control; a loop or a stream is endless', () => {
    expect(autoplayVerdict(media())).toBe('failed');
    expect(autoplayVerdict(media({ duration: 2, loop: true }))).toBe('failed');
    expect(autoplayVerdict(media({ duration: -1 }))).toBe('failed');
  });
  it('passes with the native controls; leaves out short, muted, silent or waiting media', () => {
    expect(autoplayVerdict(media({ controls: true }))).toBe('passed');
    expect(autoplayVerdict(media({ duration: 3 }))).toBe('inapplicable');
    expect(autoplayVerdict(media({ muted: true }))).toBe('inapplicable');
    expect(autoplayVerdict(media({ tag: 'video', hasAudio: false }))).toBe('inapplicable');
    expect(autoplayVerdict(media({ autoplay: false }))).toBe('inapplicable');
  });
  it('asks a person when the duration or the sound is not known', () => {
    expect(autoplayVerdict(media({ duration: null }))).toBe('cantTell');
    expect(autoplayVerdict(media({ tag: 'video', hasAudio: null }))).toBe('cantTell');
  });
});

describe('link texts', () => {
  it('knows the French and English texts that say nothing, and bare addresses', () => {
    for (const t of ['Cliquez ici', 'ici.', 'Lire la suite…', 'En savoir plus »', 'plus', "Plus d'infos", 'Click here', 'Read more', 'more', 'https://www.exemple.fr/page']) expect(isVagueLinkText(t), t).toBe(true);
    for (const t of ['Programme de la sortie', 'Lire la suite du chapitre 3', 'Plus de 20 exercices', 'Mentions légales', '']) expect(isVagueLinkText(t), t).toBe(false);
  });
});

describe('language of the running text', () => {
  const fr = 'La photosynthèse est le processus par lequel les plantes fabriquent leur matière organique. Elle se déroule dans les feuilles, qui captent la lumière du soleil, et elle produit du dioxygène que nous respirons. Les élèves observent une feuille au microscope et notent ce qu’ils voient sur leur cahier.';
  const en = 'Photosynthesis is the process by which plants make their own food. It takes place in the leaves, which capture the light of the sun, and it produces the oxygen that we breathe. The pupils look at a leaf with a microscope and they write what they see in their notebook.';
  it('tells French from English on a paragraph, with the words that decided', () => {
    expect(guessLanguage(fr)).toMatchObject({ lang: 'fr' });
    expect(guessLanguage(en)).toMatchObject({ lang: 'en' });
    expect(guessLanguage(en).examples).toContain('the');
  });
  it('says nothing on too little text or an even mix', () => {
    expect(guessLanguage('Bonjour et bienvenue sur le site').lang).toBeNull();
    expect(guessLanguage(`${fr} ${en}`).lang).toBeNull();
  });
});

describe('Loupe and axe on the same element: one finding', () => {
  // Built through the export schema, so each finding's data has its detector's shape as in a real run.
  const finding = (id: string, severity: Finding['severity'], evidence: Finding['evidence'], data: Record<string, unknown>): Finding =>
    findingSchema.parse({ id, detector: id.split('/')[0], category: 'accessibility', severity, messageKey: 'k', params: [{ text: 'aide' }, { count: evidence.length }, { text: '4.10' }], message: 'm', evidence, data });
  const facts = { wcag: ['1.4.2'], rgaa: ['4.10'], users: ['blind'] };
  const axeRule = (rule: string, severity: Finding['severity'], nodes: { selector: string; html: string }[]) => {
    const outcome = severity === 'review' ? 'incomplete' : 'violation';
    return finding(`axe/${outcome}:${rule}`, severity, nodes.map((n) => ({ selector: n.selector, snippet: n.html })), {
      kind: outcome, rule, impact: null, level: 'a-aa', ...facts, nodeCount: nodes.length, nodes: nodes.map((n) => ({ ...n, inFrame: false, summary: '' })),
    });
  };
  const player = (id: string, severity: Finding['severity'], evidence: Finding['evidence']) =>
    finding(id, severity, evidence, { kind: 'player', ...facts, verdict: severity === 'problem' ? 'failed' : 'cantTell', duration: 10, hasAudio: true });
  const music = { selector: 'audio', html: '<audio id="music" src="/m.mp3" autoplay="">' };
  const intro = { selector: '#intro', html: '<video id="intro" src="/i.mp4" autoplay=""></video>' };
  const loupeMusic = player('a11y-autoplay/sound:audio-1', 'problem', [{ selector: 'html > body > audio:nth-of-type(1)', snippet: '<audio id="music" src="/m.mp3" autoplay="">' }]);
  const loupeIntro = player('a11y-autoplay/sound:video-2', 'review', [{ selector: '#intro', snippet: '<video id="intro" src="/i.mp4" autoplay="">' }]);

  it('keeps Loupe’s per-element verdict when it is as severe, and takes the element out of axe’s', () => {
    const out = oneFindingPerElement([loupeMusic], [axeRule('no-autoplay-audio', 'review', [music])]);
    expect(out.later).toEqual([]);
    expect([...out.dropped]).toEqual([]);
  });
  it('keeps axe’s verdict when it is more severe, and drops Loupe’s for that element only', () => {
    const out = oneFindingPerElement([loupeMusic, loupeIntro], [axeRule('no-autoplay-audio', 'problem', [intro])]);
    expect(out.later.map((f) => f.id)).toEqual(['axe/violation:no-autoplay-audio']);
    expect([...out.dropped]).toEqual(['a11y-autoplay/sound:video-2']);
  });
  it('leaves axe’s other elements in its finding, counted again', () => {
    const out = oneFindingPerElement([loupeMusic], [axeRule('no-autoplay-audio', 'review', [music, intro])]);
    const axe = out.later.find((f) => f.detector === 'axe')!;
    expect(axe.evidence.map((e) => e.selector)).toEqual(['#intro']);
    expect(axe.params[1]).toEqual({ count: 1 });
    expect(axe.data).toMatchObject({ nodeCount: 1, nodes: [expect.objectContaining({ selector: '#intro' })] });
  });
  it('takes out axe’s "to check" on ids Loupe already judged, and leaves its other rules', () => {
    const dupLoupe = finding('a11y-duplicate-id/referenced', 'problem', [], { wcag: ['4.1.1'], rgaa: ['8.2'], users: ['blind'], count: 1, ids: ['aide'] });
    const dupAxe = axeRule('duplicate-id-aria', 'review', [{ selector: '#aide', html: '<span id="aide">' }]);
    const other = axeRule('image-alt', 'problem', [{ selector: 'img', html: '<img src="a.png">' }]);
    const out = oneFindingPerElement([dupLoupe], [dupAxe, other]);
    expect(out.later.map((f) => f.id)).toEqual(['axe/violation:image-alt']);
  });
});

describe('the accessibility gather', () => {
  it('keeps the snapshot when the engine cannot say a justified text\'s size (happy-dom and calc(): no number)', async () => {
    // A page of the real-page set (a blog's calc() font size) lost its whole snapshot to the schema's check.
    const snap = await snapshotFromHtml(`<!doctype html><html lang="fr"><body><p style="text-align:justify; font-size: calc(1em + 1px)">${'Un texte assez long pour être justifié. '.repeat(8)}</p></body></html>`);
    expect(snap.a11y.typography).toEqual([expect.objectContaining({ kind: 'justify', fontSize: 0 })]);
  });

  // The gather reads attributes through the prototypes, since <input name="id"> shadows form.id in a browser;
  // happy-dom has no such named access, so this checks what is found, not the shadowing.
  it('finds a duplicated id that a label names, on a form too, and a field labelled by its placeholder only', async () => {
    const snap = await snapshotFromHtml('<html lang="fr"><body><label for="f">Nom</label><form id="f"><input name="id" placeholder="Nom"></form><div id="f"></div></body></html>');
    expect(snap.a11y.duplicateIds).toEqual([expect.objectContaining({ id: 'f', count: 2, attributes: ['for'] })]);
    expect(snap.a11y.fields).toEqual([expect.objectContaining({ placeholder: 'Nom', label: '' })]);
  });
  it('gives link names as a screen reader reads them, and their context', async () => {
    const snap = await snapshotFromHtml('<html lang="fr"><body><p>Le menu de la semaine : <a href="/m"><img src="i.png" alt="menu"> ici<span aria-hidden="true">→</span></a></p><a href="/x" aria-label="Accueil">⌂</a></body></html>');
    expect(snap.a11y.links.map((l) => [l.name, l.context])).toEqual([
      ['menu ici', 'Le menu de la semaine : ici→'],
      ['Accueil', ''],
    ]);
  });
});
