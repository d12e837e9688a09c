import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../lib/detectors/registry';
import type { Finding } from '../../lib/detectors/finding';
import { isCanvasFingerprint } from '../../lib/detectors/observed-canvas';
import { carriesPage } from '../../lib/detectors/observed-session-recording';
import { suggestCriterion } from '../../lib/grid/suggest';
import { GRID } from '../../lib/grid/grid';
import { observationMessages } from '../../lib/inspect/evaluation';
import { inspectPage } from '../../lib/inspect/pipeline';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { ObservationCollector, scriptCookie } from '../../lib/observe/collector';
import { findValue, needlesOf } from '../../lib/observe/encodings';
import { madeUpValues } from '../../lib/observe/made-up';
import { observationSchema, OBSERVE_LIMITS, type CanvasUse, type Observation, type ObservationInput } from '../../lib/observe/schema';
import { scriptOfStack } from '../../lib/observe/stack';
import { makeSnapshot, ref } from '../helpers/make-snapshot';

// The observed reload's pure parts (issue 23): the forms of a typed value, the collector's caps, and each
// observation detector on hand-built observations, each with its opposite case. The browser side is
// test/e2e/observe.spec.ts.

const PAGE = 'https://www.editeur-exemple.fr/ressource';
const TYPED = 'Camille.Loupe.K7Q2ZX@Exemple-Eleve.fr ';

function observation(over: Partial<ObservationInput> = {}): Observation {
  return observationSchema.parse({
    url: PAGE,
    startedAt: Date.UTC(2026, 11, 7),
    windowMs: 20_000,
    totalMs: 22_000,
    ended: 'window',
    typed: [],
    requests: [],
    listeners: [],
    canvases: [],
    fonts: [],
    recorders: [],
    cookies: [],
    counts: { requests: { kept: 0, dropped: 0 }, listeners: { kept: 0, dropped: 0 }, canvases: { kept: 0, dropped: 0 }, cookies: { kept: 0, dropped: 0 }, hookErrors: 0 },
    notObserved: [],
    ...over,
  });
}
const field = (over: Partial<ObservationInput['typed'][number]> = {}) => ({ selector: '#email', label: 'Adresse électronique', kind: 'email' as const, search: false, value: TYPED, t: 1000, ...over });

async function run(id: keyof typeof detectors, o: Observation, snapshot = makeSnapshot()): Promise<Finding[]> {
  const r = await runDetectors(snapshot, [detectors[id]], { now: 0, artifacts: { observation: o } });
  expect(r.detectors.filter((d) => d.status !== 'ok')).toEqual([]);
  return r.findings;
}
const ids = (fs: Finding[]) => fs.map((f) => `${f.id} ${f.severity}`);

describe('the forms of a typed value', () => {
  // An independent reference: Node's own hashes and base64, not the library Loupe uses.
  const hex = (alg: string, s: string) => createHash(alg).update(s, 'utf8').digest('hex');
  const norm = TYPED.trim().toLowerCase();
  const cases: [string, string][] = [
    ['raw', `{"email":"${TYPED.trim()}"}`],
    ['url', `https://t.example/p?e=${encodeURIComponent(TYPED.trim())}`],
    ['base64', `d=${Buffer.from(TYPED).toString('base64')}`],
    ['md5', `em=${hex('md5', norm)}`],
    ['sha1', `em=${hex('sha1', norm).toUpperCase()}`],
    ['sha256', `{"em":"${hex('sha256', norm)}"}`],
    ['sha512', `h=${hex('sha512', TYPED)}`],
  ];
  it.each(cases)('finds the value %s', (encoding, haystack) => {
    expect(findValue(haystack, needlesOf(TYPED))).toBe(encoding);
  });
  it('finds nothing in traffic that does not hold it', () => {
    const needles = needlesOf(TYPED);
    for (const h of ['', 'em=' + hex('sha256', 'someone@else.fr'), `q=${encodeURIComponent('Camille')}`, Buffer.from('Camille.Loupe').toString('base64')]) expect(findValue(h, needles)).toBeUndefined();
  });
  it('made-up values differ from one observation to the next and keep mixed case', () => {
    const a = madeUpValues();
    const b = madeUpValues();
    expect(a.email).not.toBe(b.email);
    expect(a.email).not.toBe(a.email.toLowerCase());
  });
});

