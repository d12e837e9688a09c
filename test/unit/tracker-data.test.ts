import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUT, buildTrackerData, readInstalled, serialize } from '../../scripts/build-tracker-data';
import { lookupPattern, matchUrl, type CompactTrackerData } from '../../lib/trackers/compact';
import { SESSION_RECORDERS } from '../../lib/detectors/trackers';
import { TRACKER_COOKIES } from '../../lib/trackers/cookies';
import { TRACKER_CATEGORIES } from '../../lib/trackers/categories';

const committed = JSON.parse(readFileSync(OUT, 'utf8')) as CompactTrackerData;

describe('the committed tracker table', () => {
  it('is what scripts/build-tracker-data.ts builds from the installed @ghostery/trackerdb', () => {
    const { db, version } = readInstalled();
    expect(committed.version, 'run: npx tsx scripts/build-tracker-data.ts').toBe(version);
    expect(readFileSync(OUT, 'utf8') === serialize(buildTrackerData(db, version)), 'run: npx tsx scripts/build-tracker-data.ts').toBe(true);
    expect(committed.licence).toContain('CC BY-NC-SA 4.0');
  });

  it('knows trackerdb’s own category list, and every pattern uses one of them', () => {
    const { db } = readInstalled();
    expect([...TRACKER_CATEGORIES].sort()).toEqual(Object.keys(db.categories).sort());
    const used = new Set(Object.values(committed.patterns).map(([, category]) => category));
    for (const c of used) expect(TRACKER_CATEGORIES, c).toContain(c);
  });

  it('keeps every trackerdb domain, subdomains included', () => {
    const { db } = readInstalled();
    const domains = Object.keys(db.domains);
    expect(domains.filter((d) => committed.hosts[d] === undefined)).toEqual([]);
    // The reason the lookup walks up the labels (TOOLCHAIN.md: 1,054 of 5,103 are subdomains).
    expect(domains.filter((d) => d.split('.').length > 2).length).toBeGreaterThan(500);
  });

  it('knows every session recorder and tracker cookie the detectors name', () => {
    for (const key of SESSION_RECORDERS) expect(committed.patterns[key], key).toBeDefined();
    for (const [, key] of TRACKER_COOKIES) expect(committed.patterns[key], key).toBeDefined();
  });
});

describe('lookup', () => {
  it('walks up the labels and prefers a path rule of the host', () => {
    expect(lookupPattern(committed, 'a.b.static.hotjar.com', '/c.js')).toBe('hotjar');
    expect(lookupPattern(committed, 'mc.yandex.ru', '/metrika/tag.js')).toBe('yandex_metrika');
    expect(lookupPattern(committed, 'www.googletagmanager.com', '/gtag/js?id=G-1')).toBe('google_tag');
    expect(lookupPattern(committed, 'www.googletagmanager.com', '/gtm.js?id=GTM-1')).toBe('google_tag_manager');
    expect(lookupPattern(committed, 'www.education.gouv.fr', '/')).toBeUndefined();
    expect(lookupPattern(committed, 'com', '/')).toBeUndefined();
    // An own property only: "constructor" or "__proto__" are not hosts.
    expect(lookupPattern(committed, 'constructor', '/')).toBeUndefined();
  });

  it('names the tracker, its category, its organisation, the country and the privacy policy', () => {
    expect(matchUrl(committed, 'https://connect.facebook.net/en_US/fbevents.js')).toMatchObject({
      name: 'Facebook Connect', category: 'site_analytics', organizationName: 'Meta', country: 'US',
      privacyPolicy: expect.stringMatching(/^https:/),
    });
    expect(matchUrl(committed, 'https://securepubads.g.doubleclick.net/tag/js/gpt.js')).toMatchObject({ category: 'advertising', organizationName: 'Google' });
    expect(matchUrl(committed, 'mailto:x@hotjar.com')).toBeUndefined();
    expect(matchUrl(committed, 'not a url')).toBeUndefined();
  });
});
