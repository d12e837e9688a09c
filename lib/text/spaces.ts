// Texts read on a page are compared with their runs of white space made one space. Most link texts and labels have
// none to collapse (single spaces between words): they are handed back as they are, without a new string, which the
// detectors' loops over every link of a page notice.

/** Any white space other than a plain space, or two in a row: what `replace(/\s+/g, ' ')` would change. */
const TO_COLLAPSE = /[^\S ]| {2}/;

/** `s.replace(/\s+/g, ' ')`, without the copy when nothing changes. */
export function collapseSpaces(s: string): string {
  return TO_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/**
 * `collapseSpaces(texts.join(' ')).trim()` (a link's text, title, aria-label… read as one label), without joining
 * the empty ones: what they would add is white space, which the collapse and the trim take off again.
 */
export function joinedWords(...texts: string[]): string {
  let out = '';
  for (const t of texts) if (t) out = out ? `${out} ${t}` : t;
  return collapseSpaces(out).trim();
}
