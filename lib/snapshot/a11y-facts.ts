import { domRead, type DomRead } from './dom-read';
import { docCall, docGet } from './doc-read';
import { A11Y_LIMITS } from './limits';
import { clip, type RefMaker } from './node-ref';
import { collectFocusTraps } from './a11y-keyboard';
import { collectPresentationFacts, emptyPresentationFacts, type PresentationFromWalk } from './a11y-presentation';
import type { A11yFacts } from './schema';

// DOM facts for Loupe's own accessibility rules (lib/detectors/a11y-*.ts), gathered after the main walk in their own
// pass so the main walk stays as it is: link names with targets and context, field labels, tables and their header
// markup, duplicate ids that labels or ARIA point to, text put by CSS in ::before/::after, media state, and a sample
// of the running text. Each list is capped; each query is one pass over the document. Attributes and text are read
// through the prototypes: a form's named controls (<input name="getAttribute">) shadow an element's own methods.

export const REFERRING_ATTRS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto'] as const;
/** What the accessibility facts read as a link: the walk (lib/snapshot/collect.ts) notes the same elements. */
export const A11Y_LINK = 'a, [role="link"]';
const CONTEXT = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, caption, figcaption, blockquote';
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'SVG', 'MATH', 'TEXTAREA']);

export function emptyA11yFacts(): A11yFacts {
  return { links: [], fields: [], tables: [], duplicateIds: [], pseudoContent: [], media: [], text: { sample: '', foreignLangChars: 0 }, ...emptyPresentationFacts(), focusTraps: [], truncated: [] };
}

/**
 * What the gather's main walk already found, in document order, from the attribute names it reads of every element
 * (lib/snapshot/collect.ts): each list was a query testing every element of the page, and together they were most of
 * this pass at 10,000 elements (npm run bench, gather). A list left out is queried here.
 */
export interface FromWalk extends PresentationFromWalk {
  /** Addresses the main walk already resolved, by link: resolving them again was a tenth of this pass. */
  resolved?: ReadonlyMap<Element, string>;
  /** Elements that carry an id reference (a label's for, ARIA's id lists, a cell's headers). */
  referrers?: readonly Element[];
  /** Elements with an inline blur or key handler. */
  handlers?: readonly Element[];
  /** A11Y_LINK elements, fields (input, select, textarea) and tables. */
  links?: readonly Element[];
  fields?: readonly Element[];
  tables?: readonly Element[];
}

