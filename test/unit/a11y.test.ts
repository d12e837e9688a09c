// @vitest-environment happy-dom
import axe from 'axe-core';
import fr from 'axe-core/locales/fr.json';
import { describe, expect, it } from 'vitest';
import { axeArtifactSchema, type AxeArtifact } from '../../lib/a11y/artifact';
import { axeOutputs, selectorOfTarget } from '../../lib/a11y/axe-findings';
import { cspSafeLocale } from '../../lib/a11y/locale';
import { EXTRA_RULES, rulesToRun, withoutUnfollowedRefresh } from '../../lib/a11y/page-run';
import { RGAA_CRITERIA } from '../../lib/a11y/rgaa-criteria';
import { usersOf } from '../../lib/a11y/users';
import { levelOf, rgaaOf, wcagFromTags, wcagOfRule } from '../../lib/a11y/wcag';
import { zoomBlocked } from '../../lib/detectors/a11y-zoom';
import { playerOf } from '../../lib/detectors/a11y-captions';
import { resolveSelector } from '../../lib/snapshot/node-ref';
import { fr as frText } from '../helpers/params';

describe('WCAG and RGAA mapping', () => {
  it('reads success criteria from axe tags, including two-digit ones', () => {
    expect(wcagFromTags(['cat.text-alternatives', 'wcag2a', 'wcag111', 'wcag1410', 'wcag2411', 'wcag21aa', 'EN-9.1.1.1'])).toEqual(['1.1.1', '1.4.10', '2.4.11']);
    expect(wcagOfRule('presentation-role-conflict', ['best-practice'])).toEqual(['1.1.1']);
    expect(wcagOfRule('region', ['best-practice'])).toEqual([]);
  });

  it('prefers axe’s own RGAA tags, else the criteria that cite the success criterion', () => {
    expect(rgaaOf(['wcag111', 'RGAA-1.1.1', 'RGAA-1.1.5'], ['1.1.1'])).toEqual(['1.1']);
    expect(rgaaOf(['wcag242'], ['2.4.2'])).toEqual(['8.5', '8.6']);
    expect(RGAA_CRITERIA['8.5']!.title).toBe('Chaque page web a-t-elle un titre de page ?');
  });

  it('every RGAA tag axe uses names a criterion of RGAA 4.1.2', () => {
    const tags = axe.getRules().flatMap((r) => r.tags).filter((t) => t.startsWith('RGAA-'));
    expect(tags.length).toBeGreaterThan(20);
    for (const t of tags) expect(rgaaOf([t], []), t).toHaveLength(1);
  });

  it('ranks rule levels and names the pupils hindered', () => {
    expect(levelOf(['wcag2a', 'wcag111'])).toBe('a-aa');
    expect(levelOf(['wcag2aaa', 'wcag146'])).toBe('aaa');
    expect(levelOf(['best-practice'])).toBe('best-practice');
    expect(usersOf('color-contrast', ['1.4.3'])).toEqual(['lowVision']);
    expect(usersOf('image-alt', ['1.1.1'])).toEqual(['blind']);
    expect(usersOf('video-caption', ['1.2.2'])).toEqual(['deaf']);
    expect(usersOf('region', [])).toEqual(['blind']);
  });
});

