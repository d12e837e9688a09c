import { describe, expect, it } from 'vitest';
import { reasonFromError, whyNotInspectable } from '../../lib/inspect/inspectable';

describe('whyNotInspectable', () => {
  it.each([
    ['https://www.lumni.fr/', null],
    ['http://127.0.0.1:8080/demo.html', null],
    ['file:///home/prof/page.html', null],
    ['chrome://version', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['data:text/html,<p>x</p>', 'data-url'],
    ['https://chromewebstore.google.com/detail/x', 'store-page'],
    ['https://addons.mozilla.org/fr/firefox/', 'store-page'],
    ['https://www.education.gouv.fr/guide.pdf', 'pdf-viewer'],
    [undefined, 'no-url'],
  ])('%s → %s', (url, reason) => {
    expect(whyNotInspectable(url)).toBe(reason);
  });
  it('maps browser refusals', () => {
    expect(reasonFromError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'https://x.fr')).toBe('no-permission');
    expect(reasonFromError('Frame with ID 0 was removed.', 'https://x.fr')).toBe('failed');
  });
});
