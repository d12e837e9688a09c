// Where on the page a licence or © mention sits, said as a fact for the licence detector: a caption or photo
// credit, an embedded post, a navigation menu, a sentence of the article, or the footer. Read in the page.

export type MentionContext = 'credit' | 'embed' | 'nav' | 'footer' | 'prose' | '';

const CREDIT = 'figcaption, figure, .wp-caption, .caption, .legende, .credit, .credits, .photo-credit, .image-credit, .credit-photo, .copyright-photo, [itemprop="creditText"], [itemprop="copyrightHolder"]';
const EMBED = 'blockquote, .twitter-tweet, .instagram-media, .fb-post, .tiktok-embed, .bluesky-embed, .mastodon-embed';
const NAV = 'nav, [role="navigation"], menu, [role="menu"], [role="menubar"]';
const FOOTER = 'footer, [role="contentinfo"], .fr-footer';

export function mentionContext(el: Element): MentionContext {
  if (el.closest(CREDIT)) return 'credit';
  if (el.closest(EMBED)) return 'embed';
  if (el.closest(NAV)) return 'nav';
  // A footer inside an article is the article's (its byline); the page's footer is outside any article.
  const footer = el.closest(FOOTER);
  if (footer && !footer.closest('article')) return 'footer';
  if (el.closest('p, li, dd, td') && el.closest('article, main, [role="main"]')) return 'prose';
  return '';
}
