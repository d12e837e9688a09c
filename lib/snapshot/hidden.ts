// Whether the page hides an element from people on purpose: anti-spam "honeypot" fields named age or birthday are
// hidden with the hidden attribute, aria-hidden, an inline style or by being pushed off-screen. Read in the page.

import { domRead, type DomRead } from './dom-read';

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])|(left|top)\s*:\s*-\d{3,}px/i;
/** How far up an inline style is looked for. */
const STYLE_DEPTH = 5;

export type HiddenCheck = (el: Element) => boolean;

/**
 * One check per gather: the fields of a form share their ancestors, so each ancestor's inline style is read once
 * (a page of 100 forms of 200 fields read it 100,000 times). Read through the prototypes: an ancestor may be a form
 * whose own getAttribute a control named so has replaced.
 */
export function createHiddenCheck(dom: DomRead = domRead(globalThis as unknown as Window)): HiddenCheck {
  const styleHides = new WeakMap<Element, boolean>();
  const hidesByStyle = (e: Element): boolean => {
    let known = styleHides.get(e);
    if (known === undefined) styleHides.set(e, (known = HIDING_STYLE.test(dom.attr(e, 'style') ?? '')));
    return known;
  };
  return (el) => {
    if (dom.closest(el, '[hidden], [aria-hidden="true"], [inert]')) return true;
    let e: Element | null = el;
    for (let depth = 0; e && depth < STYLE_DEPTH; depth++, e = dom.parentElement(e)) {
      if (hidesByStyle(e)) return true;
    }
    // Off-screen through a stylesheet: only a real layout can tell (a zero rect says nothing).
    // The rect is relative to the viewport: add the scroll so an element merely scrolled past is not "hidden".
    const r = dom.rect(el);
    const win = globalThis as unknown as Window;
    return r.width > 0 && (r.right + (win?.scrollX ?? 0) < 0 || r.bottom + (win?.scrollY ?? 0) < 0);
  };
}
