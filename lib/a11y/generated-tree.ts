// The element tree html-validate builds from the generated code (lib/snapshot/a11y-generated.ts), read in one cheap
// pass, for RGAA 8.2's targeted validation (lib/a11y/html-validate-targeted.ts). The code is a DOM serialised by the
// browser: every attribute written name="value", text with its `<` escaped, every element closed. On such code
// html-validate's lexer and parser (html-validate 10, core.js: Lexer, Parser.consumeTag, discardForeignBody) build
// the plain tree of start and end tags; this pass follows the same token rules and the same tree rules, and gives up
// (null) wherever html-validate would do anything else: an element closed by another (a div in a p), an end tag
// that closes nothing, html-validate's own directives in a comment, templating or CDATA markup, a token it cannot
// read. Given up, the whole page is validated as before.

/** The part of html-validate's element table the tree needs (MetaTable.getMetaFor). */
export interface TreeMeta {
  void?: boolean;
  foreign?: boolean;
  implicitClosed?: string[];
}

export interface TreeNode {
  /** Its place in document order (GeneratedTree.nodes); -1 for the document. */
  index: number;
  /** The tag name as written. */
  tag: string;
  /** Attributes as html-validate keeps them: names lowercased, the first value kept; null for no value. */
  attrs: Map<string, string | null>;
  /** Offsets of the start tag ('<' to after '>'). */
  start: number;
  startEnd: number;
  /** Offsets of the end tag ('</' to after '>'), -1 when there is none (void, or left open by the cut). */
  endStart: number;
  end: number;
  parent: TreeNode | null;
  children: TreeNode[];
  /** An attribute name written twice (html-validate's no-dup-attr compares them lowercased). */
  duplicateAttr: boolean;
  /** An svg keeping a title or desc: html-validate parses those, the rest of a foreign body it skips. */
  keepsForeignChildren: boolean;
  /** The ids of those it keeps (html-validate's selectors count them). */
  foreignIds?: string[];
}

export interface GeneratedTree {
  /** The document: its children are the top-level elements; it has no tag. */
  root: TreeNode;
  /** The doctype as written, '' when none. */
  doctype: string;
  /** Every element in document order. */
  nodes: TreeNode[];
}

