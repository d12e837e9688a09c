import { describe, expect, it } from 'vitest';
import { detectorList } from '../../lib/detectors/registry';
import { inspectPage, type InspectionEvent, type PageAccess } from '../../lib/inspect/pipeline';
import { makeSnapshot, ref } from '../helpers/make-snapshot';

// The pipeline the side panel and the headless audit run (lib/inspect/pipeline.ts), on a fake page: the gather's
// and axe's replies are handed in, everything after them is the real code.

const URL = 'https://www.editeur-exemple.fr/ressource';
const ARTIFACT = {
  engine: 'axe-core 4.14.1',
  url: URL,
  ms: 120,
  violations: [
    { id: 'html-has-lang', impact: 'serious', tags: ['wcag2a', 'wcag311'], help: 'lang', nodeCount: 1, nodes: [{ target: ['html'], html: '<html>', failureSummary: 's', impact: 'serious' }] },
  ],
  incomplete: [],
  passes: 12,
  inapplicable: 30,
};

/** The page's generated code, as the page serialises it for RGAA 8.2: valid. */
const GENERATED = { html: '<!DOCTYPE html>\n<html lang="fr"><head><title>t</title></head><body><p>x</p></body></html>', cut: false };

function page(over: Partial<PageAccess> = {}): PageAccess & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    url: URL,
    gather: async () => (asked.push('gather'), makeSnapshot({ lang: '' })),
    artifact: async (id) => (asked.push(id), id === 'generated' ? GENERATED : ARTIFACT),
    ...over,
  };
}

async function run(p: PageAccess) {
  const events: InspectionEvent[] = [];
  const result = await inspectPage(p, { detectors: detectorList, now: () => Date.UTC(2026, 10, 23), id: 'eval-0001', version: '0.1.0', onEvent: (e) => events.push(e) });
  return { result, events, phases: events.map((e) => (e.phase === 'step' ? e.step : e.phase)) };
}

