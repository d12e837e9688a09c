import { describe, expect, it } from 'vitest';
import { consentAnswerOf } from '../../lib/detectors/consent';
import { splitAtConsent } from '../../lib/detectors/observed-consent';
import { detectors } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { observationSchema, type ObservationInput } from '../../lib/observe/schema';
import { makeSnapshot } from '../helpers/make-snapshot';

// Before and after consent, observed (issue 23): the person's clicks read as answers to a banner, the requests split
// around them, and the findings. The browser side: test/e2e/observe.spec.ts (the test clicks "Refuser").

const PAGE = 'https://www.editeur-exemple.fr/ressource';
const GA = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST';
const BANNER = 'cookie-banner bandeau';
const click = (text: string, t: number, around = BANNER) => ({ text, around, t });
const req = (url: string, t: number, via: 'beacon' | 'browser' = 'beacon') => ({ url, method: 'POST', via, t });
const isGa = (url: string) => url.startsWith('https://www.google-analytics.com/');

function observation(over: Partial<ObservationInput> = {}) {
  return observationSchema.parse({
    url: PAGE, startedAt: 0, windowMs: 5000, loadMs: 800, totalMs: 6000, ended: 'window', typed: [], requests: [], listeners: [], canvases: [], fonts: [], recorders: [], cookies: [],
    counts: { requests: { kept: 0, dropped: 0 }, listeners: { kept: 0, dropped: 0 }, canvases: { kept: 0, dropped: 0 }, cookies: { kept: 0, dropped: 0 }, hookErrors: 0 }, notObserved: [], ...over,
  });
}

describe('a click read as an answer to a consent banner', () => {
  it('refusals and acceptances inside a recognisable banner', () => {
    expect(consentAnswerOf(click('Refuser', 0))).toBe('refuse');
    expect(consentAnswerOf(click('Continuer sans accepter →', 0))).toBe('refuse');
    expect(consentAnswerOf(click('Tout accepter', 0, 'didomi-notice-agree-button didomi-buttons'))).toBe('accept');
    expect(consentAnswerOf(click('Tout refuser', 0, 'fr-btn fr-consent-banner__buttons'))).toBe('refuse');
  });
  it('a button outside any banner, or one that does not answer, is no answer', () => {
    expect(consentAnswerOf(click('Refuser', 0, 'comment-form moderation'))).toBeUndefined();
    expect(consentAnswerOf(click('OK', 0, 'quiz question-3'))).toBeUndefined();
    expect(consentAnswerOf(click('Personnaliser', 0))).toBeUndefined();
  });
});

describe('requests split around the answer', () => {
  it('tracker requests before the answer, and after a refusal until a later acceptance', () => {
    const o = observation({
      clicks: [click('Lire la suite', 500, 'article'), click('Refuser', 2000), click('Tout accepter', 4000)],
      requests: [req(GA, 100), req('https://www.editeur-exemple.fr/api', 2500), req(GA, 2000), req(GA, 2100), req(GA, 4500)],
    });
    const s = splitAtConsent(o, isGa);
    expect(s.answer).toEqual({ kind: 'refuse', button: 'Refuser', t: 2000 });
    expect(s.before.map((r) => r.t)).toEqual([100]);
    // The same ms as the click: the refusal's own handler sending (Loupe's listener runs first).
    expect(s.afterRefusal.map((r) => r.t)).toEqual([2000, 2100]);
  });
  it('the browser\'s log, on the observation\'s clock, is placed after a refusal only past the time to load', () => {
    const o = observation({ clicks: [click('Refuser', 2000)], requests: [req(GA, 1900, 'browser'), req(GA, 2500, 'browser'), req(GA, 2900, 'browser')] });
    const s = splitAtConsent(o, isGa);
    expect(s.before.map((r) => r.t)).toEqual([1900]);
    expect(s.afterRefusal.map((r) => r.t)).toEqual([2900]);
  });
  it('no answer: nothing is placed', () => {
    expect(splitAtConsent(observation({ clicks: [click('Personnaliser', 1000)], requests: [req(GA, 100)] }), isGa)).toEqual({ before: [], afterRefusal: [] });
  });
});

describe('the detector', () => {
  const banner = makeSnapshot({ marked: [{ kind: 'consent', matched: '#cookie-banner', id: 'cookie-banner', className: '', controls: ['Tout accepter', 'Refuser'], ref: { selector: '#cookie-banner', hidden: false } }] } as never);
  const run = async (o: ReturnType<typeof observation>, snapshot = makeSnapshot()) => {
    const r = await runDetectors(snapshot, [detectors['observed-consent']], { now: 0, artifacts: { observation: o } });
    expect(r.detectors.filter((d) => d.status !== 'ok')).toEqual([]);
    return r.findings;
  };
  it('sent before the answer and still sent after a refusal, named with the organisation', async () => {
    const f = await run(observation({ clicks: [click('Refuser', 2000)], requests: [req(GA, 100), req(GA, 2100)] }));
    expect(f.map((x) => `${x.id} ${x.severity}`)).toEqual(['observed-consent/before-answer problem', 'observed-consent/after-refusal problem']);
    expect(f[1]!.message).toContain('Encore envoyé après un refus');
    expect(f[1]!.message).toContain('Refuser');
    expect(f[1]!.data).toMatchObject({ kind: 'after-refusal', trackers: [{ host: 'www.google-analytics.com', organization: expect.stringMatching(/Google/), requests: 1 }] });
    expect(f[0]!.message).toContain('avant que vous répondiez');
  });
  it('a refusal honoured is said as information; no answer while a banner asks is said, with no claim', async () => {
    expect((await run(observation({ clicks: [click('Refuser', 2000)] }))).map((x) => `${x.id} ${x.severity}`)).toEqual(['observed-consent/refusal-honoured info']);
    expect((await run(observation({ requests: [req(GA, 100)] }), banner)).map((x) => `${x.id} ${x.severity}`)).toEqual(['observed-consent/no-answer info']);
    expect(await run(observation({ requests: [req(GA, 100)] }))).toEqual([]);
  });
});

describe('the grid', () => {
  it('still sent after a refusal makes the consent criterion non-conforme; an unanswered banner suggests nothing', async () => {
    const { GRID } = await import('../../lib/grid/grid');
    const { suggestCriterion } = await import('../../lib/grid/suggest');
    const consent = GRID.find((c) => c.id === 'consent')!;
    const f = (id: string, severity: 'problem' | 'info') => ({ id: `observed-consent/${id}`, detector: 'observed-consent', category: 'consent', severity, messageKey: 'x', params: [], message: '', evidence: [] }) as never;
    const detectorsRan = [{ id: 'consent', status: 'ok' }, { id: 'legal-links', status: 'ok' }] as never;
    expect(suggestCriterion(consent, { findings: [f('after-refusal', 'problem')], detectors: detectorsRan }, {}).rating).toBe('non-conforme');
    expect(suggestCriterion(consent, { findings: [f('no-answer', 'info')], detectors: detectorsRan }, {}).evidence).toEqual([]);
  });
});
