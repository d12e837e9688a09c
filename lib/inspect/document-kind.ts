// What kind of document the tab shows. Chrome renders a PDF, a text file or an image in a document of its own; the
// gather reads it as any other, but judging it as an HTML page would report "no title", "no legal notice"…

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** null for an HTML page; otherwise the document's media type, to be said to the person. */
export function notHtml(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return HTML_TYPES.has(type) ? null : type;
}

/** The same page, whatever its fragment: a #anchor is no navigation. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