describe('who called', () => {
  it('reads the first page address on a Chromium or Firefox stack, skipping Loupe\'s own script', () => {
    expect(scriptOfStack('Error\n    at s (chrome-extension://abc/observer-main.js:1:200)\n    at https://cdn.tiers.fr/t.js?v=2:3:14\n    at https://site.fr/')).toBe('https://cdn.tiers.fr/t.js?v=2');
    expect(scriptOfStack('s@moz-extension://u/observer-main.js:1:2\nsend@https://cdn.tiers.fr/t.js:3:14\n')).toBe('https://cdn.tiers.fr/t.js');
    expect(scriptOfStack(undefined)).toBeUndefined();
  });
});

describe('the collector', () => {
  it('keeps within its caps and counts what it drops; refuses what does not parse', () => {
    const c = new ObservationCollector(0);
    const events = Array.from({ length: OBSERVE_LIMITS.requests + 25 }, (_, i) => ({ k: 'req', r: { url: `https://a.fr/${i}`, method: 'GET', via: 'fetch', t: i } }));
    // In batches, as the hooks send them; a bad event in a batch costs only itself.
    for (let i = 0; i < events.length; i += 250) c.hookEvent({ k: 'batch', events: events.slice(i, i + 250) });
    c.hookEvent({ k: 'batch', events: [{ k: 'req', r: { url: 42 } }] });
    c.hookEvent('<script>');
    const o = observationSchema.parse(c.result({ url: PAGE, windowMs: 1, totalMs: 1, ended: 'window', notObserved: [] }));
    expect(o.requests).toHaveLength(OBSERVE_LIMITS.requests);
    expect(o.counts.requests).toEqual({ kept: OBSERVE_LIMITS.requests, dropped: 25 });
    expect(c.refused).toBe(2);
  });
  it('says the hooks reported nothing, and that the page went elsewhere', () => {
    const o = new ObservationCollector(0).result({ url: PAGE, windowMs: 1, totalMs: 1, ended: 'navigated', navigatedTo: 'https://login.example/', notObserved: ['frames'] });
    expect(o.notObserved.sort()).toEqual(['frames', 'hooks', 'navigated']);
    const lines = observationMessages(observationSchema.parse(o)).map((m) => m.messageKey);
    expect(lines).toEqual(expect.arrayContaining(['observe_summary', 'observe_notObserved_frames', 'observe_notObserved_hooks', 'observe_notObserved_navigated']));
  });
  it('tells the cookies set during the observation from those already there, partitioned ones included', () => {
    const c = new ObservationCollector(0);
    const base = { path: '/', httpOnly: false, secure: true };
    const o = c.result({
      url: PAGE, windowMs: 1, totalMs: 1, ended: 'window', notObserved: [],
      before: [{ name: 'old', value: '1', domain: '.editeur-exemple.fr', ...base, expirationDate: 10 }],
      after: [
        { name: 'old', value: '1', domain: '.editeur-exemple.fr', ...base, expirationDate: 10 },
        { name: 'chips', value: '2', domain: 'widget.tiers.fr', ...base, partitionKey: { topLevelSite: 'https://editeur-exemple.fr' } },
      ],
    });
    expect(o.cookies.map((k) => [k.name, k.setDuring, k.partitioned])).toEqual([['old', false, false], ['chips', true, true]]);
  });
  it('reads a cookie a script wrote, with its lifetime', () => {
    expect(scriptCookie('_ga', '_ga=1; max-age=100; path=/', PAGE, 1_000_000)).toMatchObject({ domain: 'www.editeur-exemple.fr', expires: 1100, source: 'script' });
  });
});

