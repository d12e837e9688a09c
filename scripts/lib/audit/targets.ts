import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'tldts';
import type { NotInspected } from './messages';

// What the person asked to audit, in order: addresses, local pages, and lists of either. A name that leads nowhere
// is a page not inspected, with its reason: one typo in a catalogue of hundreds must not stop the others.

export type PageTarget = { index: number; input: string; url: string; file?: string };
export type Target = PageTarget | { index: number; input: string; problem: NotInspected };

const SCHEME = /^(https?|file|ftp|about|chrome|edge|data|blob|view-source|moz-extension|chrome-extension):/i;
const PAGE_EXTENSIONS = /\.(x?html?|xml|svg|pdf)$/i;

/** `www.exemple.fr/x` or `exemple.fr`: a web address typed without its scheme, read as https:// (http:// for this machine). */
export function addressWithoutScheme(s: string): string | null {
  const m = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*)(:\d+)?(?:[/?#]|$)/i.exec(s);
  if (!m) return null;
  const host = m[1]!.toLowerCase();
  if (host === 'localhost' || /^127(\.\d+){3}$/.test(host)) return `http://${s}`;
  if (host.startsWith('www.') || parse(host).isIcann) return `https://${s}`;
  return null;
}

/** A list is text that does not start like a page: HTML begins with a tag, a PDF or an image is binary. */
export function looksLikeList(path: string): boolean {
  if (PAGE_EXTENSIONS.test(path)) return false;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, n).toString('utf8');
  return !text.includes('\u0000') && !/^\uFEFF?\s*</.test(text);
}

export function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** Expands lists and resolves paths: arguments from `cwd`, the lines of a list from the list's folder. */
export function readTargets(args: { arg: string; list: boolean }[], cwd: string): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (input: string, t: { url: string; file?: string } | { problem: NotInspected }) => {
    const key = 'url' in t ? (t.file ?? t.url) : `problem ${input}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ index: out.length, input, ...t });
  };
  const visit = (arg: string, base: string, forceList: boolean, lists: string[]) => {
    if (!forceList && SCHEME.test(arg)) return add(arg, { url: arg });
    const path = resolve(base, arg);
    if (existsSync(path) && statSync(path).isFile()) {
      if (!forceList && !looksLikeList(path)) return add(arg, { url: '', file: path });
      // A list naming itself (or a list that names it back) would never end.
      if (lists.includes(path)) return;
      for (const line of listLines(readFileSync(path, 'utf8'))) visit(line, dirname(path), false, [...lists, path]);
      return;
    }
    const address = forceList ? null : addressWithoutScheme(arg);
    if (address) return add(arg, { url: address });
    add(arg, { problem: { text: 'fileNotFound', params: [path] } });
  };
  for (const { arg, list } of args) visit(arg, cwd, list, []);
  return out;
}
