import { resolveSelector } from '../snapshot/node-ref';
import { docCall, docGet } from '../snapshot/doc-read';
import type { HighlightReply } from '../messaging/content-message';

// Outlines drawn over the page in a shadow root: the page's CSS cannot reach them, Loupe's cannot leak out,
// and pointer-events: none keeps the page usable underneath.

const HOST_TAG = 'loupe-overlay';

export function clearHighlights(doc: Document): void {
  // Document members through the prototypes (lib/snapshot/doc-read.ts): <img name="querySelectorAll"> shadows them.
  docCall<NodeListOf<Element>>(doc, 'querySelectorAll', HOST_TAG).forEach((h) => h.remove());
}

export function drawHighlights(doc: Document, selectors: readonly string[], scroll: boolean): HighlightReply['results'] {
  clearHighlights(doc);
  const make = (tag: string) => docCall<HTMLElement>(doc, 'createElement', tag);
  const host = make(HOST_TAG);
  host.setAttribute('data-loupe', 'overlay');
  host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;';
  const root = host.attachShadow({ mode: 'open' });
  const style = make('style');
  style.textContent = `.box{position:absolute;box-sizing:border-box;border:3px solid #c8102e;outline:2px solid #fff;
    background:rgba(200,16,46,.08);border-radius:2px;pointer-events:none}`;
  root.append(style);
  const results: HighlightReply['results'] = [];
  let first: Element | null = null;
  const win = docGet<Window>(doc, 'defaultView')!;
  for (const selector of selectors) {
    const el = resolveSelector(doc, selector);
    if (!el) {
      results.push('gone');
      continue;
    }
    const r = inTopViewport(el, win);
    const visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
    if (!visible || (r.width === 0 && r.height === 0)) {
      results.push('hidden');
      continue;
    }
    first ??= el;
    const box = make('div');
    box.className = 'box';
    box.setAttribute('part', 'box');
    box.style.cssText = `left:${r.left + win.scrollX - 3}px;top:${r.top + win.scrollY - 3}px;width:${r.width + 6}px;height:${r.height + 6}px`;
    root.append(box);
    results.push('shown');
  }
  docGet<Element>(doc, 'documentElement')!.append(host);
  if (scroll && first) {
    // Inside a frame: the frame into view in the page first, then the element within the frame.
    for (let w = viewOf(first); w && w !== win && w.frameElement; w = viewOf(w.frameElement)) {
      w.frameElement.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
    first.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }
  // Boxes are placed in page coordinates; redraw after the scroll so a sticky layout cannot shift them.
  if (scroll && first) return drawHighlights(doc, selectors, false);
  return results;
}

/**
 * The element's box in the top document's viewport: inside a same-origin frame, offset by each frame element's
 * content box (its position, border and padding) up to the top.
 */
function inTopViewport(el: Element, top: Window): { left: number; top: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  let left = r.left;
  let y = r.top;
  let frame = viewOf(el) !== top ? viewOf(el)?.frameElement : null;
  while (frame) {
    const f = frame.getBoundingClientRect();
    const style = viewOf(frame)!.getComputedStyle(frame);
    left += f.left + frame.clientLeft + parseFloat(style.paddingLeft || '0');
    y += f.top + frame.clientTop + parseFloat(style.paddingTop || '0');
    const owner = viewOf(frame);
    frame = owner && owner !== top ? owner.frameElement : null;
  }
  return { left, top: y, width: r.width, height: r.height };
}

/** The window of an element's document, read through the prototypes. */
function viewOf(el: Element): Window | null {
  return docGet<Window | null>(el.ownerDocument, 'defaultView') ?? null;
}
