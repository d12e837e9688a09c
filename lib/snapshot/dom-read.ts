// DOM reads through the prototypes, never through the element's own properties. A form's named controls shadow its
// properties, even in the isolated world ([LegacyOverrideBuiltIns]): `<input name="id">` makes `form.id` an element,
// `name="elements"` makes `form.elements` one input, `name="getAttribute"` makes `form.getAttribute` not a function.
// The getters and methods are taken once, from the inspected document's own window, when the gather starts.

export interface DomRead {
  nodeType(n: Node): number;
  localName(el: Element): string;
  attr(el: Element, name: string): string | null;
  hasAttr(el: Element, name: string): boolean;
  text(n: Node): string;
  parentElement(n: Node): Element | null;
  parentNode(n: Node): Node | null;
  rootNode(n: Node): Node;
  ownerDocument(n: Node): Document | null;
  shadowRoot(el: Element): ShadowRoot | null;
  attributes(el: Element): NamedNodeMap;
  firstElementChild(el: Node): Element | null;
  nextElementSibling(el: Element): Element | null;
  previousElementSibling(el: Element): Element | null;
  closest(el: Element, sel: string): Element | null;
  matches(el: Element, sel: string): boolean;
  querySelector(scope: Element | Document | ShadowRoot, sel: string): Element | null;
  /** The tree's element of that id (<img name="getElementById"> shadows the document's own method). */
  byId(root: Document | ShadowRoot, id: string): Element | null;
  byClass(doc: Document, name: string): Element[];
  querySelectorAll(scope: Element | Document | ShadowRoot, sel: string): Element[];
  rect(el: Element): DOMRect;
  visible(el: Element): boolean | undefined;
  /** The form's real controls (HTMLFormElement.prototype.elements), not a control named "elements". */
  formElements(form: HTMLFormElement): ArrayLike<Element>;
  formAction(form: HTMLFormElement): string;
  formMethod(form: HTMLFormElement): string;
  /**
   * An HTML <a> or <area>'s address as the browser resolved it (HTMLHyperlinkElementUtils' href): the attribute's
   * value itself when it does not parse. null for any other element (an SVG <a> has no such getter).
   */
  resolvedHref(el: Element): string | null;
}

type Ctor = { prototype: object } | undefined;
/** The HTML namespace: an element of another (SVG, MathML) has no HTML getters and is not HTML markup. */
export const HTML_NS = 'http://www.w3.org/1999/xhtml';

function getterOf(ctor: Ctor, prop: string): ((x: object) => unknown) | undefined {
  for (let o = ctor?.prototype; o; o = Object.getPrototypeOf(o) as object | null ?? undefined) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    // A closure over the getter, not getter.call.bind(getter): V8 inlines the former (npm run bench).
    const g = d?.get;
    if (g) return (x: object) => g.call(x);
  }
  return undefined;
}

/** Every method the gather calls takes one argument at most: a fixed arity spares an array per call on the hot path. */
function methodOf(ctor: Ctor, name: string): ((self: object, arg?: unknown) => unknown) | undefined {
  const f = (ctor?.prototype as Record<string, unknown> | undefined)?.[name];
  if (typeof f !== 'function') return undefined;
  const method = f as (this: object, arg?: unknown) => unknown;
  return (self: object, arg?: unknown) => (arg === undefined ? method.call(self) : method.call(self, arg));
}

