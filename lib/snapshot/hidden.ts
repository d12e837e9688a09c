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
  const r = el.getBoundingClientRect();
  return r.width > 0 && (r.right < 0 || r.bottom < 0);
}
