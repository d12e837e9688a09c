import type { HtmlValidate, Message, MetaElement, Validator as HtmlValidateValidator } from 'html-validate/browser';
import { readGeneratedTree, type GeneratedTree, type TreeNode } from './generated-tree';

// RGAA 8.2 validates the generated code with html-validate (lib/detectors/a11y-html-validity.ts). Parsing a long
// page is most of its cost (≈130 ms of ≈170 ms for 300,000 characters), yet the rules Loupe runs
// (lib/a11y/html-validate-rules.ts) report an element only for what stands around it: its own tag and attributes
// (deprecated, no-dup-attr), its parent and ancestors (permitted content and descendants, through transparent
// elements; permitted parent; required ancestors), its siblings (permitted occurrences). So the page's tree is read
// in one cheap pass (lib/a11y/generated-tree.ts), the elements any of those rules could report are found with
// html-validate's own element table and its own Validator, and html-validate judges a reduced document: those
// elements, their ancestors, and every sibling along the way as an empty element with its start tag as written.
//
// Why it gives the same messages: every element of the reduced document has the same tag and attributes, the same
// ancestors and the same siblings as in the page, so each rule says of it what it says in the page; what the page
// says of an element left out, the search below would have kept. Selectors match too: html-validate names an element
// by its ancestors' positions among their siblings (all there) and stops at an id that is unique in the document
// (every element whose id is repeated is kept, so a unique id stays unique and a repeated one repeated). The search
// errs towards keeping: a transparent element's children are judged whether or not it is permitted, every ancestor's
// permitted descendants are tried, every quantified rule is counted. Where the page's code is not the plain tree
// (generated-tree.ts gives up), or the table holds a selector this file does not read, the whole page is validated
// as before. test/unit/html-validate-targeted.test.ts compares both ways on real pages and on the fixtures.

type Validator = typeof HtmlValidateValidator;
/** Resolved metadata: html-validate's dynamic properties evaluated for one element. */
type Meta = MetaElement & Record<string, unknown>;

/** The metadata properties html-validate evaluates per element (core.js: dynamicKeys). */
const DYNAMIC_KEYS = ['metadata', 'flow', 'sectioning', 'heading', 'phrasing', 'embedded', 'interactive', 'labelable'] as const;

/** A selector this file does not read: the page is left to html-validate whole. */
class Unsupported extends Error {}

