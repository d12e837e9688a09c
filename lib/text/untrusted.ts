// Page text is shown to people and written to files they open elsewhere. Two tricks must not pass:
// bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) that make a text read
// differently from what it holds ("Trojan Source", CVE-2021-42574), and addresses that run code.

const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_ONE = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without bidi controls. Cheap when there are none (the usual case). */
export function stripBidi(s: string): string {
  return BIDI_ONE.test(s) ? s.replace(BIDI, '') : s;
}

/** Schemes an address may have to be shown or opened as evidence; `javascript:`, `data:`, `vbscript:`… never. */
const SAFE_SCHEME = /^(https?|mailto|tel|ftp|file):/i;

export function isSafeUrl(url: string): boolean {
  return SAFE_SCHEME.test(url.trim());
}
