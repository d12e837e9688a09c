import { HTML_NS, type DomRead } from './dom-read';
import { docCall, docGet } from './doc-read';
import { A11Y_LIMITS } from './limits';
import { clip, type RefMaker } from './node-ref';
import { urlResolver } from './resolve-url';
import type { A11yFacts } from './schema';

// Facts for the rules that judge how a page shows its text (lib/detectors/a11y-alt-text.ts, a11y-justified-text.ts,
// a11y-tiny-text.ts, a11y-css-blink.ts, a11y-presentation-markup.ts): image alternatives with the text beside them,
// the computed alignment and size of the elements that hold text, animations that blink, and the markup RGAA 10.1
// forbids. A pass of its own after the other accessibility facts, each list capped, the style sheets read once.

type Facts = Pick<A11yFacts, 'altTexts' | 'typography' | 'blinking' | 'presentational'>;

/** RGAA glossary « Présentation de l'information »: elements and attributes forbidden for presentation. */
export const PRESENTATION_TAGS = ['basefont', 'big', 'blink', 'center', 'font', 'marquee', 's', 'strike', 'tt'];
export const PRESENTATION_ATTRS = ['align', 'alink', 'background', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'char', 'charoff', 'clear', 'compact', 'color', 'frameborder', 'hspace', 'link', 'marginheight', 'marginwidth', 'text', 'valign', 'vlink', 'vspace'];
/** Width and height are forbidden too, except where HTML gives them a meaning (embedded content's own size). */
const SIZED = new Set(['img', 'object', 'embed', 'canvas', 'svg', 'iframe', 'video', 'source', 'input']);
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'title', 'option']);
/** A justified paragraph opens « rivers » of space over several lines; a short line is not concerned. */
const JUSTIFY_MIN_CHARS = 120;

export function emptyPresentationFacts(): Facts {
  return { altTexts: [], typography: [], blinking: [], presentational: [] };
}

const LETTERS = /\p{L}{2}/u;
const NOT_SPACE = /\S/;
/** The images whose text alternative is read, with the text beside them. */
export const ALT_IMAGES = 'img[alt], input[type="image"][alt], area[alt]';
/** The elements ALT_IMAGES can match: the walk asks the selector engine about those with an alt only. */
export const ALT_TAGS = new Set(['img', 'input', 'area']);

/**
 * One text node of `parent` (whose local name is `tag`) counted for the typography facts: text with letters, outside
 * elements that do not show text. Only whether a holder reaches JUSTIFY_MIN_CHARS is read, so past it nothing more is
 * squashed. The gather's walk calls it for each text node of the document; the pass below, alone, from the body.
 */
export function countOwnText(own: Map<Element, number>, parent: Element, tag: string, data: string): void {
  if (data.length < 2 || NOT_TEXT.has(tag) || !LETTERS.test(data)) return;
  const before = own.get(parent) ?? 0;
  own.set(parent, before >= JUSTIFY_MIN_CHARS ? before : before + squashedLength(data, JUSTIFY_MIN_CHARS - before));
}

/**
 * The length of `squashed(data)`, counted up to `enough` (past it only "enough" matters): without building the
 * squashed copy, which the walk would make for every text node of the page.
 */
export function squashedLength(data: string, enough = Infinity): number {
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < data.length && n < enough; i++) {
    if (isSpace(data.charCodeAt(i))) {
      pendingSpace = n > 0;
      continue;
    }
    n += pendingSpace ? 2 : 1;
    pendingSpace = false;
  }
  return n;
}

/** The characters `\s` and String.prototype.trim treat as white space (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * What the gather's main walk already found for this pass (lib/snapshot/a11y-facts.ts FromWalk), in document order.
 * Each is queried or walked here when absent: the query for presentational markup tests every element against two
 * dozen attribute selectors, and a second walk over the body's text cost a tenth of the gather (npm run bench, gather).
 */
export interface PresentationFromWalk {
  /** Elements with a presentational tag or attribute (width and height included). */
  presentational?: readonly Element[];
  /** Elements that hold text of their own, with its length (whitespace squashed, counted up to JUSTIFY_MIN_CHARS). */
  textOwners?: ReadonlyMap<Element, number>;
  /** The ALT_IMAGES elements. */
  altImages?: readonly Element[];
}

