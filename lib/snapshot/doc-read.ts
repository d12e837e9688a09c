// A document's own members, read through its prototypes. Document has [LegacyOverrideBuiltIns]: a page's
// <img name="title">, <form name="createTreeWalker"> or <embed name="defaultView"> replaces `document.title`,
// `document.createTreeWalker`, `document.defaultView` with that element, in the isolated world too. The prototypes
// are the script's own (Object.getPrototypeOf cannot be shadowed), so they give the real values.

function descriptor(obj: object, name: string): PropertyDescriptor | undefined {
  for (let p: object | null = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

/** `doc[name]` as the prototypes define it: the getter's value, or undefined when there is none. */
export function docGet<T>(doc: Document, name: string): T | undefined {
  const d = descriptor(doc, name);
  return (d?.get ? d.get.call(doc) : undefined) as T | undefined;
}

/** `doc[name](...args)` with the prototypes' method. */
export function docCall<T>(doc: Document, name: string, ...args: unknown[]): T {
  const f = descriptor(doc, name)?.value as ((...a: unknown[]) => T) | undefined;
  if (typeof f !== 'function') throw new TypeError(`Document.${name} is not a method`);
  return f.apply(doc, args);
}
