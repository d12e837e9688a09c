import { describe, expect, it } from 'vitest';
import { addBrowserRequests, parseBrowserRequests, requestLogForPanel } from '../../lib/inspect/browser-requests';
import { emptySnapshot } from '../../lib/snapshot/empty';

describe("the browser's request log, cross-checked with the page's timeline", () => {
  it('adds what the timeline lacks, once, and names the third-party hosts (must flag)', () => {
    const s = emptySnapshot({ url: 'https://www.ecole.fr/page', title: '', lang: '', capturedAt: 0, doctype: 'html' });
    s.resources.push({ url: 'https://www.ecole.fr/style.css', initiatorType: 'link', transferSize: 1, encodedBodySize: 1, startTime: 3 });
    addBrowserRequests(s, ['https://www.ecole.fr/page', 'https://www.ecole.fr/style.css', 'https://connect.facebook.net/fbevents.js', 'https://connect.facebook.net/fbevents.js#x'], (u) => !u.includes('ecole.fr'));
    expect(s.resources.map((r) => r.url)).toEqual(['https://www.ecole.fr/style.css', 'https://connect.facebook.net/fbevents.js']);
    expect(s.limits.browserLog).toEqual({ added: 1, thirdPartyHosts: ['connect.facebook.net'] });
  });
  it('changes nothing when the timeline already holds every request (must not flag)', () => {
    const s = emptySnapshot({ url: 'https://www.ecole.fr/page', title: '', lang: '', capturedAt: 0, doctype: 'html' });
    s.resources.push({ url: 'https://cdn.example.org/a.js', initiatorType: 'script', transferSize: 1, encodedBodySize: 1, startTime: 3 });
    addBrowserRequests(s, ['https://cdn.example.org/a.js'], () => true);
    expect(s.resources).toHaveLength(1);
    expect(s.limits.browserLog).toBeUndefined();
  });
  it('accepts only a JSON list of web addresses in the panel address; anything else is no log', () => {
    expect(parseBrowserRequests(JSON.stringify(['https://a.example/x']))).toEqual(['https://a.example/x']);
    expect(parseBrowserRequests(JSON.stringify(['javascript:alert(1)']))).toBeUndefined();
    expect(parseBrowserRequests('{not json')).toBeUndefined();
    expect(parseBrowserRequests(null)).toBeUndefined();
    expect(requestLogForPanel(['data:,x', 'https://a.example/', 'https://a.example/'])).toEqual(['https://a.example/']);
  });
});