export function domRead(win: Window | null | undefined): DomRead {
  const w = (win ?? globalThis) as unknown as Record<string, Ctor>;
  const get = (ctor: string, prop: string) => getterOf(w[ctor], prop) ?? ((x: object) => (x as Record<string, unknown>)[prop]);
  const call = (ctor: string, name: string) =>
    methodOf(w[ctor], name) ?? ((x: object, arg?: unknown) => (x as Record<string, (a?: unknown) => unknown>)[name]!(arg));
  const nodeType = get('Node', 'nodeType');
  const localName = get('Element', 'localName');
  const getAttribute = call('Element', 'getAttribute');
  const hasAttribute = call('Element', 'hasAttribute');
  // Looked up from the most derived class used: a DOM implementation may override it there (happy-dom does).
  const textContent = { el: get('Element', 'textContent'), doc: get('Document', 'textContent'), frag: get('DocumentFragment', 'textContent') };
  const textData = get('CharacterData', 'data');
  const parentElement = get('Node', 'parentElement');
  const parentNode = get('Node', 'parentNode');
  const getRootNode = call('Node', 'getRootNode');
  const ownerDocument = get('Node', 'ownerDocument');
  const shadowRoot = get('Element', 'shadowRoot');
  const attributes = get('Element', 'attributes');
  const firstElementChild = { el: get('Element', 'firstElementChild'), doc: get('Document', 'firstElementChild'), frag: get('DocumentFragment', 'firstElementChild') };
  const nextElementSibling = get('Element', 'nextElementSibling');
  const previousElementSibling = get('Element', 'previousElementSibling');
  const closest = call('Element', 'closest');
  const matches = call('Element', 'matches');
  const qs = { el: call('Element', 'querySelector'), doc: call('Document', 'querySelector'), frag: call('DocumentFragment', 'querySelector') };
  const getByClass = call('Document', 'getElementsByClassName');
  const getById = { doc: call('Document', 'getElementById'), frag: call('DocumentFragment', 'getElementById') };
  const qsa = { el: call('Element', 'querySelectorAll'), doc: call('Document', 'querySelectorAll'), frag: call('DocumentFragment', 'querySelectorAll') };
  const rect = call('Element', 'getBoundingClientRect');
  const checkVisibility = methodOf(w.Element, 'checkVisibility');
  const elements = get('HTMLFormElement', 'elements');
  const action = get('HTMLFormElement', 'action');
  const method = get('HTMLFormElement', 'method');
  const anchorHref = getterOf(w.HTMLAnchorElement, 'href');
  const areaHref = getterOf(w.HTMLAreaElement, 'href');
  const kind = (n: Node) => {
    const t = nodeType(n);
    return t === 1 ? 'el' : t === 9 ? 'doc' : 'frag';
  };
  return {
    nodeType: (n) => nodeType(n) as number,
    localName: (el) => localName(el) as string,
    attr: (el, name) => getAttribute(el, name) as string | null,
    hasAttr: (el, name) => hasAttribute(el, name) as boolean,
    text: (n) => {
      const t = nodeType(n);
      return ((t === 3 || t === 8 ? textData(n) : textContent[kind(n)](n)) as string | null) ?? '';
    },
    parentElement: (n) => parentElement(n) as Element | null,
    parentNode: (n) => parentNode(n) as Node | null,
    rootNode: (n) => getRootNode(n) as Node,
    ownerDocument: (n) => ownerDocument(n) as Document | null,
    shadowRoot: (el) => (shadowRoot(el) as ShadowRoot | null) ?? ((localName(el) as string).includes('-') ? closedShadowRoot(el) : null),
    attributes: (el) => attributes(el) as NamedNodeMap,
    firstElementChild: (n) => firstElementChild[kind(n)](n) as Element | null,
    nextElementSibling: (el) => nextElementSibling(el) as Element | null,
    previousElementSibling: (el) => previousElementSibling(el) as Element | null,
    closest: (el, sel) => closest(el, sel) as Element | null,
    matches: (el, sel) => matches(el, sel) as boolean,
    querySelector: (scope, sel) => qs[kind(scope)](scope, sel) as Element | null,
    byClass: (d, name) => Array.from(getByClass(d, name) as ArrayLike<Element>),
    byId: (root, id) => (getById[nodeType(root) === 9 ? 'doc' : 'frag'](root, id) as Element | null) ?? null,
    querySelectorAll: (scope, sel) => Array.from(qsa[kind(scope)](scope, sel) as ArrayLike<Element>),
    rect: (el) => rect(el) as DOMRect,
    visible: (el) => (checkVisibility ? (checkVisibility(el) as boolean) : undefined),
    formElements: (form) => elements(form) as ArrayLike<Element>,
    formAction: (form) => String(action(form) ?? ''),
    formMethod: (form) => String(method(form) ?? ''),
    resolvedHref: (el) => {
      const name = localName(el);
      const getter = name === 'a' ? anchorHref : name === 'area' ? areaHref : undefined;
      if (!getter || (el as Element).namespaceURI !== HTML_NS) return null;
      const href = getter(el);
      return typeof href === 'string' ? href : null;
    },
  };
}

/**
 * A closed shadow root, where the extension API gives it (chrome.dom, Chromium 88+); null elsewhere. Closed roots
 * are asked for on custom elements only, which keeps the extension call off the walk's hot path; a closed root on
 * a plain <div> stays unseen.
 */
function closedShadowRoot(el: Element): ShadowRoot | null {
  const api = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome?.dom;
  if (!api?.openOrClosedShadowRoot) return null;
  try {
    return api.openOrClosedShadowRoot(el) ?? null;
  } catch {
    return null;
  }
}

/** The element's shadow root, open or (custom elements, Chromium) closed. */
export function openOrClosedShadowRoot(el: Element): ShadowRoot | null {
  return el.shadowRoot ?? (el.localName.includes('-') ? closedShadowRoot(el) : null);
}