describe('axe results to findings', () => {
  const artifact: AxeArtifact = axeArtifactSchema.parse({
    engine: 'axe-core 4.14.1',
    url: 'https://www.editeur-exemple.fr/ressource',
    ms: 120,
    violations: [
      { id: 'image-alt', impact: 'critical', tags: ['wcag2a', 'wcag111', 'RGAA-1.1.1'], help: 'x', nodeCount: 2, nodes: [
        { target: ['#a'], html: '<img id="a">', failureSummary: 's', impact: 'critical' },
        { target: ['#frame', 'img'], html: '<img>', failureSummary: 's', impact: 'critical' },
      ] },
      { id: 'color-contrast-enhanced', impact: 'serious', tags: ['wcag2aaa', 'wcag146'], help: 'y', nodeCount: 1, nodes: [
        { target: [['#host', 'p']], html: '<p>', failureSummary: 's', impact: 'serious' },
      ] },
    ],
    incomplete: [
      { id: 'color-contrast', impact: 'serious', tags: ['wcag2aa', 'wcag143'], help: 'z', nodeCount: 1, nodes: [{ target: ['p'], html: '<p>', failureSummary: '', impact: 'serious' }] },
      { id: 'css-orientation-lock', impact: 'serious', tags: ['wcag21aa', 'wcag134', 'experimental'], help: 'o', nodeCount: 1, nodes: [] },
    ],
    passes: 30,
    inapplicable: 40,
  });
  const out = axeOutputs(artifact);
  const byKey = new Map(out.map((o) => [o.key, o]));

  it('keeps violations, "to check" and passes apart, with RGAA numbers and French titles', () => {
    expect(out.map((o) => `${o.key} ${o.severity}`)).toEqual([
      'violation:image-alt problem',
      'violation:color-contrast-enhanced info',
      'incomplete:color-contrast review',
      'summary info',
    ]);
    const img = byKey.get('violation:image-alt')!;
    expect(frText(img.params)).toEqual([fr.rules['image-alt'].help, '2', '1.1']);
    expect(img.data).toMatchObject({ wcag: ['1.1.1'], rgaa: ['1.1'], users: ['blind'], impact: 'critical' });
    expect(byKey.get('summary')!.data).toMatchObject({ violations: 2, incomplete: 2, passes: 30, critical: 1, serious: 0, users: { blind: 1, lowVision: 0 } });
  });

  it('gives selectors the highlighter resolves: shadow paths joined, frames outlined as the frame', () => {
    expect(selectorOfTarget(['#a'])).toEqual({ selector: '#a', inFrame: false });
    expect(selectorOfTarget(['#frame', 'img'])).toEqual({ selector: '#frame', inFrame: true });
    const shadow = selectorOfTarget([['#host', 'p']]);
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>pâle</p>';
    expect(resolveSelector(document, shadow.selector)).toBe(root.querySelector('p'));
    expect(byKey.get('violation:image-alt')!.evidence.map((e) => e.selector)).toEqual(['#a', '#frame']);
  });

  it('refuses a reply from the page that breaks the bounds', () => {
    const bad = { ...artifact, violations: [{ ...artifact.violations[0]!, id: '<script>' }] };
    expect(axeArtifactSchema.safeParse(bad).success).toBe(false);
    expect(axeArtifactSchema.safeParse({ ...artifact, passes: -1 }).success).toBe(false);
  });
});

describe('the axe rules Loupe runs in the page', () => {
  it('are those of a plain axe.run, plus Loupe’s extra ones: no experimental rule unless asked for', () => {
    const run = rulesToRun((axe as unknown as { _audit: Parameters<typeof rulesToRun>[0] })._audit, new Set<string>(EXTRA_RULES));
    // table-fake-caption takes a header spanning the table for a caption (ACT a25f45, passed example 6).
    for (const id of ['table-fake-caption', 'td-has-header', 'p-as-heading', 'focus-order-semantics', 'hidden-content']) expect(run).not.toContain(id);
    for (const id of EXTRA_RULES) expect(run).toContain(id);
    // Off by default and not asked for: deprecated, or left off by axe.
    expect(run).not.toContain('duplicate-id');
    expect(run).not.toContain('target-size');
    const plain = axe.getRules().filter((r) => !r.tags.includes('experimental')).map((r) => r.ruleId);
    expect(run.filter((id) => !(EXTRA_RULES as readonly string[]).includes(id)).every((id) => plain.includes(id))).toBe(true);
  });
});

