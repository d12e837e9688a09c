import { domRead, openOrClosedShadowRoot, type DomRead } from './dom-read';
import { docCall, docGet } from './doc-read';
import type { NodeRef } from './schema';
import { stripBidi } from '../text/untrusted';

// Selectors name an element so that the panel can find it again. Inside an open shadow root the path goes on after
// SHADOW_SEP, which is not CSS: resolveSelector splits on it and descends through each host's shadowRoot.
export const SHADOW_SEP = ' >>> ';
/**
 * Inside a same-origin frame (the gather walks them with the page), the path starts with the frame element's own
 * selector in its parent document, then FRAME_SEP, then the path inside the frame; nested frames chain.
 */
const FRAME_SEP = ' |>> ';

const FOOTER = 'footer, [role="contentinfo"], .fr-footer';
const identRe = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;

export interface RefMaker {
  /**
   * geometry: false skips the rect and visibility, ~10 µs an element on a big page; links and texts skip it. text: the
   * element's textContent when the caller has just read it (the label is built from it, not read again).
   */
  ref(el: Element, opts?: { label?: string; geometry?: boolean; text?: string }): NodeRef;
  selector(el: Element): string;
}

/**
 * Builds refs with memoised selector paths, so a page with thousands of links pays for each ancestor once. Every
 * read goes through `dom` (prototype getters): a form's named controls must not change what is read.
 */
export function createRefMaker(dom: DomRead = domRead(globalThis as unknown as Window)): RefMaker {
  // Maps, not WeakMaps: a RefMaker lives for one gather, and V8's weak tables cost several times a Map's look-up on
  // the walk's hot path (npm run bench, gather).
  const paths = new Map<Node, string>();
  const nth = new Map<Element, number>();

  const childCounts = new Map<string, number>();

  function nthOfType(el: Element): number {
    const known = nth.get(el);
    if (known !== undefined) return known;
    const parent = dom.parentNode(el);
    if (!parent) return 1;
    // Number every child of this parent once: a list of 5,000 items costs O(n), not O(n²). One table for every
    // parent, emptied each time: a page has thousands of parents.
    const counts = childCounts;
    counts.clear();
    for (let c = dom.firstElementChild(parent); c; c = dom.nextElementSibling(c)) {
      const name = dom.localName(c);
      const n = (counts.get(name) ?? 0) + 1;
      counts.set(name, n);
      nth.set(c, n);
    }
    return nth.get(el) ?? 1;
  }

  function selector(el: Element): string {
    const cached = paths.get(el);
    if (cached !== undefined) return cached;
    let result: string;
    const id = dom.attr(el, 'id') ?? '';
    const name = dom.localName(el);
    // The tree's root is looked up (a walk to the top) only for an element with an id: it says whether the id is
    // unique in that tree, and how to reach the tree.
    const root = id && identRe.test(id) ? dom.rootNode(el) : null;
    if (root && (dom.nodeType(root) === 9 || dom.nodeType(root) === 11) && dom.byId(root as Document | ShadowRoot, id) === el) {
      result = '#' + id;
      // An id is unique within its own tree only: prefixed by the host's path (or the frame's). Only an id-named
      // element is prefixed: a path built from the parent already carries it ("#host >>> #host >>> …" resolved to
      // nothing).
      if (dom.nodeType(root) === 11) result = selector((root as ShadowRoot).host) + SHADOW_SEP + result;
      else if (dom.nodeType(root) === 9) result = inFrame(root as Document, result);
    } else {
      const own = name.includes(':') ? `*:nth-child(${indexAmong(el)})` : `${cssName(name)}:nth-of-type(${nthOfType(el)})`;
      const parent = dom.parentNode(el);
      if (!parent) result = name;
      else if (dom.nodeType(parent) === 9) result = inFrame(parent as Document, name);
      else if (dom.nodeType(parent) === 11) result = selector((parent as ShadowRoot).host) + SHADOW_SEP + own;
      else result = selector(parent as Element) + ' > ' + own;
    }
    paths.set(el, result);
    return result;
  }

  /** `path` prefixed with the frame element's selector when `doc` is a same-origin frame's document. */
  function inFrame(doc: Document, path: string): string {
    let frame: Element | null = null;
    try {
      frame = docGet<Window | null>(doc, 'defaultView')?.frameElement ?? null;
    } catch {
      // A cross-origin parent: the frame is not reachable from here (the gather does not walk such frames).
    }
    return frame ? selector(frame) + FRAME_SEP + path : path;
  }

  // The same link is placed by the main walk and by the accessibility pass: its ref is built once. Only refs
  // without geometry and with the element's own label are kept (a rect can change between two reads).
  const plain = new Map<Element, NodeRef>();

  function ref(el: Element, opts: { label?: string; geometry?: boolean; text?: string } = {}): NodeRef {
    const reusable = opts.geometry === false && opts.label === undefined;
    if (reusable) {
      const known = plain.get(el);
      if (known) return known;
    }
    const base = {
      selector: selector(el).slice(0, 2000),
      snippet: startTag(el, dom),
      label: clip(opts.label ?? labelOf(el, dom, opts.text), 200),
      inFooter: inFooter(el),
    };
    if (reusable) plain.set(el, base);
    if (opts.geometry === false) return base;
    const rect = dom.rect(el);
    const visible = dom.visible(el) ?? (rect.width > 0 || rect.height > 0);
    return {
      ...base,
      rect: {
        x: Math.round(rect.x + ((globalThis as { scrollX?: number }).scrollX ?? 0)),
        y: Math.round(rect.y + ((globalThis as { scrollY?: number }).scrollY ?? 0)),
        width: Math.round(rect.width),
        height: Math.round(rect.height),
      },
      hidden: !visible || (rect.width === 0 && rect.height === 0),
    };
  }

  // Whether an element is in the page's footer, remembered per ancestor: cards of a long list share theirs.
  const footers = new Map<Element, boolean>();
  function inFooter(el: Element): boolean {
    const known = footers.get(el);
    if (known !== undefined) return known;
    const parent = dom.parentElement(el);
    const result = dom.matches(el, FOOTER) || (parent !== null && inFooter(parent));
    footers.set(el, result);
    return result;
  }

  function indexAmong(el: Element): number {
    let i = 1;
    for (let c = dom.previousElementSibling(el); c; c = dom.previousElementSibling(c)) i++;
    return i;
  }

  return { ref, selector };
}