describe('the inspection pipeline', () => {
  it('reports the fast findings, then the accessibility check, then the merged evaluation', async () => {
    const { result, events, phases } = await run(page());
    expect(phases).toEqual(['gather', 'detectors', 'fast', 'accessibility', 'done']);
    const fast = events.find((e) => e.phase === 'fast')!;
    const fastIds = fast.phase === 'fast' ? fast.result.evaluation.findings.map((f) => f.id) : [];
    expect(fastIds).toContain('a11y-lang/missing');
    expect(fastIds.some((id) => id.startsWith('axe/'))).toBe(false);
    if (!result.ok) throw new Error(result.detail);
    const ids = result.evaluation.findings.map((f) => f.id);
    // axe settles the missing language: the fast finding gives way because a11y-lang declares it (supersededBy).
    expect(ids).not.toContain('a11y-lang/missing');
    expect(ids).toEqual(expect.arrayContaining(['axe/violation:html-has-lang', 'axe/summary']));
    expect(result.evaluation.detectors.find((d) => d.id === 'axe')).toMatchObject({ status: 'ok' });
    expect(result.evaluation.summary.problem).toBe(result.evaluation.findings.filter((f) => f.severity === 'problem').length);
    expect(result.evaluation.id).toBe('eval-0001');
  });

  it('runs a deferred detector (RGAA 8.2 validation) after the fast findings, while the page runs axe', async () => {
    const order: string[] = [];
    let axeDone = false;
    const p = page({
      // The generated code is asked for first and answered at once; axe answers a little later, as a page does: the
      // validation must already be under way by then.
      artifact: async (id) => {
        order.push(`${id} asked`);
        if (id === 'generated') return { html: '<!DOCTYPE html>\n<html lang="fr"><head><title>t</title></head><body><ul id="l"><div>x</div></ul></body></html>', cut: false };
        await new Promise((r) => setTimeout(r, 20));
        axeDone = true;
        return ARTIFACT;
      },
    });
    const events: InspectionEvent[] = [];
    const result = await inspectPage(p, {
      detectors: detectorList.map((d) => (d.id === 'a11y-html-validity' ? { ...d, run: (s: Parameters<typeof d.run>[0], c: Parameters<typeof d.run>[1]) => (order.push(axeDone ? 'validated after axe' : 'validated during axe'), d.run(s, c)) } : d)),
      now: () => Date.UTC(2026, 10, 23), id: 'eval-0002', version: '0.1.0', onEvent: (e) => events.push(e),
    });
    const fast = events.find((e) => e.phase === 'fast')!;
    expect(fast.phase === 'fast' && fast.result.evaluation.findings.some((f) => f.detector === 'a11y-html-validity')).toBe(false);
    expect(order).toEqual(['generated asked', 'axe asked', 'validated during axe']);
    if (!result.ok) throw new Error(result.detail);
    expect(result.evaluation.findings.filter((f) => f.detector === 'a11y-html-validity').map((f) => f.id)).toEqual(['a11y-html-validity/nesting']);
    expect(result.evaluation.detectors.find((d) => d.id === 'a11y-html-validity')).toMatchObject({ status: 'ok' });
  });

  it('says once what Loupe and axe both judge on one element: the autoplaying player, keeping the more severe verdict', async () => {
    const base = makeSnapshot();
    const player = { tag: 'audio' as const, autoplay: true, muted: false, controls: false, loop: false, paused: false, duration: 10, hasAudio: true, ref: { ...ref('#music'), snippet: '<audio id="music" autoplay="">' } };
    const autoplay = { id: 'no-autoplay-audio', impact: 'moderate', tags: ['wcag2a', 'wcag142'], help: 'son', nodeCount: 1, nodes: [{ target: ['#music'], html: '<audio id="music" autoplay="">', failureSummary: 's', impact: 'moderate' }] };
    const ids = async (duration: number | null, where: 'violations' | 'incomplete') => {
      const snapshot = makeSnapshot({ a11y: { ...base.a11y, media: [{ ...player, duration }] } });
      const { result } = await run(page({ gather: async () => snapshot, artifact: async () => ({ ...ARTIFACT, violations: [], [where]: [autoplay] }) }));
      if (!result.ok) throw new Error(result.detail);
      return result.evaluation.findings.map((f) => f.id).filter((id) => id.includes('autoplay'));
    };
    // Loupe knows 10 s of sound (a problem), axe only asks to check: Loupe's finding, with the duration, stays alone.
    expect(await ids(10, 'incomplete')).toEqual(['a11y-autoplay/sound:audio-1']);
    // Loupe could not read the duration (to check), axe says it fails: axe's verdict stands alone.
    expect(await ids(null, 'violations')).toEqual(['axe/violation:no-autoplay-audio']);
  });

  it('keeps the fast findings and names the failure when axe cannot run', async () => {
    const { result, phases } = await run(page({ artifact: async () => { throw new Error('Frame was removed'); } }));
    expect(phases.at(-1)).toBe('done');
    if (!result.ok) throw new Error(result.detail);
    expect(result.evaluation.findings.map((f) => f.id)).toContain('a11y-lang/missing');
    expect(result.evaluation.findings.some((f) => f.detector === 'axe')).toBe(false);
    expect(result.evaluation.detectors.find((d) => d.id === 'axe')).toMatchObject({ status: 'error', error: 'Frame was removed' });
  });

  it('names RGAA 8.2 failed, and keeps axe and the rest, when the page gives no readable generated code', async () => {
    for (const reply of [undefined, { html: 42, cut: false }]) {
      const { result } = await run(page({ artifact: async (id) => (id === 'generated' ? reply : ARTIFACT) }));
      if (!result.ok) throw new Error(result.detail);
      expect(result.evaluation.detectors.find((d) => d.id === 'a11y-html-validity')).toMatchObject({ status: 'error' });
      expect(result.evaluation.detectors.find((d) => d.id === 'axe')).toMatchObject({ status: 'ok' });
      expect(result.evaluation.findings.map((f) => f.id)).toContain('axe/violation:html-has-lang');
    }
  });

  it('refuses a tampered axe reply', async () => {
    const { result } = await run(page({ artifact: async () => ({ ...ARTIFACT, violations: 'all good' }) }));
    expect(result.ok && result.evaluation.detectors.find((d) => d.id === 'axe')).toMatchObject({ status: 'error', error: expect.stringContaining('violations') });
  });

  it('fails with a reason when the page cannot be read, and never asks for axe', async () => {
    const denied = page({ gather: async () => { throw new Error('Cannot access contents of the page'); } });
    const { result, phases } = await run(denied);
    expect(phases).toEqual(['gather', 'failed']);
    expect(result).toMatchObject({ ok: false, reason: 'no-permission' });
    expect(denied.asked).toEqual([]);

    const tampered = await run(page({ gather: async () => ({ url: 42 }) }));
    expect(tampered.result).toMatchObject({ ok: false, reason: 'invalid-snapshot' });

    const browserPage = page({ url: 'chrome://settings' });
    expect((await run(browserPage)).result).toMatchObject({ ok: false, reason: 'browser-page' });
    expect(browserPage.asked).toEqual([]);
  });
});
