import { docGet } from './doc-read';
import { A11Y_LIMITS } from './limits';
import type { GeneratedCode } from './schema';

// RGAA 8.2 judges the generated code (the DOM as the page built it, scripts included), not the source the server
// sent: the page's doctype and its root element serialised, for lib/detectors/a11y-html-validity.ts. A long page is
// cut after a tag so the validator never sees half a tag; the cut is said, and the rule then says nothing of the
// elements the cut leaves open.
//
// Not part of the gather: serialising a big page costs as much as a tenth of it, and only 8.2 reads the result, in
// the pipeline's second phase. The extension asks for it then, as an artifact (lib/inspect/inspect-tab.ts), before
// axe runs in the page.

/** The outerHTML getter from the element's prototypes (an own property or a named child cannot shadow it). */
function outerHtmlOf(el: Element): string | undefined {
  for (let p: object | null = Object.getPrototypeOf(el); p; p = Object.getPrototypeOf(p)) {
    const get = Object.getOwnPropertyDescriptor(p, 'outerHTML')?.get;
    if (get) return String(get.call(el));
  }
  return undefined;
}

export function collectGeneratedHtml(doc: Document): GeneratedCode {
  const root = docGet<Element | null>(doc, 'documentElement');
  const serialised = root ? outerHtmlOf(root) : undefined;
  if (serialised === undefined) return { html: '', cut: false };
  const doctype = docGet<DocumentType | null>(doc, 'doctype');
  const html = (doctype ? `<!DOCTYPE ${doctype.name}>\n` : '') + serialised;
  if (html.length <= A11Y_LIMITS.generatedHtml) return { html, cut: false };
  return { html: html.slice(0, html.lastIndexOf('>', A11Y_LIMITS.generatedHtml - 1) + 1), cut: true };
}
