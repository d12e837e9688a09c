import { describe, expect, it } from 'vitest';
import { trackers } from '../../lib/detectors/trackers';
import { storage } from '../../lib/detectors/storage';
import { pageWeight } from '../../lib/detectors/page-weight';
import { formatBytes } from '../../lib/i18n/format';
import { pageRequests } from '../../lib/trackers/requests';
import type { Detector } from '../../lib/detectors/types';
import type { DetectorOutput } from '../../lib/model/finding';
import type { PageSnapshot } from '../../lib/snapshot/schema';
import { link, makeSnapshot, ref } from '../helpers/make-snapshot';
import { fr as frText } from '../helpers/params';

const script = (src: string, selector: string) => ({ src, type: '', ref: ref(selector) });
const resource = (url: string, transferSize = 0, initiatorType = 'script') => ({ url, initiatorType, transferSize, encodedBodySize: transferSize, startTime: 1 });
const byKey = (out: DetectorOutput[]) => Object.fromEntries(out.map((o) => [o.key, o]));
const run = async (d: Detector, s: PageSnapshot) => byKey(await d.run(s, { now: 0 }));

describe('trackers', () => {
  it('groups trackers by organisation, with country, categories, privacy policy and severities', async () => {
    const out = await run(trackers, makeSnapshot({
      scripts: [
        script('https://www.googletagmanager.com/gtag/js?id=G-1', '#gtag'),
        script('https://static.hotjar.com/c/hotjar-1.js', '#hj'),
        script('https://connect.facebook.net/en_US/fbevents.js', '#fb'),
      ],
      resources: [resource('https://www.google-analytics.com/g/collect?v=2', 0, 'beacon'), resource('https://www.googletagmanager.com/gtag/js?id=G-1', 0)],
    }));
    expect(Object.keys(out).sort()).toEqual(['org-facebook', 'org-google', 'org-hotjar', 'session-recording-hotjar', 'summary']);
    // Issue 22: Google's tag with a G- id is Google Analytics (audience measurement), not advertising.
    expect(out['org-google']).toMatchObject({
      severity: 'problem',
      messageKey: 'trackers_org_outsideEu',
      data: { country: 'US', outsideEu: true, privacyPolicy: 'https://policies.google.com/privacy', categories: ['site_analytics'], requests: 2, withoutElement: 1 },
    });
    expect(frText(out['org-google']!.params)).toEqual(['Google', "Google Analytics (mesure d'audience)", 'États-Unis']);
    // The script element is the evidence; the beacon has no element, only its URL.
    expect(out['org-google']!.evidence).toEqual([
      expect.objectContaining({ selector: '#gtag', url: 'https://www.googletagmanager.com/gtag/js?id=G-1' }),
      { url: 'https://www.google-analytics.com/g/collect?v=2', text: 'www.google-analytics.com : requête vue par le navigateur (API Performance), sans élément à montrer sur la page' },
    ]);
    expect(out['org-facebook']).toMatchObject({ severity: 'problem', data: { organization: 'Meta', country: 'US' } });
    expect(out['org-hotjar']).toMatchObject({ severity: 'problem', messageKey: 'trackers_org_eu', data: { country: 'MT', outsideEu: false } });
    expect(out['session-recording-hotjar']).toMatchObject({ severity: 'problem' });
    expect(frText(out['session-recording-hotjar']!.params)).toEqual(['Hotjar']);
    expect(out['session-recording-hotjar']!.evidence[0]!.selector).toBe('#hj');
    expect(out.summary).toMatchObject({ severity: 'info' });
    expect(frText(out.summary!.params)).toEqual(['3', '3', '2', '0']); // Google's tag and beacon are one tracker, Google Analytics (issue 22)
  });

  it('lists unknown third parties as info and leaves first-party subdomains and plain links alone', async () => {
    const out = await run(trackers, makeSnapshot({
      url: 'https://www.example.fr/cours',
      scripts: [script('https://static.example.fr/app.js', '#app'), script('https://cdn.unknown-cdn.example/lib.js', '#lib')],
      images: [{ src: 'https://img.unknown-cdn.example/a.png', alt: '', title: '', width: 1, height: 1, ref: ref('#img') }],
      links: [link('https://www.facebook.com/editeur', 'Facebook'), link('https://doubleclick.net/', 'x')],
    }));
    expect(Object.keys(out).sort()).toEqual(['summary', 'unknown-unknown-cdn.example']);
    expect(out['unknown-unknown-cdn.example']).toMatchObject({ severity: 'info' });
    expect(frText(out['unknown-unknown-cdn.example']!.params)).toEqual(['unknown-cdn.example', '2']);
    expect(out.summary).toMatchObject({ messageKey: 'trackers_summary_unknownOnly' });
    expect(frText(out.summary!.params)).toEqual(['1']);
  });

  it('says nothing was seen on a first-party page and flags a full resource buffer', async () => {
    const clean = await run(trackers, makeSnapshot({ resources: [resource('https://www.editeur-exemple.fr/a.css', 100)] }));
    expect(Object.keys(clean)).toEqual(['none']);
    const full = await run(trackers, makeSnapshot({ limits: { ...makeSnapshot().limits, resourceBufferFull: true } }));
    expect(full['limit-buffer']).toMatchObject({ severity: 'review' });
  });

  it('counts form actions and loading <link> tags, not canonical links', () => {
    const reqs = pageRequests(makeSnapshot({
      linkTags: [
        { rel: 'stylesheet', href: 'https://fonts.googleapis.com/css?family=X', type: '' },
        { rel: 'canonical', href: 'https://other.example/', type: '' },
        { rel: 'preconnect', href: 'https://preconnect.example/', type: '' },
      ],
      forms: [{ action: 'https://forms.hubspot.com/submit', method: 'post', id: '', className: '', heading: '', submitTexts: [], fields: [], virtual: false, ref: ref('#f') }],
    }));
    expect(reqs.map((r) => `${r.source} ${r.host} ${r.thirdParty}`)).toEqual(['link fonts.googleapis.com true', 'form forms.hubspot.com true']);
  });
});