describe('key logging', () => {
  const sha256 = createHash('sha256').update(TYPED.trim().toLowerCase()).digest('hex');
  it('a value sent to a third party before any submit blocks, whatever carried it (here a WebSocket, hashed)', async () => {
    const o = observation({ typed: [field()], requests: [{ url: 'wss://collect.tiers-exemple.com/ws', method: 'SEND', via: 'websocket', body: `{"em":"${sha256}"}`, script: 'https://collect.tiers-exemple.com/k.js', t: 2000 }] });
    const [f] = await run('observed-keylogging', o);
    expect(ids([f!])).toEqual(['observed-keylogging/sent-0-collect.tiers-exemple.com blocking']);
    expect(f!.data).toMatchObject({ encodings: ['sha256'], vias: ['websocket'], where: ['body'], thirdParty: true });
  });
  it('a first-party search box that suggests as you type gives nothing; another first-party field is to check', async () => {
    const search = field({ selector: '#q', label: 'Rechercher', kind: 'search', search: true, value: 'Loupe Recherche K7Q2ZX' });
    const sent = (v: string) => ({ url: `https://www.editeur-exemple.fr/suggest?q=${encodeURIComponent(v)}`, method: 'GET', via: 'fetch' as const, t: 1 });
    expect(await run('observed-keylogging', observation({ typed: [search], requests: [sent(search.value)] }))).toEqual([]);
    expect(ids(await run('observed-keylogging', observation({ typed: [field()], requests: [sent(TYPED)] })))).toEqual(['observed-keylogging/sent-0-www.editeur-exemple.fr review']);
  });
  it('a value that never leaves gives nothing', async () => {
    expect(await run('observed-keylogging', observation({ typed: [field()], requests: [{ url: 'https://t.tiers-exemple.com/p?x=1', method: 'GET', via: 'image', t: 1 }] }))).toEqual([]);
  });
});

describe('session recording', () => {
  const recorder = 'https://rec.tiers-exemple.com/r.js';
  const dom = JSON.stringify([{ type: 2, data: { node: { type: 0, childNodes: [{ type: 2, tagName: 'html', childNodes: [] }] } } }]);
  it('recognised by what it sends: a serialised DOM, to a third party, blocks', async () => {
    const o = observation({
      recorders: [{ script: recorder }],
      listeners: [{ type: 'mousemove', script: recorder, target: 'document' }],
      requests: [{ url: 'https://rec.tiers-exemple.com/c', method: 'POST', via: 'beacon', body: dom, script: recorder, t: 1 }],
    });
    expect(ids(await run('observed-session-recording', o))).toEqual(['observed-session-recording/sent-rec.tiers-exemple.com blocking']);
  });
  it('a recorder seen sending nothing is to check; a script watching the document without listening to the pupil is nothing', async () => {
    const o = observation({ recorders: [{ script: recorder }], listeners: [{ type: 'click', script: recorder, target: 'document' }], requests: [{ url: 'https://rec.tiers-exemple.com/c', method: 'POST', via: 'fetch', body: '{"n":1}', script: recorder, t: 1 }] });
    expect(ids(await run('observed-session-recording', o))).toEqual(['observed-session-recording/records-rec.tiers-exemple.com review']);
    expect(await run('observed-session-recording', observation({ recorders: [{ script: recorder }] }))).toEqual([]);
  });
  it('a payload carries the page when it holds a DOM tree or the page title in a large body', () => {
    expect(carriesPage(dom, 'Ressource')).toBe(true);
    expect(carriesPage(`{"t":"Exercices de calcul","pad":"${'x'.repeat(2500)}"}`, 'Exercices de calcul')).toBe(true);
    expect(carriesPage('{"t":"Exercices de calcul"}', 'Exercices de calcul')).toBe(false);
  });
});

