import { A11Y_LINK, collectA11yFacts, REFERRING_ATTRS } from './a11y-facts';
import { HANDLERS } from './a11y-keyboard';
import { ALT_IMAGES, ALT_TAGS, countOwnText, PRESENTATION_ATTRS, PRESENTATION_TAGS } from './a11y-presentation';
import { domRead } from './dom-read';
import { docCall, docGet } from './doc-read';
import { emptySnapshot } from './empty';
import { clip, createRefMaker, labelOf } from './node-ref';
import { GATHER_BUDGET_MS, LIMITS } from './limits';
import { readResources, type ResourceWindow } from './resource-observer';
import type { PageSnapshot } from './schema';
import { MARKED_SELECTORS } from './selectors';
import { urlResolver } from './resolve-url';
import { TEXT_PATTERNS } from './text-patterns';
import { createHiddenCheck } from './hidden';
import { mentionContext } from './context';

// The gather: the only module that reads the live DOM. One walk over elements and text nodes (open shadow roots
// included) fills every list of the snapshot; it yields to the page every SLICE_MS so a huge page stays responsive.
// It records where things are and what they say; it never judges.

const SLICE_MS = 30;
const NOT_SPACE = /\S/;
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
/** Whether a text's parent (by local name, any case) holds code or a field's value: upper-cased once per name. */
const skipsTextMemo = new Map<string, boolean>();
function skipsText(tag: string): boolean {
  let skip = skipsTextMemo.get(tag);
  if (skip === undefined) {
    skip = SKIP_TEXT.has(tag.toUpperCase());
    if (skipsTextMemo.size < 1000) skipsTextMemo.set(tag, skip);
  }
  return skip;
}
const ANY_TEXT_PATTERN = new RegExp(Object.values(TEXT_PATTERNS).map((r) => r.source).join('|'), 'i');
const MARKED = Object.entries(MARKED_SELECTORS).flatMap(([kind, sels]) => sels.map((sel) => ({ kind, sel })));
const MARKED_ANY = MARKED.map((m) => m.sel).join(',');
// Ids and classes are indexed by the browser; attribute selectors make it test every element (npm run bench: the
// full list in one scan cost 1.5× the bare walk, the attribute ones alone 0.3×).
const INDEXED = MARKED.map((m) => m.sel).filter((sel) => /^[#.][\w-]+$|^[a-z-]+(\.[\w-]+)?$/.test(sel));
// Issue 15: other elements acting as buttons (<span role="button">CGU</span>) are read for their text.
const ROLE_BUTTON = '[role="button"]:not(a):not(button):not(input)';
const BY_QUERY_LIST = ['[itemprop]', '[property]:not(meta)', ROLE_BUTTON, ...MARKED.map((m) => m.sel).filter((sel) => !INDEXED.includes(sel))];
const BY_QUERY = BY_QUERY_LIST.join(',');
/**
 * The attribute names BY_QUERY tests: an element without any of them cannot match it. The walk, which reads every
 * document element's attribute names anyway, asks the selector engine only about elements that have one (npm run
 * bench, gather: the query itself tested every element against two dozen selectors, a tenth of the gather).
 */
const BY_QUERY_ATTRS = new Set(BY_QUERY_LIST.flatMap((sel) => [...sel.matchAll(/\[([\w-]+)/g)].map((m) => m[1]!.toLowerCase())));
/** Holds while every selector of BY_QUERY names an attribute; a selector added without one makes the walk query. */
const BY_QUERY_NEEDS_ATTR = BY_QUERY_LIST.every((sel) => sel.includes('['));
// Issue 15: links worth placing on the page (caption, menu, footer…) because they may name a licence.
const MAY_NAME_LICENCE = /creativecommons|licen[cs]e|etalab|domaine public|public domain|\bcc[ -]?(by|0)\b|copyright|©/i;
// Issue 15: script-driven pages submit with <a onclick> or a link without an address as often as with a button.
const CONTROLS = 'button, input[type="submit"], [role="button"], a[onclick], a:not([href])';
// Issue 22: links and buttons that may speak of an account, a newsletter or a job keep the text around them, so the
// account detector can tell "S'inscrire" under a newsletter heading from a sign-up.
const MAY_ASK_ACCOUNT = /inscri|sign[ -]?up|regist|rejoi|join|compte|account|konto|abonn|subscri|newsletter|cr[ée]er|create|anmeld/i;
// Issue 22: the element an ad tag fills, named in its code: googletag.display('div-…'), defineSlot(…, 'div-…').
const AD_TARGET = /googletag\.display\(\s*["']([\w-]{1,200})["']|defineSlot\([^)]{0,300}?,\s*["']([\w-]{1,200})["']\s*\)/g;
const MARKED_BY_KIND = Object.fromEntries(Object.entries(MARKED_SELECTORS).map(([kind, sels]) => [kind, sels.join(',')]));

export interface CollectOptions {
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Let the page breathe between slices; tests may pass a no-op. */
  yieldToPage?: () => Promise<void>;
  /** Time after which the gather stops and returns what it has read (default GATHER_BUDGET_MS). */
  budgetMs?: number;
}

/** Thrown from the accessibility pass's breath when the budget is spent: that pass is left, the rest stands. */
class BudgetSpent extends Error {}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const FIELD_TAGS = new Set(['input', 'select', 'textarea']);
/** Markup RGAA 10.1 forbids for presentation (a11y-presentation.ts), noted by the walk for the accessibility facts. */
const PRESENTATION_TAG_SET = new Set(PRESENTATION_TAGS);
const PRESENTATION_ATTR_SET = new Set([...PRESENTATION_ATTRS, 'width', 'height']);
/** Attributes that make an element an id reference or a possible keyboard trap, for the accessibility facts. */
const REFERRING_SET = new Set<string>(REFERRING_ATTRS);
const HANDLER_SET = new Set<string>(HANDLERS);
/** The schema's cap on fields per form, applied while reading the form's controls. */
const FIELDS_PER_FORM = 200;
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export async function collectSnapshot(doc: Document, opts: CollectOptions = {}): Promise<PageSnapshot> {
  const started = performance.now();
  const yieldToPage = opts.yieldToPage ?? defaultYield;
  const dom = domRead(docGet<Window | null>(doc, 'defaultView'));
  const documentElement = docGet<Element | null>(doc, 'documentElement') ?? null;
  const doctype = docGet<DocumentType | null>(doc, 'doctype');
  const refs = createRefMaker(dom);
  const hiddenByPage = createHiddenCheck(dom);
  const truncated = new Set<string>();
  const snap = emptySnapshot({
    url: docGet<string>(doc, 'URL') ?? '',
    title: clip(docGet<string>(doc, 'title') ?? '', 500),
    lang: clip((documentElement && dom.attr(documentElement, 'lang')) ?? '', 40),
    capturedAt: (opts.now ?? Date.now)(),
    doctype: doctype ? doctype.name : '',
  });

  /** Whether a list has room: checked before building an item, so a huge page does not pay for what is cut. */
  const room = (key: keyof typeof LIMITS): boolean => {
    if ((snap[key] as unknown[]).length < LIMITS[key]) return true;
    truncated.add(key);
    return false;
  };
  const push = <K extends keyof typeof LIMITS>(key: K, item: PageSnapshot[K][number]) => {
    const list = snap[key] as unknown[];
    if (list.length < LIMITS[key]) list.push(item);
    else truncated.add(key);
  };

  /** One element that cannot be read costs that element, never the snapshot: counted and said as a limit. */
  const unread = (error: unknown) => {
    snap.limits.unreadElements = (snap.limits.unreadElements ?? 0) + 1;
    snap.limits.unreadReason ??= clip(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 300);
  };
  const isolated = <A extends unknown[]>(read: (...args: A) => void) => (...args: A) => {
    try {
      read(...args);
    } catch (error) {
      unread(error);
    }
  };
  const orphanInputs: HTMLInputElement[] = [];
  const roots: Node[] = documentElement ? [documentElement] : [];
  const walkedRoots: (Document | ShadowRoot)[] = [doc];
  const frameDocs: Document[] = [];
  const labelsFor = new Map<Document | ShadowRoot, Map<string, Element>>();
  const bases = new Map<Document, string>();
  const resolveUrl = urlResolver();
  /** Links' resolved addresses, which the accessibility pass reads again. */
  const hrefs = new Map<Element, string>();
  const adTargets = new Set<string>();
  /** The document's elements with presentational markup, in document order (not those of shadow roots or frames). */
  const presentational: Element[] = [];
  /** The document's elements holding text of their own, for the typography facts (a11y-presentation.ts says why). */
  const textOwners = new Map<Element, number>();
  /** The document's elements that match BY_QUERY, in document order (collectByQuery reads them). */
  const byQuery: Element[] = [];
  /** The document's elements with an id reference and with an inline blur or key handler, in document order. */
  const referrers: Element[] = [];
  const handlers: Element[] = [];
  /** The document's links (<a>, role=link), form fields and tables, in document order, for the accessibility facts. */
  const a11yLinks: Element[] = [];
  const a11yFields: Element[] = [];
  const a11yTables: Element[] = [];
  const altImages: Element[] = [];
  /**
   * One read of a document element's attribute names, for the lists that were queries testing every element of the
   * page: presentational markup, id references (label[for], ARIA id lists, td/th[headers]), inline blur or key
   * handlers, the elements BY_QUERY names (confirmed by the selector engine), and the accessibility facts' links,
   * fields, tables and images with an alt.
   */
  const noteAttributes = (el: Element, tag: string) => {
    let present = PRESENTATION_TAG_SET.has(tag);
    let refers = false;
    let handles = false;
    let queried = false;
    let role = false;
    let alt = false;
    const attrs = dom.attributes(el);
    for (let i = 0; i < attrs.length; i++) {
      const name = attrs[i]!.name;
      if (BY_QUERY_ATTRS.has(name)) queried = true;
      if (name === 'role') role = true;
      else if (name === 'alt') alt = true;
      if (PRESENTATION_ATTR_SET.has(name)) present = true;
      else if (REFERRING_SET.has(name) || (name === 'for' && tag === 'label') || (name === 'headers' && (tag === 'td' || tag === 'th'))) refers = true;
      else if (HANDLER_SET.has(name)) handles = true;
    }
    if (present) presentational.push(el);
    if (refers) referrers.push(el);
    if (handles) handlers.push(el);
    if (queried && dom.matches(el, BY_QUERY)) byQuery.push(el);
    // Not exclusive: <input role="link"> is read as a link and as a field, as the two queries found it.
    if (tag === 'a' || (role && dom.matches(el, A11Y_LINK))) a11yLinks.push(el);
    if (alt && ALT_TAGS.has(tag) && dom.matches(el, ALT_IMAGES)) altImages.push(el);
    if (FIELD_TAGS.has(tag)) a11yFields.push(el);
    else if (tag === 'table') a11yTables.push(el);
  };
  let sliceStart = performance.now();
  let count = 0;
  // A huge page still gets a report: past the budget, the walk stops where it is (checked with the slices, every
  // 1,024 elements), the passes that follow it are left, and the snapshot says what was not reached.
  const budgetMs = opts.budgetMs ?? GATHER_BUDGET_MS;
  const spent = () => performance.now() - started > budgetMs;
  let cut = false;

  walk: while (roots.length > 0) {
    const root = roots.shift()!;
    const inDocument = root === documentElement;
    const walker = docCall<TreeWalker>(doc, 'createTreeWalker', root, 0x1 | 0x4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      const type = dom.nodeType(node);
      if (type === 3) {
        // The try is inline, not a wrapper: on the walk's hot path a closure per node cost more than the node's read.
        try {
          visitText(node as Text, inDocument);
        } catch (error) {
          unread(error);
        }
        continue;
      }
      if (type !== 1) continue;
      const el = node as Element;
      count++;
      try {
        const tag = dom.localName(el);
        if (inDocument) noteAttributes(el, tag);
        visitElement(el, tag);
      } catch (error) {
        unread(error);
      }
      const shadow = dom.shadowRoot(el);
      if (shadow) {
        snap.limits.shadowRoots++;
        roots.push(shadow);
        walkedRoots.push(shadow);
      }
      if ((count & 1023) === 0) {
        if (spent()) {
          cut = true;
          break walk;
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
    }
  }
  snap.limits.elementCount = count;
  const contentType = docGet<string>(doc, 'contentType');
  if (contentType) snap.limits.contentType = clip(contentType, 200);
  for (const root of walkedRoots) isolated(collectByQuery)(root);
  isolated(markAdTargets)();
  isolated(collectVirtualForms)(orphanInputs);
  for (const d of [doc, ...frameDocs]) isolated(collectResources)(d);
  isolated(checkTimeline)();
  collectStorage();
  // Accessibility facts: their own pass, apart from the walk above (lib/snapshot/a11y-facts.ts), yielding as it does.
  // Left when the walk was cut (what it would read is partly unread) or when the budget runs out while it reads.
  let a11yRead = !cut;
  if (a11yRead) {
    try {
      snap.a11y = await collectA11yFacts(doc, refs, async () => {
        if (spent()) throw new BudgetSpent();
        if (performance.now() - sliceStart <= SLICE_MS) return;
        await yieldToPage();
        sliceStart = performance.now();
      }, dom, unread, { resolved: hrefs, presentational, textOwners, referrers, handlers, links: a11yLinks, fields: a11yFields, tables: a11yTables, altImages });
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      a11yRead = false;
    }
  }
  if (cut || !a11yRead) {
    let total = count;
    try {
      total = Math.max(count, docCall<HTMLCollection>(doc, 'getElementsByTagName', '*').length);
    } catch {
      // The count of the rest is only said; a page that breaks it keeps the count read.
    }
    snap.limits.notReached = { budgetMs, elements: count, total, a11y: !a11yRead };
  }
  snap.limits.truncated = [...truncated];
  snap.limits.gatherMs = Math.round(performance.now() - started);
  return snap;

  function visitText(text: Text, inDocument: boolean) {
    const data = text.data;
    // A © in an element of its own (<span>©</span> 2024 Éditions X) is the only one-character text read.
    const loneSign = data === '©' || data === 'ⓒ';
    if (data.length < 2 && !loneSign) return;
    // Indentation between tags is half the text nodes of a page, and the patterns' leading \s* would make the
    // regex try every one of its positions.
    if (data.charCodeAt(0) <= 32 && !NOT_SPACE.test(data)) return;
    const parent = dom.parentElement(text);
    if (!parent) return;
    const tag = dom.localName(parent);
    // The accessibility facts' typography counts the document's text here rather than in a walk of its own.
    if (inDocument && !loneSign) countOwnText(textOwners, parent, tag, data);
    if (data.length > 2000 || skipsText(tag)) return;
    if (!ANY_TEXT_PATTERN.test(data) || !room('textSignals')) return;
    // The sign alone says nothing: the notice is the text of the element around its own.
    const holder = loneSign ? (dom.parentElement(parent) ?? parent) : parent;
    for (const [pattern, re] of Object.entries(TEXT_PATTERNS)) {
      if (!re.test(data)) continue;
      // The parent's text gives context ("Mis à jour le" + <time>): bounded so a huge container costs little.
      const context = (dom.text(holder) || data).slice(0, 600);
      // Only an ad label's position matters (is it on screen?); other texts skip the layout query.
      push('textSignals', {
        pattern,
        text: clip(context, 300),
        ref: refs.ref(holder, { label: data, geometry: pattern === 'ad-label' }),
        ...(pattern === 'licence' || pattern === 'copyright' || pattern === 'price' || pattern === 'date' ? { within: mentionContext(holder, dom) } : {}),
      });
    }
  }

  function visitElement(el: Element, tag: string) {
    switch (tag) {
      case 'a':
      case 'area': {
        if (!room('links')) break;
        const href = linkHref(el);
        // Issue 15: a link without an address run by a script (<a onclick>, role=button) is a button with its text:
        // "Données personnelles", "Paramétrer les cookies" are often written so.
        if (!href && tag === 'a' && (dom.hasAttr(el, 'onclick') || dom.attr(el, 'role') === 'button' || dom.hasAttr(el, 'tabindex'))) {
          if (room('buttons')) pushButton(el, labelOf(el, dom));
          break;
        }
        if (!href) break;
        hrefs.set(el, href);
        const img = dom.querySelector(el, 'img') as HTMLImageElement | null;
        const text = dom.text(el);
        const imgSrc = img ? absolute(dom.attr(img, 'src') ?? '', img) : '';
        push('links', {
          href: clip(href, 4096),
          text: clip(text, 500),
          title: clip(dom.attr(el, 'title') ?? '', 500),
          ariaLabel: clip(dom.attr(el, 'aria-label') ?? '', 500),
          rel: clip(dom.attr(el, 'rel') ?? '', 200),
          imgAlt: clip(img ? (dom.attr(img, 'alt') ?? '') : '', 500),
          imgSrc: clip(imgSrc, 4096),
          ref: refs.ref(el, { geometry: false, text }),
          ...(MAY_NAME_LICENCE.test(href) || MAY_NAME_LICENCE.test(text.slice(0, 200)) || MAY_NAME_LICENCE.test(imgSrc) || /license/i.test(dom.attr(el, 'rel') ?? '') ? { within: mentionContext(el, dom) } : {}),
          ...(text.length < 100 && (MAY_ASK_ACCOUNT.test(text) || MAY_ASK_ACCOUNT.test(href)) ? { context: contextOf(el, text) } : {}),
        });
        break;
      }
      case 'form':
        // Cap first: a page with thousands of forms does not pay for the ones that would be cut.
        if (room('forms')) collectForm(el as HTMLFormElement);
        break;
      case 'input': {
        const input = el as HTMLInputElement;
        if (!input.form && /^(password|email|text|date|tel)$/.test(input.type)) orphanInputs.push(input);
        if ((input.type === 'submit' || input.type === 'button') && room('buttons')) pushButton(el, input.value);
        break;
      }
      case 'button':
        if (room('buttons')) pushButton(el, labelOf(el, dom));
        break;
      case 'time': {
        if (!room('times')) break;
        const parent = dom.parentElement(el);
        push('times', {
          datetime: clip(dom.attr(el, 'datetime') ?? '', 100),
          text: clip(dom.text(el), 200),
          context: clip((parent ? dom.text(parent) : dom.text(el)).slice(0, 600), 300),
          ref: refs.ref(el, { geometry: false }),
          within: mentionContext(el, dom),
        });
        break;
      }
      case 'script': {
        const s = el as HTMLScriptElement;
        if (s.src) push('scripts', { src: clip(s.src, 4096), type: clip(s.type, 100), ref: refs.ref(el) });
        else if (s.type === 'application/ld+json') push('jsonLd', (s.textContent ?? '').slice(0, 100_000));
        else if (s.textContent) {
          push('inlineScripts', { head: s.textContent.trim().slice(0, 400), hosts: hostsIn(s.textContent) });
          if (s.textContent.includes('googletag')) for (const m of s.textContent.slice(0, 200_000).matchAll(AD_TARGET)) if (adTargets.size < 100) adTargets.add(m[1] ?? m[2]!);
        }
        break;
      }
      case 'iframe':
      case 'frame': {
        const f = el as HTMLIFrameElement;
        let inner: Document | null = null;
        try {
          inner = f.contentDocument;
        } catch {
          inner = null;
        }
        // A same-origin frame is part of the page (a sign-up form, a pixel inside it): walked like the page itself.
        const innerRoot = inner && docGet<Element | null>(inner, 'documentElement');
        if (!inner) snap.limits.crossOriginFrames++;
        else if (innerRoot && !frameDocs.includes(inner)) {
          snap.limits.sameOriginFrames = (snap.limits.sameOriginFrames ?? 0) + 1;
          frameDocs.push(inner);
          roots.push(innerRoot);
          walkedRoots.push(inner);
        }
        push('iframes', {
          src: clip(f.src, 4096),
          title: clip(f.title, 500),
          name: clip(f.name, 200),
          ref: refs.ref(el),
          width: clip(f.getAttribute('width') ?? '', 20),
          height: clip(f.getAttribute('height') ?? '', 20),
          hiddenByPage: hiddenByPage(f),
        });
        break;
      }
      case 'img': {
        if (!room('images')) break;
        const img = el as HTMLImageElement;
        const src = img.src;
        push('images', {
          src: clip(img.currentSrc || src, 4096),
          alt: clip(img.getAttribute('alt') ?? '', 500),
          title: clip(img.title, 500),
          width: img.naturalWidth || img.width,
          height: img.naturalHeight || img.height,
          ref: refs.ref(el, { geometry: false }),
          ...(MAY_NAME_LICENCE.test(src) ? { within: mentionContext(el, dom) } : {}),
        });
        break;
      }
      case 'video':
      case 'audio': {
        const m = el as HTMLMediaElement;
        push('media', {
          tag: dom.localName(el) as 'video' | 'audio',
          src: clip(m.currentSrc || m.src || (el.querySelector('source') as HTMLSourceElement | null)?.src || '', 4096),
          autoplay: m.autoplay,
          muted: m.muted,
          controls: m.controls,
          tracks: Array.from(el.querySelectorAll('track')).slice(0, 50).map((t) => ({
            kind: clip(t.kind, 40),
            srclang: clip(t.srclang, 40),
            label: clip(t.label, 500),
          })),
          ref: refs.ref(el),
        });
        break;
      }
      case 'meta': {
        const name = dom.attr(el, 'name') ?? dom.attr(el, 'http-equiv') ?? '';
        const property = dom.attr(el, 'property') ?? dom.attr(el, 'itemprop') ?? '';
        const content = dom.attr(el, 'content') ?? '';
        if (name.toLowerCase() === 'viewport') snap.viewport = clip(content, 500);
        push('meta', { name: clip(name, 200), property: clip(property, 200), content: clip(content, 2000) });
        break;
      }
      case 'link': {
        const l = el as HTMLLinkElement;
        if (l.href) push('linkTags', { rel: clip(l.rel, 200), href: clip(l.href, 4096), type: clip(l.type, 100) });
        break;
      }
    }
  }

  /**
   * Attribute-driven lists (microdata, RDFa, known containers) come from the browser's own selector engine, once
   * per root: testing five attributes and two regexes on every element in the walk cost ~3× the walk itself.
   * One scan for the attribute selectors, indexed look-ups for ids and classes.
   */
  function collectByQuery(root: Document | ShadowRoot) {
    const candidates = new Set<Element>();
    // The document's matches were found by the walk (noteAttributes); shadow roots and frames are queried.
    // A walk cut short by the budget has not seen the whole document: the query has.
    const fromWalk = root === doc && !cut && BY_QUERY_NEEDS_ATTR;
    for (const el of fromWalk ? byQuery : dom.querySelectorAll(root, BY_QUERY)) isolated(readByQuery)(el, candidates);
    for (const sel of INDEXED) for (const el of indexedQuery(root, sel)) candidates.add(el);
    for (const el of candidates) isolated(markIfKnown)(el);
  }

  function readByQuery(el: Element, candidates: Set<Element>) {
    const local = dom.localName(el);
    if (dom.hasAttr(el, 'itemprop') && room('microdata')) {
      const scope = dom.closest(el, '[itemscope]');
      push('microdata', {
        itemprop: clip(dom.attr(el, 'itemprop') ?? '', 200),
        itemtype: clip((scope && dom.attr(scope, 'itemtype')) ?? '', 300),
        value: clip(local === 'meta' ? (dom.attr(el, 'content') ?? '') : itemValue(el), 1000),
        ref: refs.ref(el),
      });
    }
    if (local !== 'meta' && dom.hasAttr(el, 'property') && room('rdfa')) {
      push('rdfa', { property: clip(dom.attr(el, 'property') ?? '', 200), value: clip(itemValue(el), 1000), ref: refs.ref(el) });
    }
    if (dom.matches(el, ROLE_BUTTON) && room('buttons')) pushButton(el, labelOf(el, dom));
    if (dom.matches(el, MARKED_ANY)) candidates.add(el);
  }

  function indexedQuery(root: Document | ShadowRoot, sel: string): Iterable<Element> {
    // Through the prototypes: <img name="getElementById"> replaces the document's own method.
    if (dom.nodeType(root) === 9) {
      if (sel[0] === '#') {
        const el = dom.byId(root, sel.slice(1));
        return el ? [el] : [];
      }
      if (sel[0] === '.') return dom.byClass(root as Document, sel.slice(1));
    }
    return dom.querySelectorAll(root, sel);
  }

  /** A button, with the text around it when it may speak of an account (issue 22). */
  function pushButton(el: Element, text: string) {
    push('buttons', { text: clip(text, 500), ref: refs.ref(el), ...(text.length < 100 && MAY_ASK_ACCOUNT.test(text) ? { context: contextOf(el, text) } : {}) });
  }

  /** The text of the nearest ancestor (three levels up at most) that says more than the element itself. */
  function contextOf(el: Element, own: string): string {
    let e = dom.parentElement(el);
    for (let depth = 0; e && depth < 3; depth++, e = dom.parentElement(e)) {
      const t = dom.text(e).replace(/\s+/g, ' ').trim();
      if (t.length > own.trim().length + 20) return clip(t.slice(0, 600), 300);
    }
    return '';
  }

  /** Issue 22: the elements an ad tag's code fills (googletag.display targets) are ad slots, whatever their id. */
  function markAdTargets() {
    for (const id of adTargets) {
      const el = dom.byId(doc, id);
      if (!el || !room('marked')) continue;
      push('marked', { kind: 'ad-slot', matched: 'googletag.display', tag: dom.localName(el), id: clip(id, 200), className: clip(dom.attr(el, 'class') ?? '', 300), text: clip(dom.text(el).slice(0, 1000), 500), ref: refs.ref(el) });
    }
  }

  function markIfKnown(el: Element) {
    const hit = MARKED.find((m) => dom.matches(el, m.sel))!;
    // A banner's nested containers often match too: keep the outermost.
    const parent = dom.parentElement(el);
    if (parent && dom.closest(parent, MARKED_BY_KIND[hit.kind]!)) return;
    push('marked', {
      kind: hit.kind,
      matched: hit.sel,
      tag: dom.localName(el),
      id: clip(dom.attr(el, 'id') ?? '', 200),
      className: clip(dom.attr(el, 'class') ?? '', 300),
      text: clip(dom.text(el).slice(0, 1000), 500),
      ...(hit.kind === 'consent' ? { controls: controlsOf(el), hiddenControls: controlsOf(el, true) } : {}),
      ref: refs.ref(el),
    });
  }

  /** Texts of the buttons and links inside a consent banner (open shadow root included): is "Refuser" offered? */
  function controlsOf(el: Element, hidden = false): string[] {
    const sel = 'button, a, [role="button"], input[type="button"], input[type="submit"]';
    const shadow = dom.shadowRoot(el);
    const found = [...dom.querySelectorAll(el, sel), ...(shadow ? dom.querySelectorAll(shadow, sel) : [])];
    return found
      // Issue 15: a control the banner hides is in a second layer ("Personnaliser" → "Tout refuser"), apart.
      .filter((b) => isHiddenControl(b) === hidden)
      .map((b) => clip(dom.localName(b) === 'input' ? (b as HTMLInputElement).value : labelOf(b, dom), 200))
      .filter(Boolean)
      .slice(0, 40);
  }

  function collectForm(form: HTMLFormElement) {
    // The prototype's getters: a control named "elements", "action", "id"… must not replace the form's own facts.
    const controls = dom.formElements(form);
    const fields: Field[] = [];
    for (let i = 0; i < controls.length && fields.length < FIELDS_PER_FORM; i++) {
      const c = controls[i]!;
      if (FIELD_TAGS.has(dom.localName(c))) fields.push(c as Field);
    }
    const id = dom.attr(form, 'id') ?? '';
    const heading = headingFor(form);
    push('forms', {
      action: clip(dom.formAction(form), 4096),
      method: clip(dom.formMethod(form), 20),
      id: clip(id, 200),
      className: clip(dom.attr(form, 'class') ?? '', 300),
      heading,
      submitTexts: submitTextsOf(form),
      fields: fields.map(fieldOf),
      virtual: false,
      ref: refs.ref(form, { label: heading || id || dom.attr(form, 'name') || 'form' }),
    });
  }

  /** Sign-up pages built without a <form> element: group orphan inputs by the nearest container holding a button. */
  function collectVirtualForms(inputs: HTMLInputElement[]) {
    const seen = new Set<Element>();
    // Each ancestor is asked once whether it holds a button: thousands of inputs in one container cost O(n), not O(n²).
    const holdsButton = new Map<Element, boolean>();
    const hasButton = (box: Element) => {
      let known = holdsButton.get(box);
      if (known === undefined) holdsButton.set(box, (known = dom.querySelector(box, CONTROLS) !== null));
      return known;
    };
    for (const input of inputs) {
      if (!room('forms')) break;
      let box: Element | null = dom.parentElement(input);
      for (let depth = 0; box && depth < 6; depth++, box = dom.parentElement(box)) {
        if (hasButton(box)) break;
      }
      if (!box || seen.has(box) || box === docGet(doc, 'body') || box === documentElement) continue;
      seen.add(box);
      const fields = dom.querySelectorAll(box, 'input, select, textarea').slice(0, FIELDS_PER_FORM) as HTMLInputElement[];
      // Keep groups that ask for an identity: a password, an e-mail (often a plain text input), a phone number.
      if (!fields.some((f) => f.type === 'password' || f.type === 'email' || f.type === 'tel' || /mail|username|tel/i.test(`${f.name} ${f.id} ${dom.attr(f, 'autocomplete') ?? ''}`))) continue;
      push('forms', {
        action: '',
        method: '',
        id: clip(dom.attr(box, 'id') ?? '', 200),
        className: clip(dom.attr(box, 'class') ?? '', 300),
        heading: headingFor(box),
        submitTexts: submitTextsOf(box),
        fields: fields.map(fieldOf),
        virtual: true,
        ref: refs.ref(box, { label: headingFor(box) || 'form' }),
      });
    }
  }

  function collectResources(doc: Document) {
    const win = docGet<Window | null>(doc, 'defaultView');
    if (!win?.performance) return;
    // Browsers keep 250 entries by default and then drop the rest (W3C Resource Timing): an observer keeps more.
    const { entries, bufferFull } = readResources(win as unknown as ResourceWindow, LIMITS.resources);
    snap.limits.resourceBufferFull ||= bufferFull;
    for (const e of entries) {
      push('resources', {
        url: clip(e.name, 4096),
        initiatorType: clip(e.initiatorType, 40),
        transferSize: e.transferSize ?? 0,
        encodedBodySize: e.encodedBodySize ?? 0,
        startTime: Math.round(e.startTime),
      });
    }
  }

  /**
   * A page can erase its resource timeline (performance.clearResourceTimings()) before Loupe arrives: the pixels
   * and beacons it sent are then gone from it. Elements of a loaded page that fetched something and are missing
   * from the timeline tell it; the elements themselves stay in the report (scripts, images, frames).
   */
  function checkTimeline() {
    if (docGet(doc, 'readyState') !== 'complete' || snap.limits.resourceBufferFull) return;
    const seen = new Set(snap.resources.map((r) => r.url));
    // Scripts only: a lazy image may not have been fetched yet, a script of a loaded page has.
    const fetched = snap.scripts.map((x) => x.src);
    if (fetched.some((u) => /^https?:/.test(u) && !seen.has(u))) snap.limits.timelineCleared = true;
  }

  function collectStorage() {
    try {
      snap.storage.cookieNames = (docGet<string>(doc, 'cookie') ?? '')
        .split(';')
        .map((c) => clip(c.split('=')[0] ?? '', 300))
        .filter(Boolean)
        .slice(0, 500);
    } catch {
      // Sandboxed documents throw on document.cookie.
    }
    try {
      const win = docGet<Window | null>(doc, 'defaultView');
      snap.storage.localStorageKeys = win?.localStorage.length ?? 0;
      snap.storage.sessionStorageKeys = win?.sessionStorage.length ?? 0;
    } catch {
      // Storage can be disabled for the page.
    }
  }

  /**
   * A field's label: the wrapping <label>, else a <label for> of the same tree. `HTMLInputElement.labels` searches
   * the whole document for each field (seconds on a page of 10,000 fields): the `for` labels are indexed once per tree.
   */
  function labelTextOf(f: Element): string {
    const id = dom.attr(f, 'id');
    if (id) {
      const root = dom.rootNode(f) as Document | ShadowRoot;
      let byFor = labelsFor.get(root);
      if (!byFor) {
        byFor = new Map();
        for (const l of dom.querySelectorAll(root, 'label[for]')) {
          const target = dom.attr(l, 'for')!;
          if (!byFor.has(target)) byFor.set(target, l);
        }
        labelsFor.set(root, byFor);
      }
      const label = byFor.get(id);
      if (label) return dom.text(label);
    }
    const wrapping = dom.closest(f, 'label');
    return wrapping ? dom.text(wrapping) : '';
  }

  function fieldOf(f: Field) {
    const tag = dom.localName(f);
    const type = tag === 'input' ? (f as HTMLInputElement).type : tag;
    return {
      tag,
      type: clip(type, 40),
      name: clip(dom.attr(f, 'name') ?? '', 200),
      id: clip(dom.attr(f, 'id') ?? '', 200),
      autocomplete: clip(dom.attr(f, 'autocomplete') ?? '', 100),
      placeholder: clip(dom.attr(f, 'placeholder') ?? '', 500),
      label: clip(labelTextOf(f), 500),
      ariaLabel: clip(dom.attr(f, 'aria-label') ?? '', 500),
      required: dom.hasAttr(f, 'required'),
      hidden: type === 'hidden' || dom.visible(f) === false || hiddenByPage(f),
      ...(dom.hasAttr(f, 'tabindex') ? { tabindex: clip(dom.attr(f, 'tabindex') ?? '', 10) } : {}),
    };
  }

  function submitTextsOf(scope: Element): string[] {
    const out: string[] = [];
    // A <form> has real buttons; its links without an address are tabs ("Sign In") and notes, not its submit.
    const sel = dom.localName(scope) === 'form' ? 'button, input[type="submit"], [role="button"]' : CONTROLS;
    for (const b of dom.querySelectorAll(scope, `${sel}, input[type="button"], input[type="image"]`).slice(0, 20)) {
      const text = dom.localName(b) === 'input' ? (b as HTMLInputElement).value || (dom.attr(b, 'alt') ?? '') : labelOf(b, dom);
      if (text.trim()) out.push(clip(text, 500));
    }
    return out;
  }

  function headingFor(scope: Element): string {
    const inside = dom.querySelector(scope, 'h1, h2, h3, h4, legend, [role="heading"]');
    if (inside) return clip(dom.text(inside), 500);
    const parent = dom.parentElement(scope);
    const near = parent && dom.querySelector(parent, 'h1, h2, h3, h4, [role="heading"]');
    return clip(near ? dom.text(near) : '', 500);
  }

  function itemValue(el: Element): string {
    return (
      dom.attr(el, 'content') ??
      dom.attr(el, 'href') ??
      dom.attr(el, 'resource') ??
      dom.attr(el, 'src') ??
      dom.attr(el, 'datetime') ??
      dom.text(el).slice(0, 1000)
    );
  }

  /**
   * An absolute address, or '' when the value is none. Resolved against the element's own document (a same-origin
   * frame has its own base); each document's base is read once, as computing it is a URL serialisation each time.
   */
  function absolute(value: string, el: Element): string {
    if (!value) return '';
    const owner = dom.ownerDocument(el) ?? doc;
    let base = bases.get(owner);
    if (base === undefined) bases.set(owner, (base = docGet<string>(owner, 'baseURI') ?? ''));
    return resolveUrl(value, base);
  }

  /**
   * A link's address. An SVG <a> has an SVGAnimatedString `href`, not a string: the attribute is resolved instead
   * (href, or the older xlink:href).
   */
  function linkHref(el: Element): string {
    const raw = dom.attr(el, 'href') ?? dom.attr(el, 'xlink:href');
    if (raw === null) return '';
    // The browser's own resolution: a string made in C++, no URL object (`new URL` took a twentieth of the gather on
    // a page of links). It equals ours unless the address does not parse (it then gives the value back, ours gives
    // '') or starts or ends with a non-ASCII space (trim removes it, the URL parser encodes it): those take our way.
    const resolved = raw && raw.charCodeAt(0) < 0x80 && raw.charCodeAt(raw.length - 1) < 0x80 ? dom.resolvedHref(el) : null;
    return resolved !== null && resolved !== raw ? resolved : absolute(raw.trim(), el);
  }
}

function isHiddenControl(b: Element): boolean {
  return (typeof b.checkVisibility === 'function' && !b.checkVisibility()) || !!b.closest('[hidden], [aria-hidden="true"]');
}

/** Issue 15: host names an inline script mentions anywhere (a consent or ad loader's address often comes late). */
function hostsIn(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.slice(0, 100_000).matchAll(/(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) {
    out.add(m[1]!.toLowerCase().slice(0, 200));
    if (out.size >= 20) break;
  }
  return [...out];
}