// html-validate's token patterns (core.js), anchored here with the sticky flag.
const DOCTYPE = /<!DOCTYPE\s[^>]+>/iy;
const TAG_OPEN = /<(\/?)([a-zA-Z0-9\-_:]+)/y;
const WHITESPACE = /(?:\r\n|\r|\n|[ \t]+(?:\r\n|\r|\n)?)/y;
const ATTR_NAME = /[^\t\r\n\f \/><"'=]+/y;
const ATTR_VALUE = /(\s*=\s*)(?:'([^']*?)'|"([^"]*?)"|([^\t\r\n\f "'<>][^\t\r\n\f <>]*))/y;
/** One space, a name, and a double-quoted value or none: what the serialisation writes. */
const ATTR_PLAIN = / ([^\t\r\n\f \/><"'=]+)(?:="([^"]*)")?/y;
const DIRECTIVE = /<!--\s*\[?html-validate-/y;
/** Elements whose text html-validate reads raw, to their end tag (Lexer.enter). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const NO_ATTRS: Map<string, string | null> = new Map();
const END = -1;
const UNREAD = -2;

/**
 * An attribute as html-validate keeps it: the name lowercased, the first value kept, a repeat noted. html-validate
 * files attributes in a plain object: a name the object already has (constructor, __proto__) breaks its parser, and
 * the page is left to it whole, to fail as it does.
 */
function attribute(tag: Tag, name: string, value: string | null) {
  const key = name.toLowerCase();
  if (key in OBJECT) tag.unread = true;
  if (tag.attrs === NO_ATTRS) tag.attrs = new Map();
  if (tag.attrs.has(key)) tag.duplicateAttr = true;
  else tag.attrs.set(key, value);
}
const OBJECT = {};

interface Tag {
  closing: boolean;
  name: string;
  attrs: Map<string, string | null>;
  duplicateAttr: boolean;
  selfClosed: boolean;
  start: number;
  end: number;
  /** Something html-validate reads otherwise than this pass. */
  unread?: boolean;
}

/**
 * The tree html-validate would build from `html`, or null where it would build another one or stop. `cut`: the code
 * was cut after a tag (lib/snapshot/a11y-generated.ts), so elements may be left open at its end.
 */
export function readGeneratedTree(html: string, metaFor: (tag: string) => TreeMeta | null, cut: boolean): GeneratedTree | null {
  // A byte-order mark or an XML declaration: html-validate reads them apart; the serialisation never writes them.
  if (html.startsWith('\uFEFF') || html.startsWith('<?xml')) return null;
  const root: TreeNode = { index: -1, tag: '', attrs: new Map(), start: 0, startEnd: 0, endStart: -1, end: -1, parent: null, children: [], duplicateAttr: false, keepsForeignChildren: false };
  const nodes: TreeNode[] = [];
  let pos = 0;
  DOCTYPE.lastIndex = 0;
  const doctype = DOCTYPE.exec(html)?.[0] ?? '';
  pos = doctype.length;

  /** The tag starting at `at` (a '<' followed by a name), or null when html-validate's lexer would not read it. */
  const readTag = (at: number): Tag | null => {
    TAG_OPEN.lastIndex = at;
    const open = TAG_OPEN.exec(html);
    if (!open) return null;
    const tag: Tag = { closing: open[1] === '/', name: open[2]!, attrs: NO_ATTRS, duplicateAttr: false, selfClosed: false, start: at, end: -1 };
    let i = TAG_OPEN.lastIndex;
    for (;;) {
      const c = html.charCodeAt(i);
      if (c === 62 /* > */ || (c === 47 /* / */ && html.charCodeAt(i + 1) === 62)) {
        tag.selfClosed = c === 47;
        tag.end = i + (c === 47 ? 2 : 1);
        return tag.unread ? null : tag;
      }
      // The serialisation's own form, ` name="value"`: the same tokens as html-validate's whitespace, name and value.
      ATTR_PLAIN.lastIndex = i;
      const plain = ATTR_PLAIN.exec(html);
      if (plain) {
        attribute(tag, plain[1]!, plain[2] ?? null);
        i = ATTR_PLAIN.lastIndex;
        continue;
      }
      // Otherwise html-validate's tokens one by one: a name (with a value or none), or whitespace.
      ATTR_NAME.lastIndex = i;
      const name = ATTR_NAME.exec(html);
      if (name) {
        i = ATTR_NAME.lastIndex;
        ATTR_VALUE.lastIndex = i;
        const value = ATTR_VALUE.exec(html);
        if (value) i = ATTR_VALUE.lastIndex;
        attribute(tag, name[0], value ? (value[2] ?? value[3] ?? value[4] ?? '') : null);
        continue;
      }
      WHITESPACE.lastIndex = i;
      if (!WHITESPACE.exec(html) || WHITESPACE.lastIndex === i) return null;
      i = WHITESPACE.lastIndex;
    }
  };

  /** After a start tag of script, style, textarea or title: its text, read raw to its end tag. */
  const skipRawText = (tag: Tag): number => {
    if (tag.closing || tag.selfClosed || !RAW_TEXT.has(tag.name)) return tag.end;
    const next = html.indexOf(`</${tag.name}`, tag.end);
    return next < 0 ? -1 : next;
  };

  /** Where the next tag starts from `at`, comments and text skipped: END at the end, UNREAD where html-validate differs. */
  const nextTagAt = (at: number): number => {
    for (let i = at; ; ) {
      const lt = html.indexOf('<', i);
      if (lt < 0) return END;
      const c = html.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        // A comment; html-validate's directives, conditional comments and CDATA are not followed here.
        if (!html.startsWith('<!--', lt)) return UNREAD;
        DIRECTIVE.lastIndex = lt;
        if (DIRECTIVE.test(html)) return UNREAD;
        const close = html.indexOf('-->', lt + 4);
        if (close < 0) return UNREAD;
        i = close + 3;
        continue;
      }
      if (c === 32 /* space */) {
        // html-validate keeps "< " as text; anything else after '<' is a tag, markup it does not follow, or an error.
        i = lt + 2;
        continue;
      }
      return lt;
    }
  };
  /** The next tag from `at`: 'end' at the end of the code; null where html-validate differs. */
  const nextTag = (at: number): Tag | 'end' | null => {
    const lt = nextTagAt(at);
    return lt === END ? 'end' : lt === UNREAD ? null : readTag(lt);
  };

  const stack: TreeNode[] = [root];
  for (;;) {
    const lt = nextTagAt(pos);
    if (lt === UNREAD) return null;
    if (lt === END) break;
    const active = stack[stack.length - 1]!;
    // Most tags are the end tag of the open element, written `</name>`: read without a pattern.
    if (active !== root && html.charCodeAt(lt + 1) === 47 && html.startsWith(active.tag, lt + 2) && html.charCodeAt(lt + 2 + active.tag.length) === 62) {
      active.endStart = lt;
      active.end = pos = lt + 3 + active.tag.length;
      stack.pop();
      continue;
    }
    const tag = readTag(lt);
    if (tag === null) return null;
    // Case decides html-validate's tag comparisons in places; the serialisation writes HTML names in lower case.
    if (tag.name !== tag.name.toLowerCase()) return null;
    if (tag.closing) {
      // An end tag closes the open element of its name, or the tree differs from here on (close-order); one with
      // attributes (never serialised) would meet no-dup-attr with the start tag's.
      if (active === root || active.tag !== tag.name || tag.attrs !== NO_ATTRS || tag.duplicateAttr) return null;
      active.endStart = tag.start;
      active.end = tag.end;
      stack.pop();
      pos = tag.end;
      continue;
    }
    // An element html-validate closes implicitly on this start tag (a p on a div): another tree.
    if (active !== root && metaFor(active.tag)?.implicitClosed?.includes(tag.name)) return null;
    const meta = metaFor(tag.name);
    const node: TreeNode = {
      index: nodes.length,
      tag: tag.name,
      attrs: tag.attrs,
      start: tag.start,
      startEnd: tag.end,
      endStart: -1,
      end: tag.end,
      parent: active,
      children: [],
      duplicateAttr: tag.duplicateAttr,
      keepsForeignChildren: false,
    };
    active.children.push(node);
    nodes.push(node);
    if (tag.selfClosed || meta?.void) {
      pos = tag.end;
      continue;
    }
    if (meta?.foreign) {
      // html-validate skips a foreign body to the matching end tag, nested ones counted, keeping an svg's title
      // and desc (Parser.discardForeignBody): the element stays a leaf, read whole when it keeps some.
      let nested = 1;
      let at = skipRawText(tag);
      for (;;) {
        // A body the code ends in: html-validate stops with a parser error (Parser.consumeUntil).
        const inner = at < 0 ? null : nextTag(at);
        if (inner === null || inner === 'end') return null;
        at = skipRawText(inner);
        if (!inner.closing && tag.name === 'svg' && (inner.name === 'title' || inner.name === 'desc')) {
          // Parsed as a child, to its end tag: that must be the next tag (title is read raw; a desc with markup
          // would be a subtree). Its id counts in html-validate's selectors.
          if (inner.selfClosed || at < 0) return null;
          const after = nextTag(at);
          if (after === null || after === 'end' || !after.closing || after.name !== inner.name) return null;
          node.keepsForeignChildren = true;
          const id = inner.attrs.get('id');
          if (id) (node.foreignIds ??= []).push(id);
          at = after.end;
          continue;
        }
        if (inner.name !== tag.name) continue;
        if (inner.closing) nested--;
        else if (!inner.selfClosed) nested++;
        if (nested === 0) {
          node.endStart = inner.start;
          node.end = inner.end;
          break;
        }
      }
      pos = node.end;
      continue;
    }
    stack.push(node);
    // Raw text the code ends in: html-validate stops with a lexer error.
    pos = skipRawText(tag);
    if (pos < 0) return null;
  }
  // Elements left open are the cut's (html-validate closes them at the end; the detector's « unclosed » then says
  // nothing); an uncut page that leaves some open is another tree.
  if (stack.length > 1 && !cut) return null;
  return { root, doctype, nodes };
}