describe('canvas fingerprinting', () => {
  const use = (over: Partial<CanvasUse>): CanvasUse => ({ canvas: 1, script: 'https://fp.tiers-exemple.com/f.js', width: 240, height: 60, textChars: 30, colors: 2, saveRestore: false, reads: [{ via: 'toDataURL', width: 240, height: 60 }], ...over });
  it('text written then read back is a fingerprint; saved and restored drawing, a small read, a JPEG export or short text are not', () => {
    expect(isCanvasFingerprint(use({}))).toBe(true);
    expect(isCanvasFingerprint(use({ reads: [{ via: 'getImageData', width: 16, height: 16 }] }))).toBe(true);
    expect(isCanvasFingerprint(use({ saveRestore: true }))).toBe(false);
    expect(isCanvasFingerprint(use({ reads: [{ via: 'getImageData', width: 10, height: 10 }] }))).toBe(false);
    expect(isCanvasFingerprint(use({ reads: [{ via: 'toDataURL', width: 240, height: 60, type: 'image/jpeg' }] }))).toBe(false);
    expect(isCanvasFingerprint(use({ textChars: 9 }))).toBe(false);
    expect(isCanvasFingerprint(use({ width: 15 }))).toBe(false);
  });
  it('50 fonts measured by one script is font fingerprinting, 40 is not', async () => {
    expect(ids(await run('observed-canvas', observation({ fonts: [{ script: 'https://fp.tiers-exemple.com/f.js', fonts: 50 }] })))).toEqual(['observed-canvas/fonts-fp.tiers-exemple.com problem']);
    expect(await run('observed-canvas', observation({ fonts: [{ script: 'https://fp.tiers-exemple.com/f.js', fonts: 40 }] }))).toEqual([]);
  });
});

describe('every cookie', () => {
  const day = 24 * 3600;
  const start = Date.UTC(2026, 11, 7) / 1000;
  const cookie = (name: string, domain: string, days: number | undefined, over = {}) => ({ name, domain, path: '/', httpOnly: false, secure: true, partitioned: false, ...(days === undefined ? {} : { expires: start + days * day }), source: 'store' as const, setDuring: true, ...over });
  it('counts first and third party, HttpOnly and partitioned; over 13 months and tracker cookies before consent are problems', async () => {
    const banner = makeSnapshot({ marked: [{ kind: 'consent', matched: '#cookie-consent', tag: 'div', id: 'cookie-consent', className: '', text: 'Cookies', ref: ref('#cookie-consent') }] });
    const o = observation({ cookies: [cookie('_ga', '.editeur-exemple.fr', 730), cookie('sid', 'www.editeur-exemple.fr', 400, { httpOnly: true }), cookie('chips', 'widget.tiers-exemple.com', 30, { partitioned: true }), cookie('pref', 'www.editeur-exemple.fr', 182)] });
    const fs = await run('observed-cookies', o, banner);
    expect(ids(fs).sort()).toEqual(['observed-cookies/before-consent problem', 'observed-cookies/over-13-months problem', 'observed-cookies/summary info']);
    expect(fs.find((f) => f.id.endsWith('summary'))!.data).toMatchObject({ set: 4, firstParty: 3, thirdParty: 1, httpOnly: 1, partitioned: 1 });
    expect((fs.find((f) => f.id.endsWith('over-13-months'))!.data as { cookies: { name: string }[] }).cookies.map((c) => c.name)).toEqual(['_ga', 'sid']);
    expect(fs.find((f) => f.id.endsWith('before-consent'))!.messageKey).toBe('observedCookies_beforeConsent');
  });
  it('a cookie of six months, or one already there before the reload, is only counted or not at all', async () => {
    expect(ids(await run('observed-cookies', observation({ cookies: [cookie('pref', 'www.editeur-exemple.fr', 182)] })))).toEqual(['observed-cookies/summary info']);
    expect(await run('observed-cookies', observation({ cookies: [cookie('_ga', '.editeur-exemple.fr', 730, { setDuring: false })] }))).toEqual([]);
    // 13 months to the day is within the limit; a month more is not.
    expect(ids(await run('observed-cookies', observation({ cookies: [cookie('a', 'www.editeur-exemple.fr', 396)] })))).toEqual(['observed-cookies/summary info']);
    expect(ids(await run('observed-cookies', observation({ cookies: [cookie('a', 'www.editeur-exemple.fr', 430)] }))).sort()).toEqual(['observed-cookies/over-13-months problem', 'observed-cookies/summary info']);
  });
});

