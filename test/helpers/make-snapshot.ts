import { emptySnapshot } from '../../lib/snapshot/empty';
import type { Link, NodeRef, PageSnapshot } from '../../lib/snapshot/schema';

// Hand-built snapshots for unit tests of detectors: milliseconds each, no DOM.

export function ref(selector = '#x', label = ''): NodeRef {
  return { selector, snippet: `<a id="x">`, label, rect: { x: 0, y: 0, width: 10, height: 10 }, inFooter: false, hidden: false };
}

export function link(href: string, text: string, extra: Partial<Link> = {}): Link {
  return { href, text, title: '', ariaLabel: '', rel: '', imgAlt: '', imgSrc: '', ref: ref(), ...extra };
}

export function makeSnapshot(over: Partial<PageSnapshot> = {}): PageSnapshot {
  const base = emptySnapshot({ url: 'https://www.editeur-exemple.fr/ressource', title: 'Ressource', lang: 'fr', capturedAt: 0, doctype: 'html' });
  return {
    ...base,
    links: [link('https://www.editeur-exemple.fr/mentions-legales', 'Mentions légales')],
    limits: { ...base.limits, elementCount: 10, gatherMs: 1 },
    ...over,
  };
}