/** `breathe` lets the page respond when the current slice has run long; it is awaited every few hundred items. */
export async function collectA11yFacts(
  doc: Document,
  refs: RefMaker,
  breathe: () => Promise<void> = async () => {},
  dom: DomRead = domRead(docGet<Window | null>(doc, 'defaultView')),
  /** One link, field, table or medium that throws when read is counted here and skipped; the rest stands. */
  unread: (error: unknown) => void = () => {},
  fromWalk: FromWalk = {},
): Promise<A11yFacts> {
  // The loops breathe every so many items, tested in place: an `await` per item (of a helper that seldom waits)
  // costs a promise and a turn each, thousands per page.
  let step = 0;
  // The gather's own prototype reads (lib/snapshot/dom-read.ts); the document-level ones below are this pass's only.
  const attr = dom.attr;
  const all = (root: Document | Element, sel: string): Element[] => dom.querySelectorAll(root, sel);
  const closest = dom.closest;
  /** Text of an element, read only as far as needed: a link in a huge cell must not pay for the whole cell. */
  const text = (n: Node, max = 600): string => {
    if (dom.nodeType(n) === 3) return dom.text(n);
    const walker = walkText(n);
    let out = '';
    for (let t = walker.nextNode(); t && out.length < max; t = walker.nextNode()) out += (t as Text).data;
    return out;
  };
  const walkText = (root: Node) => docCall<TreeWalker>(doc, 'createTreeWalker', root, 4 /* NodeFilter.SHOW_TEXT */);
  const facts = emptyA11yFacts();
  const cut = (key: string) => facts.truncated.includes(key) || facts.truncated.push(key);
  const byId = (id: string) => dom.byId(doc, id);

  /** The address a link leads to: an SVG <a> has an SVGAnimatedString for href, so its attribute is resolved here. */
  const hrefOf = (a: Element): string => {
    const known = fromWalk.resolved?.get(a);
    if (known) return known;
    const own: unknown = (a as HTMLAnchorElement).href;
    if (typeof own === 'string') return own;
    try {
        return new URL(attr(a, 'href') ?? attr(a, 'xlink:href') ?? '', docGet<string>(doc, 'baseURI')).href;
      } catch {
        return '';
      }
    };
    /** Text of the elements an aria-labelledby names. */
    const labelledBy = (el: Element): string =>
      (attr(el, 'aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => (byId(id) ? text(byId(id)!) : '')).join(' ');

    /** Text with the alternatives of images inside, as an accessible name would read, hidden parts skipped. */
    const contentName = (el: Element): string => {
      let out = '';
      const visit = (n: Node) => {
        if (out.length > 500) return;
        if (n.nodeType === 3) out += (n as Text).data;
        else if (n.nodeType === 1) {
          const e = n as Element;
          if (attr(e, 'aria-hidden') === 'true') return;
          if (e.localName === 'img' || (e.localName === 'input' && attr(e, 'type') === 'image')) out += ' ' + (attr(e, 'alt') ?? '') + ' ';
          else if (e.localName === 'svg') out += ' ' + (attr(e, 'aria-label') ?? (e.querySelector('title')?.textContent ?? '')) + ' ';
          else for (let c = e.firstChild; c; c = c.nextSibling) visit(c);
        }
      };
      visit(el);
      return out;
    };

    // Links: name, raw href, role, and the text around them (RGAA's "contexte du lien").
    for (const a of fromWalk.links ?? all(doc, A11Y_LINK)) {
      if ((++step & 63) === 0) await breathe();
      try {
      if (facts.links.length >= A11Y_LIMITS.links) {
        cut('links');
        break;
      }
      const ctx = a.parentElement ? closest(a.parentElement, CONTEXT) : null;
      const name = labelledBy(a) || attr(a, 'aria-label') || contentName(a) || attr(a, 'title') || '';
      facts.links.push({
        name: clip(name, 300),
        title: clip(attr(a, 'title') ?? '', 300),
        hrefAttr: clip(attr(a, 'href') ?? '', 500),
        href: clip(a.localName === 'a' ? hrefOf(a) : '', 2000),
        hasHref: a.localName === 'a' && attr(a, 'href') !== null,
        role: clip(attr(a, 'role') ?? '', 40),
        onclick: attr(a, 'onclick') !== null,
        context: clip(ctx ? text(ctx) : '', 300),
        ref: refs.ref(a, { geometry: false }),
      });
    } catch (error) {
      unread(error);
    }
  }

  // Form fields: which of the ways to label them are present.
  for (const f of fromWalk.fields ?? all(doc, 'input, select, textarea')) {
    if ((++step & 63) === 0) await breathe();
    try {
      const type = (attr(f, 'type') ?? (f.localName === 'input' ? 'text' : f.localName)).toLowerCase();
      if (f.localName === 'input' && /^(hidden|submit|reset|button|image)$/.test(type)) continue;
      if (facts.fields.length >= A11Y_LIMITS.fields) {
        cut('fields');
        break;
      }
      const labels = Array.from((f as HTMLInputElement).labels ?? []);
      facts.fields.push({
        tag: f.localName,
        type: clip(type, 40),
        placeholder: clip(attr(f, 'placeholder') ?? '', 300),
        label: clip(labels.map((l) => text(l)).join(' '), 300),
        ariaLabel: clip(attr(f, 'aria-label') ?? '', 300),
        labelledBy: clip(labelledBy(f), 300),
        title: clip(attr(f, 'title') ?? '', 300),
        ref: refs.ref(f, { geometry: false }),
      });
    } catch (error) {
      unread(error);
    }
  }

  // Tables and their header markup.
  for (const t of fromWalk.tables ?? all(doc, 'table')) {
    if ((++step & 63) === 0) await breathe();
    try {
      if (facts.tables.length >= A11Y_LIMITS.tables) {
        cut('tables');
        break;
      }
      const own = (sel: string) => all(t, sel).filter((e) => closest(e, 'table') === t);
      const rows = own('tr');
      facts.tables.push({
        role: clip(attr(t, 'role') ?? '', 40),
        rows: rows.length,
        cols: rows.reduce((m, r) => Math.max(m, (r as HTMLTableRowElement).cells?.length ?? 0), 0),
        th: own('th').length,
        roleHeaders: own('[role="columnheader"], [role="rowheader"]').length,
        caption: clip(own('caption').map((c) => text(c)).join(' '), 200),
        thead: own('thead').length > 0,
        summary: attr(t, 'summary') !== null,
        scopeOrHeaders: own('[scope], [headers]').length > 0,
        nested: t.parentElement !== null && closest(t.parentElement, 'table') !== null,
        rowWidths: rowWidths(rows),
        ref: refs.ref(t, { geometry: false }),
      });
    } catch (error) {
      unread(error);
    }
  }

  // Ids that appear more than once, when a label or an ARIA attribute points to them: first the references (one
  // scan), then, only if there are any, the elements that carry those ids (a second scan).
  const refsTo = new Map<string, { attrs: Set<string>; by: Element[] }>();
  for (const el of fromWalk.referrers ?? all(doc, 'label[for], ' + REFERRING_ATTRS.map((a) => `[${a}]`).join(', ') + ', td[headers], th[headers]')) {
    if ((++step & 63) === 0) await breathe();
    for (const a of el.localName === 'label' ? ['for', ...REFERRING_ATTRS] : [...REFERRING_ATTRS, 'headers']) {
      for (const id of (attr(el, a) ?? '').split(/\s+/)) {
        if (!id) continue;
        const r = refsTo.get(id) ?? { attrs: new Set<string>(), by: [] };
        r.attrs.add(a);
        if (r.by.length < 5 && !r.by.includes(el)) r.by.push(el);
        refsTo.set(id, r);
      }
    }
  }
  const holders = new Map<string, Element[]>();
  if (refsTo.size > 0) {
    for (const el of all(doc, '[id]')) {
      if ((++step & 63) === 0) await breathe();
      const id = attr(el, 'id') ?? '';
      if (!refsTo.has(id)) continue;
      const held = holders.get(id);
      if (held) held.push(el);
      else holders.set(id, [el]);
    }
  }
  for (const [id, held] of holders) {
    if (held.length < 2) continue;
    if (facts.duplicateIds.length >= A11Y_LIMITS.duplicateIds) {
      cut('duplicateIds');
      break;
    }
    const r = refsTo.get(id)!;
    facts.duplicateIds.push({
      id: clip(id, 200),
      count: held.length,
      attributes: [...r.attrs].sort(),
      referrers: r.by.map((el) => refs.ref(el, { geometry: false })),
      holders: held.slice(0, 5).map((el) => refs.ref(el, { geometry: false })),
    });
  }

  await breathe();
  collectPseudoContent();
  await breathe();

  // Media: what the ACT rule on autoplaying audio needs (duration, sound, controls, paused).
  for (const m of all(doc, 'video, audio')) {
    if ((++step & 63) === 0) await breathe();
    try {
      if (facts.media.length >= A11Y_LIMITS.media) {
        cut('media');
        break;
      }
      const el = m as HTMLMediaElement & { mozHasAudio?: boolean; webkitAudioDecodedByteCount?: number };
      const hasAudio = m.localName === 'audio' ? true : typeof el.mozHasAudio === 'boolean' ? el.mozHasAudio : (el.webkitAudioDecodedByteCount ?? 0) > 0 ? true : null;
      facts.media.push({
        tag: m.localName as 'video' | 'audio',
        autoplay: attr(m, 'autoplay') !== null,
        muted: attr(m, 'muted') !== null || el.muted === true,
        controls: attr(m, 'controls') !== null,
        loop: attr(m, 'loop') !== null,
        paused: el.paused !== false,
        duration: Number.isFinite(el.duration) ? Math.round(el.duration * 10) / 10 : el.duration === Infinity ? -1 : null,
        hasAudio,
        ref: refs.ref(m, { geometry: false }),
      });
    } catch (error) {
      unread(error);
    }
  }

  // Running text in the page's declared language: text inside an element with another lang is set aside.
  const root = docGet<Element | null>(doc, 'documentElement') ?? null;
  const body = docGet<HTMLElement | null>(doc, 'body');
  const pageLang = ((root && attr(root, 'lang')) ?? '').toLowerCase().split('-')[0];
  if (body) {
    const walker = walkText(body);
    let sample = '';
    for (let n = walker.nextNode(); n && sample.length < A11Y_LIMITS.textSample; n = walker.nextNode()) {
      try {
        const data = (n as Text).data;
        const parent = dom.parentElement(n);
        if (!parent || NOT_TEXT.has(dom.localName(parent).toUpperCase()) || !/\p{L}{2}/u.test(data)) continue;
        const langEl = closest(parent, '[lang]');
        const lang = (langEl ? (attr(langEl, 'lang') ?? '') : '').toLowerCase().split('-')[0];
        if (langEl && langEl !== root && lang !== pageLang) facts.text.foreignLangChars += data.length;
        else sample += ' ' + data.replace(/\s+/g, ' ').trim();
      } catch (error) {
        unread(error);
      }
    }
    facts.text.sample = sample.trim().slice(0, A11Y_LIMITS.textSample);
  }
  await breathe();
  Object.assign(facts, await collectPresentationFacts(doc, refs, dom, breathe, unread, cut, fromWalk));
  facts.focusTraps = collectFocusTraps(doc, refs, dom, unread, cut, fromWalk.handlers);
  return facts;

  /** Each row's width in columns, as the HTML table model counts it: its cells' colspans plus the rowspans above. */
  function rowWidths(rows: Element[]): { min: number; max: number } {
    let min = Infinity;
    let max = 0;
    let above: { cols: number; rows: number }[] = [];
    for (const r of rows.slice(0, 1000)) {
      let width = above.reduce((sum, a) => sum + a.cols, 0);
      above = above.map((a) => ({ ...a, rows: a.rows - 1 })).filter((a) => a.rows > 0);
      for (const c of Array.from((r as HTMLTableRowElement).cells ?? [])) {
        const cols = Math.max(1, Math.min(1000, Number(attr(c, 'colspan')) || 1));
        // rowspan="0" spans to the end of the section.
        const span = attr(c, 'rowspan') === '0' ? 1000 : Math.max(1, Math.min(65534, Number(attr(c, 'rowspan')) || 1));
        width += cols;
        if (span > 1) above.push({ cols, rows: span - 1 });
      }
      min = Math.min(min, width);
      max = Math.max(max, width);
    }
    return { min: Number.isFinite(min) ? min : 0, max };
  }

  /** Readable style sheets, rule by rule: text that CSS writes before or after elements. */
  function collectPseudoContent() {
    let seen = 0;
    let queries = 0;
    const visit = (rules: CSSRuleList | undefined) => {
      for (const rule of Array.from(rules ?? [])) {
        if (++seen > A11Y_LIMITS.cssRules) return cut('cssRules');
        const inner = (rule as CSSGroupingRule).cssRules;
        if (inner && !(rule as CSSStyleRule).selectorText) {
          visit(inner);
          continue;
        }
        const style = (rule as CSSStyleRule).style;
        const selector = (rule as CSSStyleRule).selectorText ?? '';
        const content = style?.getPropertyValue('content') ?? '';
        if (!/::?(before|after)/i.test(selector) || !/^["']/.test(content.trim())) continue;
        // Browsers serialise escapes as characters, other engines may not: "\\2192" is an arrow, not a number.
        const value = content
          .trim()
          .replace(/^["']|["']$/g, '')
          .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => (parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(parseInt(hex, 16)) : ''));
        if (!/[\p{L}\p{N}]/u.test(value)) continue;
        for (const part of selector.split(',')) {
          const pseudo = /::?(before|after)/i.exec(part);
          if (!pseudo) continue;
          // Each selector tried costs a pass over the page: a sheet of thousands of such rules must not cost thousands.
          if (++queries > A11Y_LIMITS.pseudoQueries) return cut('pseudoContent');
          let matched: Element[] = [];
          try {
            matched = all(doc, part.replace(/::?(before|after)/gi, '').trim() || '*');
          } catch {
            continue;
          }
          if (matched.length === 0) continue;
          if (facts.pseudoContent.length >= A11Y_LIMITS.pseudoContent) return cut('pseudoContent');
          facts.pseudoContent.push({
            selector: clip(part.trim(), 300),
            pseudo: pseudo[1]!.toLowerCase() === 'before' ? 'before' : 'after',
            content: clip(value, 200),
            count: matched.length,
            ref: refs.ref(matched[0]!, { geometry: false }),
          });
        }
      }
    };
    for (const sheet of Array.from(docGet<StyleSheetList | undefined>(doc, 'styleSheets') ?? [])) {
      try {
        visit(sheet.cssRules);
      } catch {
        // Style sheets from another origin cannot be read.
      }
    }
  }
}