describe('pixels', () => {
  const req = (url: string, body?: string) => ({ url, method: body ? 'POST' : 'GET', via: 'image' as const, ...(body ? { body } : {}), t: 1 });
  it('Meta pixel events are listed; its advanced-matching fields are a problem; Google remarketing hits are listed', async () => {
    const o = observation({ requests: [
      req('https://www.facebook.com/tr/?id=1&ev=PageView&dl=x'),
      req('https://www.facebook.com/tr/', 'id=1&ev=Lead&ud[em]=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8&ud[ph]=abc'),
      req('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/?random=1'),
    ] });
    const fs = await run('observed-pixels', o);
    expect(ids(fs)).toEqual(['observed-pixels/facebook-events info', 'observed-pixels/facebook-advanced-matching problem', 'observed-pixels/google-remarketing info']);
    expect(fs[1]!.data).toMatchObject({ events: ['PageView', 'Lead'], matching: ['em', 'ph'] });
  });
  it('a Meta pixel without advanced matching, or a Facebook page that is not the pixel, gives no problem', async () => {
    const fs = await run('observed-pixels', observation({ requests: [req('https://www.facebook.com/tr?id=1&ev=PageView'), req('https://www.facebook.com/editeur?ev=x&ud[em]=y')] }));
    expect(ids(fs)).toEqual(['observed-pixels/facebook-events info']);
  });
});

describe('severities and the grid', () => {
  const trackers = GRID.find((c) => c.id === 'trackers')!;
  const finding = (id: string, severity: Finding['severity']) => ({ id, detector: id.split('/')[0]!, category: 'trackers', severity, messageKey: 'x', params: [], message: 'x', evidence: [] }) as Finding;
  const ran = (ids: string[]) => ids.map((id) => ({ id, status: 'ok' as const, ms: 0 }));
  it('typed data or a recording sent to a third party is a blocking point of "Traceurs et tiers"; fingerprinting weighs as a problem', () => {
    const base = ran(['trackers', 'storage', 'consent']);
    const key = suggestCriterion(trackers, { findings: [finding('observed-keylogging/sent-0-t.fr', 'blocking')], detectors: [...base, ...ran(['observed-keylogging'])] }, {});
    expect(key).toMatchObject({ rating: 'non-conforme', blocking: true });
    const rec = suggestCriterion(trackers, { findings: [finding('observed-session-recording/sent-t.fr', 'blocking')], detectors: base }, {});
    expect(rec).toMatchObject({ rating: 'non-conforme', blocking: true });
    expect(suggestCriterion(trackers, { findings: [finding('observed-canvas/canvas-t.fr', 'problem')], detectors: base }, {})).toMatchObject({ rating: 'partiel', blocking: false });
  });
  it('an inspection without an observed reload leaves the criterion checked, as before', () => {
    expect(suggestCriterion(trackers, { findings: [], detectors: ran(['trackers', 'storage', 'consent']) }, {})).toMatchObject({ rating: 'conforme' });
  });
  it('without an observation the observation detectors do not run and have no status; with one they do', async () => {
    const page = (offers?: 'observation') => ({
      url: PAGE,
      gather: async () => makeSnapshot(),
      artifact: async (id: string) => (id === 'observation' ? observation() : { violations: [], incomplete: [], passes: [], inapplicable: [] }),
      ...(offers ? { offers: [offers] as const } : {}),
    });
    const opts = { detectors: [detectors['observed-canvas'], detectors['legal-links']], now: () => 0, id: '00000000-0000-4000-8000-000000000000', version: '0.1.0' };
    const without = await inspectPage(page(), opts);
    const withIt = await inspectPage(page('observation'), opts);
    if (!without.ok || !withIt.ok) throw new Error('not inspected');
    expect(without.evaluation.detectors.map((d) => d.id)).toEqual(['legal-links']);
    expect(withIt.evaluation.detectors.map((d) => `${d.id} ${d.status}`).sort()).toEqual(['legal-links ok', 'observed-canvas ok']);
    expect(withIt.evaluation.limits.map((l) => l.messageKey)).toContain('observe_summary');
  });
});