export async function collectPresentationFacts(
  doc: Document,
  refs: RefMaker,
  dom: DomRead,
  breathe: () => Promise<void>,
  unread: (error: unknown) => void,
  cut: (key: string) => void,
  fromWalk: PresentationFromWalk = {},
): Promise<Facts> {
  const facts = emptyPresentationFacts();
  const win = docGet<Window | null>(doc, 'defaultView');
  const style = (el: Element): CSSStyleDeclaration | null => {
    try {
      return win ? win.getComputedStyle(el) : null;
    } catch {
      return null;
    }
  };
  // The loops breathe every so many items, tested in place: an `await` per item (of a helper that seldom waits)
  // costs a promise and a turn each, thousands per page.
  let step = 0;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  // The document's base read once: each read of baseURI is a URL serialisation, as the main walk says.
  let base: string | undefined;
  const resolveUrl = urlResolver();
  const resolve = (href: string): string => (href ? resolveUrl(href, (base ??= docGet<string>(doc, 'baseURI') ?? '')) : '');
  /** The text of the first non-blank node beside `from`, in the direction `step` walks. */
  const nearText = (from: Node, step: (n: Node) => Node | null): string => {
    let n = step(from);
    while (n && n.nodeType !== 1 && !(n.nodeType === 3 && NOT_SPACE.test(dom.text(n)))) n = step(n);
    return n ? squash(dom.text(n).slice(0, 400)) : '';
  };

  // Image alternatives, with the text right beside the image (a caption, the sibling before or after).
  for (const img of fromWalk.altImages ?? dom.querySelectorAll(doc, ALT_IMAGES)) {
    if ((++step & 255) === 0) await breathe();
    try {
      const alt = squash(dom.attr(img, 'alt') ?? '');
      if (!alt) continue;
      if (facts.altTexts.length >= A11Y_LIMITS.altTexts) {
        cut('altTexts');
        break;
      }
      const adjacent: string[] = [];
      const figure = dom.closest(img, 'figure');
      const caption = figure ? dom.querySelector(figure, 'figcaption') : null;
      if (caption) adjacent.push(squash(dom.text(caption)));
      const before = nearText(img, (n) => n.previousSibling);
      const after = nearText(img, (n) => n.nextSibling);
      adjacent.push(before, after);
      // An image alone in its block: the text beside is in the blocks around it.
      if (!before && !after && img.parentElement) {
        adjacent.push(nearText(img.parentElement, (n) => n.previousSibling), nearText(img.parentElement, (n) => n.nextSibling));
      }
      facts.altTexts.push({
        alt: clip(alt, 300),
        src: clip(resolve(dom.attr(img, 'src') ?? ''), 500),
        inControl: img.parentElement !== null && dom.closest(img.parentElement, 'a, button, [role="link"], [role="button"]') !== null,
        adjacent: [...new Set(adjacent.filter(Boolean).map((t) => clip(t, 300)))].slice(0, 4),
        ref: refs.ref(img, { geometry: false }),
      });
    } catch (error) {
      unread(error);
    }
  }

  // The computed alignment and size of every element that holds text of its own.
  const body = docGet<HTMLElement | null>(doc, 'body');
  if (body && win) {
    let own: ReadonlyMap<Element, number> | undefined = fromWalk.textOwners;
    if (!own) {
      const counted = new Map<Element, number>();
      const walker = docCall<TreeWalker>(doc, 'createTreeWalker', body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const parent = dom.parentElement(t);
        if (parent) countOwnText(counted, parent, dom.localName(parent), (t as Text).data);
      }
      own = counted;
    }
    const justified = new Set<Element>();
    for (const [el, length] of own) {
      if ((++step & 255) === 0) await breathe();
      try {
        // The walk counted the whole document's text: the body's is judged, as a walk from the body would find it.
        if (fromWalk.textOwners && !body.contains(el)) continue;
        const s = style(el);
        if (!s) continue;
        const size = parseFloat(s.fontSize);
        // Size 0 and 1 px are ways of hiding text, not of showing it small.
        const tiny = size > 1 && size < 9;
        // The length first: most holders are short, and each computed value read is a serialisation.
        const justify = length >= JUSTIFY_MIN_CHARS && s.textAlign === 'justify';
        if (!tiny && !justify) continue;
        if (dom.visible(el) === false) continue;
        if (facts.typography.length >= A11Y_LIMITS.typography) {
          cut('typography');
          break;
        }
        let at = el;
        if (!tiny) {
          // Justified text is reported once per block: the highest ancestor that is justified too, where it is set.
          for (let up = dom.parentElement(at); up && up !== body && style(up)?.textAlign === 'justify'; up = dom.parentElement(up)) at = up;
          if (justified.has(at)) continue;
          justified.add(at);
        }
        facts.typography.push({
          kind: tiny ? 'tiny' : 'justify',
          // A size the engine cannot say (no layout: happy-dom gives none) must not cost the whole snapshot its parse.
          fontSize: Number.isFinite(size) ? Math.round(size * 10) / 10 : 0,
          text: clip(squash(dom.text(at).slice(0, 300)), 120),
          ref: refs.ref(at, { geometry: false }),
        });
      } catch (error) {
        unread(error);
      }
    }
  }
  await breathe();

  // Blinking by CSS: keyframes that make an element vanish and come back, used by an element for more than 5 s.
  collectBlinking();
  await breathe();

  // Markup that RGAA 10.1 forbids for presentation: it survives without the style sheet and says nothing.
  const attrSel = PRESENTATION_ATTRS.map((a) => `[${a}]`).join(', ') + ', [width], [height]';
  for (const el of fromWalk.presentational ?? dom.querySelectorAll(doc, PRESENTATION_TAGS.join(', ') + ', ' + attrSel)) {
    if ((++step & 255) === 0) await breathe();
    try {
      if (el.namespaceURI !== HTML_NS) continue;
      const tag = dom.localName(el);
      const attrs = PRESENTATION_ATTRS.filter((a) => dom.hasAttr(el, a));
      if (!SIZED.has(tag)) for (const a of ['width', 'height']) if (dom.hasAttr(el, a)) attrs.push(a);
      // <img border>, <iframe frameborder>: still presentation; <input type=… align> too.
      const isTag = PRESENTATION_TAGS.includes(tag);
      if (!isTag && attrs.length === 0) continue;
      if (facts.presentational.length >= A11Y_LIMITS.presentational) {
        cut('presentational');
        break;
      }
      facts.presentational.push({ tag: clip(tag, 40), element: isTag, attributes: attrs.slice(0, 10), ref: refs.ref(el, { geometry: false }) });
    } catch (error) {
      unread(error);
    }
  }
  return facts;

  function collectBlinking() {
    const vanishing = new Set<string>();
    const animated: { selector: string; name: string; seconds: number; infinite: boolean }[] = [];
    const decoBlink: string[] = [];
    let seen = 0;
    const visit = (rules: CSSRuleList | undefined) => {
      for (const rule of Array.from(rules ?? [])) {
        if (++seen > A11Y_LIMITS.cssRules) return cut('cssRules');
        const keyframes = rule as CSSKeyframesRule;
        if (typeof keyframes.name === 'string' && keyframes.cssRules && !(rule as CSSStyleRule).selectorText) {
          // An element that goes to opacity 0 or visibility hidden and back blinks (or fades: a person tells apart).
          for (const frame of Array.from(keyframes.cssRules)) {
            const s = (frame as CSSKeyframeRule).style;
            const opacity = s?.getPropertyValue('opacity').trim();
            if ((opacity !== '' && opacity !== undefined && parseFloat(opacity) === 0) || s?.getPropertyValue('visibility').trim() === 'hidden') vanishing.add(keyframes.name);
          }
          continue;
        }
        const inner = (rule as CSSGroupingRule).cssRules;
        if (inner && !(rule as CSSStyleRule).selectorText) {
          visit(inner);
          continue;
        }
        const s = (rule as CSSStyleRule).style;
        const selector = (rule as CSSStyleRule).selectorText;
        if (!s || !selector) continue;
        if (/\bblink\b/.test(s.getPropertyValue('text-decoration') + ' ' + s.getPropertyValue('text-decoration-line'))) decoBlink.push(selector);
        const shorthand = s.getPropertyValue('animation');
        const name = s.getPropertyValue('animation-name') || shorthand;
        if (!name || name === 'none') continue;
        const count = s.getPropertyValue('animation-iteration-count') || shorthand;
        const duration = s.getPropertyValue('animation-duration') || shorthand;
        const time = /(\d*\.?\d+)(m?s)\b/.exec(duration);
        const seconds = time ? parseFloat(time[1]!) / (time[2] === 'ms' ? 1000 : 1) : 0;
        const iterations = /\binfinite\b/.test(count) ? Infinity : parseFloat(/(?:^|\s)(\d*\.?\d+)(?=\s|$)/.exec(count)?.[1] ?? '1');
        animated.push({ selector, name, seconds: seconds * (Number.isFinite(iterations) ? iterations : 1), infinite: !Number.isFinite(iterations) });
      }
    };
    for (const sheet of Array.from(docGet<StyleSheetList | undefined>(doc, 'styleSheets') ?? [])) {
      try {
        visit(sheet.cssRules);
      } catch {
        // Style sheets from another origin cannot be read.
      }
    }
    const push = (selector: string, kind: 'animation' | 'text-decoration', seconds: number, infinite: boolean, name: string) => {
      let matched: Element[] = [];
      try {
        matched = dom.querySelectorAll(doc, selector);
      } catch {
        return;
      }
      if (matched.length === 0) return;
      if (facts.blinking.length >= A11Y_LIMITS.blinking) return cut('blinking');
      facts.blinking.push({ kind, name: clip(name, 100), selector: clip(selector, 300), seconds: Math.round(seconds * 10) / 10, infinite, count: matched.length, ref: refs.ref(matched[0]!, { geometry: false }) });
    };
    for (const a of animated) {
      const name = [...vanishing].find((v) => new RegExp(`(^|[\\s,])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,])`).test(a.name));
      if (name) push(a.selector, 'animation', a.seconds, a.infinite, name);
    }
    for (const selector of decoBlink) push(selector, 'text-decoration', 0, true, 'blink');
  }
}