describe('storage', () => {
  it('lists cookies, names tracker cookies and counts web storage keys', async () => {
    const out = await run(storage, makeSnapshot({ storage: { cookieNames: ['_ga', '_ga_ABC', '_hjSession_1', 'panier', '_fbp'], localStorageKeys: 2, sessionStorageKeys: 0 } }));
    expect(out.cookies).toMatchObject({ severity: 'info' });
    expect(frText(out.cookies!.params)).toEqual(['5', '_ga, _ga_ABC, _hjSession_1, panier, _fbp']);
    expect(frText(out['tracker-cookies']!.params)[0]).toBe('_ga (Google Analytics, Google), _ga_ABC (Google Analytics, Google), _hjSession_1 (Hotjar, Hotjar), _fbp (Facebook, Meta)');
    expect(frText(out['web-storage']!.params)).toEqual(['2', '0']);
  });

  it('weighs tracker cookies as their trackers: a first-party analytics set-up is a tracker, not a fact', async () => {
    const analytics = await run(storage, makeSnapshot({ storage: { cookieNames: ['_ga', 'panier'], localStorageKeys: 0, sessionStorageKeys: 0 } }));
    expect(analytics['tracker-cookies']!.severity).toBe('problem');
    expect(analytics.cookies!.severity).toBe('info');
    const ads = await run(storage, makeSnapshot({ storage: { cookieNames: ['_ga', '_fbp'], localStorageKeys: 0, sessionStorageKeys: 0 } }));
    expect(ads['tracker-cookies']!.severity).toBe('blocking');
  });

  it('says when nothing readable was stored', async () => {
    expect(Object.keys(await run(storage, makeSnapshot()))).toEqual(['none']);
    const plain = await run(storage, makeSnapshot({ storage: { cookieNames: ['session'], localStorageKeys: 0, sessionStorageKeys: 0 } }));
    expect(Object.keys(plain)).toEqual(['cookies']);
  });
});

describe('page-weight', () => {
  it('splits requests and bytes between the site and third parties and counts unknown sizes', async () => {
    const out = await run(pageWeight, makeSnapshot({
      url: 'https://www.example.fr/',
      resources: [
        resource('https://www.example.fr/app.js', 120_000),
        resource('https://static.example.fr/img.png', 30_000, 'img'),
        resource('https://www.google-analytics.com/g/collect', 0, 'beacon'),
        resource('https://cdn.tiers.example/lib.js', 1_500_000),
      ],
    }));
    expect(out.weight!.data).toMatchObject({
      requests: 4, bytes: 1_650_000,
      firstParty: { requests: 2, bytes: 150_000, unknownSize: 0 },
      thirdParty: { requests: 2, bytes: 1_500_000, unknownSize: 1 },
    });
    expect(frText(out.weight!.params)).toEqual(['4', '1,7 Mo', '2', '150 ko', '2', '1,5 Mo']);
    expect(frText(out['unknown-sizes']!.params)).toEqual(['1', '1']);
  });

  it('formats bytes the French way', () => {
    expect([0, 999, 12_345, 2_345_678].map((b) => formatBytes(b, 'fr'))).toEqual(['0 octets', '999 octets', '12 ko', '2,3 Mo']);
  });
});
