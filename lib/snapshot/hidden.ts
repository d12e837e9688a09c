// Whether the page hides an element from people on purpose: anti-spam "honeypot" fields named age or birthday are
// hidden with the hidden attribute, aria-hidden, an inline style or by being pushed off-screen. Read in the page.

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])|(left|top)\s*:\s*-\d{3,}px/i;

export function hiddenByPage(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return true;
  let e: Element | null = el;
  for (let depth = 0; e && depth < 5; depth++, e = e.parentElement) {
    if (HIDING_STYLE.test(e.getAttribute('style') ?? '')) return true;
  }
  // Off-screen through a stylesheet: only a real layout can tell (a zero rect says nothing).
  // The rect is relative to the viewport: add the scroll so an element merely scrolled past is not "hidden".
  const r = el.getBoundingClientRect();
  const win = el.ownerDocument.defaultView;
  return r.width > 0 && (r.right + (win?.scrollX ?? 0) < 0 || r.bottom + (win?.scrollY ?? 0) < 0);
}
