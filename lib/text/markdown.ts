import { isSafeUrl, stripBidi } from './untrusted';

// Untrusted text (a page's title, a colleague's comment from an imported file) pasted into an ENT message or a mail
// that renders Markdown: it must stay text. One line (no heading, list or table of its own), every character that
// Markdown or its HTML would read escaped, so no raw HTML, no entity, no link, no emphasis.

const SPECIAL = /[\\`*_{}[\]()#+!|<>~&"'$^=:]/g;

export function escapeMarkdown(s: string): string {
  return (
    stripBidi(s)
      .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
      .replace(SPECIAL, (c) => `\\${c}`)
      // "-", "." and digits only make a list at the start of a line; this text may start one.
      .replace(/^(\s*)([-.])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

/** An address as escaped text, never a link; `undefined` when its scheme could run code (javascript:, data:…). */
export function markdownUrl(url: string): string | undefined {
  return isSafeUrl(url) ? escapeMarkdown(url) : undefined;
}