/** Element names, escaped once each: a page has a few dozen and the walk asks for them thousands of times. */
const cssNames = new Map<string, string>();
function cssName(name: string): string {
  let escaped = cssNames.get(name);
  if (escaped === undefined) {
    escaped = identRe.test(name) ? name : CSS.escape(name);
    if (cssNames.size < 1000) cssNames.set(name, escaped);
  }
  return escaped;
}

/** The element's start tag, without its content: serialising a container's outerHTML could cost megabytes. */
function startTag(el: Element, dom: DomRead = domRead(globalThis as unknown as Window)): string {
  let s = '<' + dom.localName(el);
  const attrs = dom.attributes(el);
  for (let i = 0; i < attrs.length && s.length < 280; i++) {
    const attr = attrs[i]!;
    const v = attr.value.length > 80 ? attr.value.slice(0, 80) + '…' : attr.value;
    s += ' ' + attr.name + '="' + (v.includes('"') ? v.replace(/"/g, '&quot;') : v) + '"';
  }
  s += '>';
  return s.length > 300 ? s.slice(0, 299) + '…' : s;
}

export function labelOf(el: Element, dom: DomRead = domRead(globalThis as unknown as Window), ownText?: string): string {
  const aria = dom.attr(el, 'aria-label');
  if (aria) return aria;
  const name = dom.localName(el);
  if (name === 'img') return (el as HTMLImageElement).alt || (el as HTMLImageElement).title;
  if (name === 'input') return (el as HTMLInputElement).value || (el as HTMLInputElement).placeholder || (el as HTMLInputElement).name;
  const text = ownText ?? dom.text(el);
  return text.length > 400 ? text.slice(0, 400) : text;
}

/** Whitespace other than single inner spaces, or a bidi control: what clip must tidy. */
const UNTIDY = /[^\S ]| {2}|^ | $|[\u202A-\u202E\u2066-\u2069]/;

export function clip(s: string, max: number): string {
  if (s.length === 0) return s;
  // Most values (names, ids, addresses) are already tidy and short: one test instead of three passes.
  if (s.length <= max && !UNTIDY.test(s)) return s;
  // Bidi controls go at the source: what the page says is shown and exported as it reads, not as it is displayed.
  const t = stripBidi(s.replace(/\s+/g, ' ').trim());
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/**
 * Finds an element again from its selector, through same-origin frames and open shadow roots. Returns null when it
 * is gone (or its frame is now of another origin).
 */
export function resolveSelector(doc: Document, selector: string): Element | null {
  const frames = selector.split(FRAME_SEP);
  const last = frames.pop()!;
  let current = doc;
  for (const part of frames) {
    const frame = resolveInDocument(current, part);
    let inner: Document | null = null;
    try {
      inner = frame && /^i?frame$/.test(frame.localName) ? (frame as HTMLIFrameElement).contentDocument : null;
    } catch {
      inner = null;
    }
    if (!inner) return null;
    current = inner;
  }
  return resolveInDocument(current, last);
}

function resolveInDocument(doc: Document, selector: string): Element | null {
  let scope: Document | ShadowRoot = doc;
  let el: Element | null = null;
  for (const part of selector.split(SHADOW_SEP)) {
    try {
      el = docGet<number>(scope as Document, 'nodeType') === 9 ? docCall<Element | null>(scope as Document, 'querySelector', part) : scope.querySelector(part);
    } catch {
      return null;
    }
    if (!el) return null;
    const shadow = openOrClosedShadowRoot(el);
    if (shadow) scope = shadow;
  }
  return el;
}

