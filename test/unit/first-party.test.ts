import { describe, expect, it } from 'vitest';
import { declaredOwnUrls, sameBrand } from '../../lib/net/first-party';

// "The site's own CDN and asset hosts are first party" (issue 15): by name, only the site's name plus an asset word.
describe('first party by brand', () => {
  it.each([
    ['journal-exemple-static.com', 'journal-exemple.fr', true],
    ['cdn-journal-exemple.net', 'journal-exemple.fr', true],
    ['journal-exemple.net', 'journal-exemple.fr', true],
    ['editeurimg.fr', 'editeur.fr', true],
    ['francetvinfo.fr', 'france.fr', false],
    ['lemde.fr', 'lemonde.fr', false],
    ['journal-exemple-ads.com', 'journal-exemple.fr', false],
    ['abc-cdn.com', 'abc.fr', false],
  ])('%s on %s: %s', (site, page, own) => expect(sameBrand(site, page)).toBe(own));

  it('reads the icon, manifest and sharing image as the page declares them, not its preconnect hints', () => {
    const urls = declaredOwnUrls({
      linkTags: [
        { rel: 'shortcut icon', href: 'https://img.cdn-x.net/favicon.ico' },
        { rel: 'manifest', href: 'https://static.x.net/app.webmanifest' },
        { rel: 'preconnect', href: 'https://www.google-analytics.com' },
      ],
      meta: [{ name: '', property: 'og:image', content: 'https://img.cdn-x.net/share.jpg' }, { name: 'description', property: '', content: 'https://a.example/' }],
    });
    expect(urls).toEqual(['https://img.cdn-x.net/favicon.ico', 'https://static.x.net/app.webmanifest', 'https://img.cdn-x.net/share.jpg']);
  });
});