describe('meta refresh, as a browser follows it', () => {
  const refreshResult = (id: string, selectors: (string | string[])[]) =>
    ({ id, impact: 'critical', tags: [], help: '', description: '', helpUrl: '', nodes: selectors.map((s) => ({ target: [s].flat().length > 1 ? [s].flat() : [s].flat(), html: '', any: [], all: [], none: [] })) }) as unknown as axe.Result;
  const doc = (head: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body></body></html>`, 'text/html');

  it('judges only the first valid refresh: a later one is never acted on (ACT bc659a passed example 2)', () => {
    const d = doc('<meta id="now" http-equiv="refresh" content="0; https://w3.org"><meta id="later" http-equiv="refresh" content="5; https://w3.org">');
    expect(withoutUnfollowedRefresh(refreshResult('meta-refresh', ['#later']), d).nodes).toEqual([]);
    expect(withoutUnfollowedRefresh(refreshResult('meta-refresh-no-exceptions', ['#later']), d).nodes).toEqual([]);
  });

  it('keeps the refresh the browser follows, an invalid one before it not counting (ACT bc659a failed examples)', () => {
    const d = doc('<meta id="bad" http-equiv="refresh" content="soon"><meta id="five" http-equiv="REFRESH" content="5; url=/x">');
    expect(withoutUnfollowedRefresh(refreshResult('meta-refresh', ['#five']), d).nodes).toHaveLength(1);
    // Other rules and elements in frames (their own documents) are left as axe found them.
    expect(withoutUnfollowedRefresh(refreshResult('image-alt', ['#bad']), d).nodes).toHaveLength(1);
    expect(withoutUnfollowedRefresh(refreshResult('meta-refresh', [['iframe', '#later']]), d).nodes).toHaveLength(1);
  });
});

describe('French locale under an extension CSP', () => {
  it('leaves no {{template}} for axe to compile with new Function()', () => {
    const strings: string[] = [];
    const walk = (o: unknown): void => {
      if (typeof o === 'string') strings.push(o);
      else if (o && typeof o === 'object') Object.values(o).forEach(walk);
    };
    walk(cspSafeLocale(fr));
    expect(strings.filter((s) => /\{\{.+?\}\}/.test(s))).toEqual([]);
  });

  it('writes failure summaries as axe’s own template would', () => {
    const doT = (axe as unknown as { imports: { doT: { compile(s: string): (it: unknown) => string } } }).imports.doT;
    const locale = cspSafeLocale(fr) as unknown as { failureSummaries: Record<string, { failureMessage: (i: string[]) => string }> };
    const items = ['Premier défaut', 'Second\ndéfaut'];
    for (const k of ['any', 'none'] as const) {
      expect(locale.failureSummaries[k]!.failureMessage(items)).toBe(doT.compile(fr.failureSummaries[k].failureMessage)(items));
    }
  });
});

describe('adaptability helpers', () => {
  it('sees zoom blocked as ACT rule b4f0c3 does', () => {
    expect(zoomBlocked('width=device-width, user-scalable=no')).toBe(true);
    expect(zoomBlocked('width=device-width, user-scalable=0')).toBe(true);
    expect(zoomBlocked('width=device-width, maximum-scale=1.5')).toBe(true);
    expect(zoomBlocked('width=device-width, maximum-scale=2')).toBe(false);
    expect(zoomBlocked('width=device-width, initial-scale=1')).toBe(false);
    expect(zoomBlocked('')).toBe(false);
  });

  it('recognises the video players whose captions Loupe cannot know', () => {
    expect(playerOf('https://www.youtube.com/embed/x')).toBe('YouTube');
    expect(playerOf('https://player.vimeo.com/video/1')).toBe('Vimeo');
    expect(playerOf('https://www.dailymotion.com/embed/video/x')).toBe('Dailymotion');
    expect(playerOf('https://notyoutube.com.example.org/embed')).toBeUndefined();
    expect(playerOf('not a url')).toBeUndefined();
  });
});
