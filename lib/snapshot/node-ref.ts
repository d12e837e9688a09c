import type { NodeRef } from './schema';

// Selectors name an element so that the panel can find it again. Inside an open shadow root the path goes on after
// SHADOW_SEP, which is not CSS: resolveSelector splits on it and descends through each host's shadowRoot.
export const SHADOW_SEP = ' >>> ';

const identRe = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;

export interface RefMaker {
  /** geometry: false skips the rect and visibility, ~10 µs an element on a big page; links and texts skip it. */
  ref(el: Element, opts?: { label?: string; geometry?: boolean }): NodeRef;
  selector(el: Element): string;
}

/** Builds refs with memoised selector paths, so a page with thousands of links pays for each ancestor once. */
export function createRefMaker(): RefMaker {
  const paths = new WeakMap<Node, string>();
  const nth = new WeakMap<Element, number>();

  function nthOfType(el: Element): number {
    const known = nth.get(el);
    if (known !== undefined) return known;
    const parent = el.parentNode;
    if (!parent) return 1;
    // Number every child of this parent once: a list of 5,000 items costs O(n), not O(n²).
    const counts = new Map<string, number>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const n = (counts.get(c.localName) ?? 0) + 1;
      counts.set(c.localName, n);
      nth.set(c, n);
    }
    return nth.get(el) ?? 1;
  }

  function selector(el: Element): string {
    const cached = paths.get(el);
    if (cached !== undefined) return cached;
    const root = el.getRootNode();
    let result: string;
    const id = el.id;
    if (id && identRe.test(id) && (root as Document | ShadowRoot).getElementById?.(id) === el) {
      result = '#' + id;
    } else {
      const own = el.localName.includes(':') ? `*:nth-child(${indexAmong(el)})` : `${cssName(el.localName)}:nth-of-type(${nthOfType(el)})`;
      const parent = el.parentNode;
      if (!parent || parent.nodeType === Node.DOCUMENT_NODE) result = el.localName;
      else if (parent instanceof ShadowRoot) result = selector(parent.host) + SHADOW_SEP + own;
      else result = selector(parent as Element) + ' > ' + own;
    }
    if (root instanceof ShadowRoot && result.startsWith('#')) result = selector(root.host) + SHADOW_SEP + result;
    paths.set(el, result);
    return result;
  }

  function ref(el: Element, opts: { label?: string; geometry?: boolean } = {}): NodeRef {
    const base = {
      selector: selector(el).slice(0, 2000),
      snippet: startTag(el),
      label: clip(opts.label ?? labelOf(el), 200),
      inFooter: el.closest('footer, [role="contentinfo"], .fr-footer') !== null,
    };
    if (opts.geometry === false) return base;
    const rect = el.getBoundingClientRect();
    const visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : rect.width > 0 || rect.height > 0;
    return {
      ...base,
      rect: {
        x: Math.round(rect.x + (el.ownerDocument.defaultView?.scrollX ?? 0)),
        y: Math.round(rect.y + (el.ownerDocument.defaultView?.scrollY ?? 0)),
        width: Math.round(rect.width),
        height: Math.round(rect.height),
      },
      hidden: !visible || (rect.width === 0 && rect.height === 0),
    };
  }

  return { ref, selector };
}

function indexAmong(el: Element): number {
  let i = 1;
  for (let c = el.previousElementSibling; c; c = c.previousElementSibling) i++;
  return i;
}

function cssName(name: string): string {
  return identRe.test(name) ? name : CSS.escape(name);
}

/** The element's start tag, without its content: serialising a container's outerHTML could cost megabytes. */
export function startTag(el: Element): string {
  let s = '<' + el.localName;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length && s.length < 280; i++) {
    const attr = attrs[i]!;
    const v = attr.value.length > 80 ? attr.value.slice(0, 80) + '…' : attr.value;
    s += ' ' + attr.name + '="' + (v.includes('"') ? v.replace(/"/g, '&quot;') : v) + '"';
  }
  s += '>';
  return s.length > 300 ? s.slice(0, 299) + '…' : s;
}

export function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  if (el instanceof HTMLImageElement) return el.alt || el.title;
  if (el instanceof HTMLInputElement) return el.value || el.placeholder || el.name;
  const text = el.textContent ?? '';
  return text.length > 400 ? text.slice(0, 400) : text;
}

export function clip(s: string, max: number): string {
  if (s.length === 0) return s;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Finds an element again from its selector, through open shadow roots. Returns null when it is gone. */
export function resolveSelector(doc: Document, selector: string): Element | null {
  let scope: Document | ShadowRoot = doc;
  let el: Element | null = null;
  for (const part of selector.split(SHADOW_SEP)) {
    try {
      el = scope.querySelector(part);
    } catch {
      return null;
    }
    if (!el) return null;
    if (el.shadowRoot) scope = el.shadowRoot;
  }
  return el;
}
