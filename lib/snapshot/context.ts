// Where on the page a licence or © mention sits, said as a fact for the licence detector: a caption or photo
// credit, an embedded post, a navigation menu, a sentence of the article, or the footer. Read in the page.

import { domRead, type DomRead } from './dom-read';

export type MentionContext = 'credit' | 'embed' | 'nav' | 'footer' | 'prose' | '';

const CREDIT = 'figcaption, figure, .wp-caption, .caption, .legende, .credit, .credits, .photo-credit, .image-credit, .credit-photo, .copyright-photo, [itemprop="creditText"], [itemprop="copyrightHolder"]';
const EMBED = 'blockquote, .twitter-tweet, .instagram-media, .fb-post, .tiktok-embed, .bluesky-embed, .mastodon-embed';
const NAV = 'nav, [role="navigation"], menu, [role="menu"], [role="menubar"]';
const FOOTER = 'footer, [role="contentinfo"], .fr-footer';

// Read through the prototypes: an ancestor may be a form whose own `closest` a control named so has replaced.
export function mentionContext(el: Element, dom: DomRead = domRead(globalThis as unknown as Window)): MentionContext {
  if (dom.closest(el, CREDIT)) return 'credit';
  if (dom.closest(el, EMBED)) return 'embed';
  if (dom.closest(el, NAV)) return 'nav';
  // A footer inside an article is the article's (its byline); the page's footer is outside any article.
  const footer = dom.closest(el, FOOTER);
  if (footer && !dom.closest(footer, 'article')) return 'footer';
  if (dom.closest(el, 'p, li, dd, td') && dom.closest(el, 'article, main, [role="main"]')) return 'prose';
  return '';
}
