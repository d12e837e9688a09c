import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// The forms a typed value takes when a script sends it away (issue 23): as typed, URL-encoded, base64, or hashed
// (md5, sha1, sha256, sha512 in hex, as advertising "advanced matching" does with e-mail addresses), each of the
// value as typed and lower-cased and trimmed (what those scripts normalise before hashing). The hashes come from
// @noble/hashes (audited, maintained), synchronous so the detector stays a pure function.

import type { Encoding } from './schema';

export interface Needle {
  encoding: Encoding;
  /** What to look for in a haystack already passed through `comparable` for this encoding. */
  text: string;
}

function base64(s: string): string {
  let bin = '';
  for (const b of utf8ToBytes(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The variants of a value a script may normalise before sending: as typed, trimmed and lower-cased, and both. */
export function normalised(value: string): string[] {
  return [...new Set([value, value.trim(), value.toLowerCase(), value.trim().toLowerCase()])].filter((v) => v.length > 0);
}

/** Every form of a typed value to look for. Hex digests and text are compared case-insensitively (see `comparable`). */
export function needlesOf(value: string): Needle[] {
  const out: Needle[] = [];
  const add = (encoding: Encoding, text: string) => {
    if (!out.some((n) => n.encoding === encoding && n.text === text)) out.push({ encoding, text });
  };
  for (const v of normalised(value)) {
    add('raw', v.toLowerCase());
    // encodeURIComponent, and the form encoding (spaces as "+"); compared lower-cased like the haystack.
    add('url', encodeURIComponent(v).toLowerCase());
    add('url', encodeURIComponent(v).replace(/%20/g, '+').toLowerCase());
    // base64 is case-sensitive; the padding may be dropped, and base64url swaps two characters.
    const b = base64(v).replace(/=+$/, '');
    add('base64', b);
    add('base64', b.replace(/\+/g, '-').replace(/\//g, '_'));
    const bytes = utf8ToBytes(v);
    add('md5', bytesToHex(md5(bytes)));
    add('sha1', bytesToHex(sha1(bytes)));
    add('sha256', bytesToHex(sha256(bytes)));
    add('sha512', bytesToHex(sha512(bytes)));
  }
  return out;
}

/**
 * Where a haystack (a URL, a body) holds one of the needles: the first encoding found, or undefined. A URL's own
 * percent-encoding is read both ways: a value sent raw in a body shows up URL-encoded once it is put in an address.
 */
export function findValue(haystack: string, needles: readonly Needle[]): Encoding | undefined {
  if (!haystack) return undefined;
  const lower = haystack.toLowerCase();
  let decoded = lower;
  try {
    decoded = decodeURIComponent(haystack.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    // A malformed escape: the haystack is read as it is.
  }
  for (const n of needles) {
    if (n.encoding === 'base64' ? haystack.includes(n.text) : lower.includes(n.text)) return n.encoding;
  }
  // Percent-encoded in some other way than encodeURIComponent's (a "+" for a space, escaped letters).
  if (decoded !== lower && needles.some((n) => n.encoding === 'raw' && decoded.includes(n.text))) return 'url';
  return undefined;
}