/** One compound of a selector: a tag name and attribute equalities (`dl`, `[role="main"]`). */
interface Compound {
  tag: string | null;
  attrs: [string, string][];
}
const COMPOUND = /^([a-z0-9-]+)?((?:\[[a-z-]+="[^"]*"\])*)$/;
const parsedSelectors = new Map<string, Compound[][]>();
/** The element table's selectors: lists of child-combinator chains (`dl > div > dd, template > dd`). */
function parseSelector(selector: string): Compound[][] {
  let parsed = parsedSelectors.get(selector);
  if (parsed) return parsed;
  parsed = selector.split(',').map((alternative) =>
    alternative
      .split('>')
      .map((part) => {
        const m = COMPOUND.exec(part.trim());
        if (!m || (!m[1] && !m[2])) throw new Unsupported(selector);
        const attrs = [...(m[2] ?? '').matchAll(/\[([a-z-]+)="([^"]*)"\]/g)].map((a) => [a[1]!, a[2]!] as [string, string]);
        return { tag: m[1] ?? null, attrs };
      })
      .reverse(),
  );
  parsedSelectors.set(selector, parsed);
  return parsed;
}
const compoundMatches = (node: TreeNode, c: Compound) => node.tag !== '' && (c.tag === null || node.tag === c.tag) && c.attrs.every(([k, v]) => node.attrs.get(k) === v);
function matches(node: TreeNode, selector: string): boolean {
  return parseSelector(selector).some((chain) => {
    let cur: TreeNode | null = node;
    for (const c of chain) {
      if (!cur || !compoundMatches(cur, c)) return false;
      cur = cur.parent;
    }
    return true;
  });
}
function closest(node: TreeNode, selector: string): TreeNode | null {
  for (let cur: TreeNode | null = node; cur && cur.tag !== ''; cur = cur.parent) if (matches(cur, selector)) return cur;
  return null;
}

/** What html-validate's Validator reads of an element (its metadata, matches, closest), for a tree node. */
class Element {
  constructor(
    readonly node: TreeNode,
    readonly meta: Meta | null,
    /** What a content rule's verdict depends on: the tag, and the categories evaluated for this element. */
    readonly kind: string,
    private readonly of: (node: TreeNode) => Element,
  ) {}
  matches(selector: string): boolean {
    return matches(this.node, selector);
  }
  closest(selector: string): Element | null {
    const found = closest(this.node, selector);
    return found ? this.of(found) : null;
  }
}

/** What html-validate's dynamic metadata reads of an element (its _adapter: closest, getAttribute, hasAttribute). */
class Adapter {
  constructor(private readonly node: TreeNode) {}
  closest(selector: string): Adapter | undefined {
    const found = closest(this.node, selector);
    return found ? new Adapter(found) : undefined;
  }
  getAttribute(name: string): string | null | undefined {
    return this.node.attrs.get(name.toLowerCase());
  }
  hasAttribute(name: string): boolean {
    return this.node.attrs.has(name.toLowerCase());
  }
}

type Rules = NonNullable<MetaElement['permittedContent']>;

/** What a tag's metadata asks, read once per tag. */
interface TagRules {
  meta: Meta | null;
  /** Some of its content categories depend on the element's attributes or ancestors. */
  dynamic: boolean;
  /** Its quantified content rules (`caption?`), for element-permitted-occurrences. */
  quantified: string[];
}

/** A rule list whose verdict depends on the element's tag and metadata alone (no selector reaching its parent). */
const plainRules = new WeakMap<object, boolean>();
function isPlain(rules: object): boolean {
  let plain = plainRules.get(rules);
  if (plain === undefined) plainRules.set(rules, (plain = !/[>,[]/.test(JSON.stringify(rules))));
  return plain;
}

/** The page's elements html-validate could report with Loupe's rules, and those its selectors need. */
function elementsToKeep(tree: GeneratedTree, metaFor: (tag: string) => Meta | null, validator: Validator): Set<TreeNode> | null {
  const tagRules = new Map<string, TagRules>();
  const rulesOf = (tag: string): TagRules => {
    let r = tagRules.get(tag);
    if (!r) {
      const meta = metaFor(tag);
      const quantified = (meta?.permittedContent ?? []).filter((rule): rule is string => typeof rule === 'string' && /[?*]$/.test(rule));
      tagRules.set(tag, (r = { meta, dynamic: meta !== null && DYNAMIC_KEYS.some((k) => typeof meta[k] === 'function'), quantified }));
    }
    return r;
  };
  const elements: (Element | undefined)[] = new Array(tree.nodes.length);
  const element = (node: TreeNode): Element => {
    let el = elements[node.index];
    if (el) return el;
    const { meta, dynamic } = rulesOf(node.tag);
    if (!dynamic) el = new Element(node, meta, node.tag, element);
    else {
      // html-validate evaluates these with the element's attributes and ancestors (MetaTable.resolve).
      const adapter = new Adapter(node);
      const own = { ...meta! };
      let kind = node.tag;
      for (const k of DYNAMIC_KEYS) {
        const property = own[k];
        if (typeof property === 'function') kind += `|${String((own[k] = property(adapter)))}`;
      }
      el = new Element(node, own, kind, element);
    }
    elements[node.index] = el;
    return el;
  };
  /** The element's metadata, evaluated for it where it depends on its attributes. */
  const metaOf = (node: TreeNode): Meta | null => {
    const r = rulesOf(node.tag);
    return r.dynamic ? element(node).meta : r.meta;
  };
  /**
   * Validator.validatePermitted, its verdict kept by tag (and evaluated categories) where it depends on nothing else:
   * rules without a selector that reaches the element's parent or attributes.
   */
  const verdicts = new WeakMap<object, Map<string, boolean>>();
  const permitted = (node: TreeNode, rules: Rules): boolean => {
    if (!isPlain(rules)) return validator.validatePermitted(element(node) as never, rules);
    const kind = rulesOf(node.tag).dynamic ? element(node).kind : node.tag;
    let byKind = verdicts.get(rules);
    if (!byKind) verdicts.set(rules, (byKind = new Map()));
    let verdict = byKind.get(kind);
    if (verdict === undefined) byKind.set(kind, (verdict = validator.validatePermitted(element(node) as never, rules)));
    return verdict;
  };

  const keep = new Set<TreeNode>();
  const root = tree.root;
  /** element-permitted-content: the child against its parent's rules, and through a transparent child, its children. */
  const content = (node: TreeNode, rules: Rules) => {
    if (!permitted(node, rules)) keep.add(node);
    if (metaOf(node)?.transparent) for (const child of node.children) content(child, rules);
  };
  /** element-permitted-occurrences: among the children a quantified rule (`caption?`) matches, all but the first. */
  const occurrences = (node: TreeNode, quantified: string[]) => {
    const children = node.children.map(element);
    for (const rule of quantified) {
      validator.validateOccurrences(children as never, [rule], (child) => {
        keep.add((child as unknown as Element).node);
      });
    }
  };
  /** The permittedDescendants of each element's ancestors, built down the tree (nodes come in document order). */
  const descendantRules: Rules[][] = new Array(tree.nodes.length);
  const none: Rules[] = [];

  const ids = new Map<string, number>();
  const count = (id: string | null | undefined) => {
    if (id) ids.set(id.toLowerCase(), (ids.get(id.toLowerCase()) ?? 0) + 1);
  };
  for (const node of tree.nodes) {
    if (node.attrs.size) count(node.attrs.get('id'));
    // An svg's title or desc: the svg is kept whole (generated-tree.ts), their ids counted with the others.
    node.foreignIds?.forEach(count);
    const parent = node.parent!;
    const { meta: tagMeta, quantified } = rulesOf(node.tag);
    const inherited = parent === root ? none : descendantRules[parent.index]!;
    try {
      const meta = metaOf(node);
      if (node.duplicateAttr || node.keepsForeignChildren || meta?.deprecated) keep.add(node);
      if (meta?.requiredAncestors && !validator.validateAncestors(element(node) as never, meta.requiredAncestors)) keep.add(node);
      if (quantified.length && node.children.length > 1) occurrences(node, quantified);
      if (parent !== root) {
        const parentMeta = metaOf(parent);
        if (parentMeta?.permittedContent) content(node, parentMeta.permittedContent);
        if (meta?.permittedParent && parent.tag !== node.tag && !permitted(parent, meta.permittedParent)) keep.add(node);
        for (const rules of inherited) if (!permitted(node, rules)) keep.add(node);
      }
    } catch (error) {
      // A selector this file does not read (none in html-validate's html5 table today): the whole page is validated.
      if (error instanceof Unsupported) return null;
      throw error;
    }
    if (node.children.length) descendantRules[node.index] = tagMeta?.permittedDescendants ? [...inherited, tagMeta.permittedDescendants] : inherited;
  }
  // An id written more than once: its elements are kept so that html-validate does not take it for unique.
  for (const node of tree.nodes) {
    const id = node.attrs.size ? node.attrs.get('id')?.toLowerCase() : undefined;
    if (id && ids.get(id)! > 1) keep.add(node);
  }
  // (An svg with foreign ids keeps a title or desc, so it is kept already.)
  return keep;
}

/** A piece of the reduced document copied from the page's code: where it stands in each. */
interface Segment {
  at: number;
  from: number;
  length: number;
}

/** The reduced document: kept elements, their ancestors, and each of those ancestors' children as empty elements. */
function reduce(html: string, tree: GeneratedTree, keep: Set<TreeNode>): { html: string; segments: Segment[] } {
  const open = new Set<TreeNode>();
  for (const node of keep) for (let a = node.parent; a && a !== tree.root && !open.has(a); a = a.parent) open.add(a);
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  const copy = (from: number, to: number) => {
    segments.push({ at: length, from, length: to - from });
    parts.push(html.slice(from, to));
    length += to - from;
  };
  const write = (node: TreeNode) => {
    // An svg keeping a title or desc is copied whole: html-validate parses those (generated-tree.ts).
    if (node.keepsForeignChildren) return copy(node.start, node.end);
    copy(node.start, node.startEnd);
    if (open.has(node)) for (const child of node.children) write(child);
    // No end tag: a void element, or one the cut left open (left open here too).
    if (node.endStart >= 0) copy(node.endStart, node.end);
  };
  if (tree.doctype) copy(0, tree.doctype.length);
  for (const node of tree.root.children) write(node);
  return { html: parts.join(''), segments };
}

/** The offset in the page's code of an offset in the reduced document. */
function pageOffset(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  return s ? s.from + (offset - s.at) : offset;
}

/** How the page was validated, for the tests and the bench. */
export interface GeneratedValidation {
  /** html-validate's messages, their offsets in the page's code. */
  messages: Message[];
  /** 'targeted': a reduced document; 'whole': the page (its code is not the plain tree). */
  way: 'targeted' | 'whole';
  /** Characters html-validate parsed. */
  validated: number;
}

/**
 * html-validate's messages on the generated code, the same as validating it whole. `cut`: the code was cut after a
 * tag (lib/snapshot/a11y-generated.ts).
 */
export async function validateGenerated(htmlValidate: HtmlValidate, html: string, cut: boolean): Promise<GeneratedValidation> {
  const whole = (): GeneratedValidation => ({ messages: htmlValidate.validateStringSync(html).results.flatMap((r) => r.messages), way: 'whole', validated: html.length });
  const { Validator } = await import('html-validate/browser');
  const table = htmlValidate.getConfigForSync('inline').getMetaTable();
  const metas = new Map<string, Meta | null>();
  const metaFor = (tag: string): Meta | null => {
    let meta = metas.get(tag);
    if (meta === undefined) metas.set(tag, (meta = table.getMetaFor(tag) as Meta | null));
    return meta;
  };
  const tree = readGeneratedTree(html, metaFor, cut);
  if (!tree) return whole();
  const keep = elementsToKeep(tree, metaFor, Validator);
  if (!keep) return whole();
  if (keep.size === 0) return { messages: [], way: 'targeted', validated: 0 };
  const reduced = reduce(html, tree, keep);
  const messages = htmlValidate
    .validateStringSync(reduced.html)
    .results.flatMap((r) => r.messages)
    .map((m) => ({ ...m, offset: pageOffset(reduced.segments, m.offset) }));
  return { messages, way: 'targeted', validated: reduced.html.length };
}
