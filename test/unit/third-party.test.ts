import { describe, expect, it } from 'vitest';
import { isThirdParty, registrableDomain } from '../../lib/net/site';
import { thirdPartyService, trackerOf } from '../../lib/trackers/classify';
import { loadTrackerData } from '../../lib/trackers/load';

// The one definition of "third party" (lib/net/site.ts) and of "tracker" (lib/trackers/classify.ts) that the
// trackers, ads and consent detectors and the before/after comparison share.

const PAGE = 'https://www.editeur-exemple.fr/ressource';

describe('third party', () => {
  it('is another registrable domain; subdomains of the page are the page', () => {
    expect(isThirdParty('https://static.editeur-exemple.fr/app.js', PAGE)).toBe(false);
    expect(isThirdParty('https://cdn.jsdelivr.net/npm/x.js', PAGE)).toBe(true);
    expect(isThirdParty('data:text/plain,x', PAGE)).toBe(false);
  });

  it('counts the private section of the public-suffix list: two github.io sites have two owners', () => {
    expect(registrableDomain('https://alice.github.io/cours/')).toBe('alice.github.io');
    expect(isThirdParty('https://bob.github.io/tracker.js', 'https://alice.github.io/cours/')).toBe(true);
    expect(isThirdParty('https://alice.github.io/app.js', 'https://alice.github.io/cours/')).toBe(false);
  });
});

describe('tracker', () => {
  it('is a third party trackerdb files as advertising, analytics or social; a CDN or a font service is not', async () => {
    const db = await loadTrackerData();
    for (const url of ['https://cdn.jsdelivr.net/npm/x.js', 'https://fonts.googleapis.com/css2?family=Marianne', 'https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js']) {
      expect(thirdPartyService(db, url, PAGE)?.category, url).toBe('hosting');
      expect(trackerOf(db, url, PAGE), url).toBeUndefined();
    }
    expect(trackerOf(db, 'https://tag.aticdn.net/123/smarttag.js', PAGE)).toMatchObject({ name: 'Piano Analytics', category: 'site_analytics' });
    expect(trackerOf(db, 'https://connect.facebook.net/fr_FR/fbevents.js', PAGE)).toMatchObject({ organizationName: 'Meta' });
    // A publisher's own analytics host is first party, whatever trackerdb says of the software.
    expect(trackerOf(db, 'https://www.google-analytics.com/analytics.js', 'https://www.google-analytics.com/')).toBeUndefined();
  });
});
