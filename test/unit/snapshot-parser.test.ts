import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SNAPSHOT_PARSER_FILE, snapshotParserSource } from '../../scripts/lib/snapshot-parser-codegen';
import { syntheticPage } from '../../scripts/lib/synthetic-page';
import { fastPageSnapshotSchema } from '../../lib/snapshot/fast-schema';
import { LIMITS } from '../../lib/snapshot/limits';
import { pageSnapshotSchema, type PageSnapshot } from '../../lib/snapshot/schema';
import { differential } from '../helpers/snapshot-parser-differential';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, 'test/fixtures');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

type Case = { name: string; input: unknown };
type Loose = Record<string, any>; // a snapshot being broken on purpose

/** Invalid (and some valid-but-tricky) variants of a snapshot: each one field or list off. */
function variants(name: string, snap: PageSnapshot): Case[] {
  const out: Case[] = [];
  const v = (what: string, edit: (s: Loose) => void) => {
    const s = structuredClone(snap) as Loose;
    edit(s);
    out.push({ name: `${name} / ${what}`, input: s });
  };
  v('title of the wrong type', (s) => (s.title = 42));
  v('title over its max', (s) => (s.title = 'x'.repeat(501)));
  v('title at its max in code points, over it in UTF-16 units', (s) => (s.title = '😀'.repeat(500)));
  v('title over its max in code points', (s) => (s.title = '😀'.repeat(501)));
  v('url missing', (s) => delete s.url);
  v('schemaVersion 2', (s) => (s.schemaVersion = 2));
  v('capturedAt NaN', (s) => (s.capturedAt = NaN));
  v('capturedAt Infinity', (s) => (s.capturedAt = Infinity));
  v('extra keys (stripped, the object is not strict)', (s) => {
    s.extra = 1;
    s.limits.extra = 'x';
    Object.assign(s, JSON.parse('{"__proto__": {"polluted": true}}'));
  });
  v('meta over its max', (s) => (s.meta = Array.from({ length: LIMITS.meta + 1 }, () => ({ name: 'a', property: '', content: '' }))));
  v('cookieNames over their max', (s) => (s.storage.cookieNames = Array.from({ length: 501 }, (_, i) => `c${i}`)));
  v('a11y default lists absent (defaults apply)', (s) => {
    for (const k of ['altTexts', 'typography', 'blinking', 'presentational', 'focusTraps']) delete s.a11y[k];
  });
  v('a11y default list explicitly undefined', (s) => (s.a11y.altTexts = undefined));
  v('a11y typography kind outside its enum', (s) => (s.a11y.typography = [{ kind: 'bold', fontSize: 8, text: '', ref: { selector: 'p', snippet: '', label: '' } }]));
  v('foreignLangChars not an integer', (s) => (s.a11y.text.foreignLangChars = 1.5));
  v('foreignLangChars negative', (s) => (s.a11y.text.foreignLangChars = -1));
  v('optional limits field of the wrong type', (s) => (s.limits.notReached = { budgetMs: NaN, elements: 0, total: 0, a11y: false }));
  v('optional limits field null', (s) => (s.limits.unreadReason = null));
  if (snap.links.length) v('a link ref rect of the wrong type', (s) => (s.links[0].ref.rect = { x: '1', y: 0, width: 0, height: 0 }));
  if (snap.forms[0]?.fields.length) v('a form field required as a string', (s) => (s.forms[0].fields[0].required = 'yes'));
  if (snap.a11y.media.length) v('a11y media duration undefined (nullable, not optional)', (s) => delete s.a11y.media[0].duration);
  v('several errors at once', (s) => {
    s.title = 1;
    s.lang = 'x'.repeat(41);
    s.limits.elementCount = 'many';
  });
  return out;
}

let cases: Case[] = [];

beforeAll(async () => {
  const pages: Case[] = [];
  for (const file of [...htmlFiles(join(FIXTURES, 'pages')), ...htmlFiles(join(FIXTURES, 'hostile'))]) {
    pages.push({ name: file.slice(FIXTURES.length + 1), input: await snapshotFromHtml(readFileSync(file, 'utf8')) });
  }
  const conformance = JSON.parse(readFileSync(join(FIXTURES, 'conformance/cases.json'), 'utf8')) as { id: string; lang?: string; head?: string; html: string }[];
  for (const c of conformance) {
    const page = `<!doctype html><html lang="${c.lang ?? 'fr'}"><head><meta charset="utf-8"><title>${c.id}</title>${c.head ?? ''}</head><body>${c.html}</body></html>`;
    pages.push({ name: `conformance/${c.id}`, input: await snapshotFromHtml(page) });
  }
  pages.push({ name: 'synthetic 2,000-element page', input: await snapshotFromHtml(syntheticPage(2000)) });
  const odd: Case[] = [null, undefined, [], 'snapshot', 0].map((input) => ({ name: `input ${JSON.stringify(input)}`, input }));
  cases = [...pages, ...pages.flatMap((p) => variants(p.name, p.input as PageSnapshot)), ...odd];
}, 240_000);

describe('the generated snapshot parser (lib/snapshot/snapshot-parser.generated.js)', () => {
  it('is what the generator produces from the current schema and zod (else: npm run gen:snapshot-parser)', () => {
    const { js, dts } = snapshotParserSource(pageSnapshotSchema, 'lib/snapshot/schema.ts (pageSnapshotSchema)');
    expect(readFileSync(resolve(ROOT, `${SNAPSHOT_PARSER_FILE}.js`), 'utf8')).toBe(js);
    expect(readFileSync(resolve(ROOT, `${SNAPSHOT_PARSER_FILE}.d.ts`), 'utf8')).toBe(dts);
  });

  it('refuses a schema whose generated code needs a value it cannot emit, rather than write a wrong parser', () => {
    // a custom refinement is a closure of the schema's author: zod hoists it, no module can import it back
    expect(() => snapshotParserSource(z.object({ a: z.string().refine((s) => s !== 'x') }), 'test')).toThrow(/constant c\d+ .* cannot be emitted/);
    // a stateful (global) pattern would not share its lastIndex with the runtime's
    expect(() => snapshotParserSource(z.string().regex(/a/g), 'test')).toThrow(/stateful RegExp/);
  });

  it('gives exactly the runtime schema’s result on every fixture page and its broken variants', () => {
    const d = differential(cases);
    expect(d.mismatches).toEqual([]);
    // the fast path really ran: it answered every valid case itself and handed every invalid one to the runtime
    expect(d.fastAccepted + d.fastRejected).toBe(cases.length);
    expect(cases.length).toBeGreaterThan(2000);
    expect(d.fastAccepted).toBeGreaterThan(250);
    expect(d.fastRejected).toBeGreaterThan(1500);
  });

  it('does the same in a Node that forbids code generation from strings (the extension’s CSP)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loupe-parser-')), 'cases.bin');
    writeFileSync(file, serialize(cases));
    const stdout = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', 'test/helpers/snapshot-parser-nojit.ts', file], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const d = JSON.parse(stdout) as ReturnType<typeof differential>;
    expect(d.mismatches).toEqual([]);
    expect(d.cases).toBe(cases.length);
    expect(d.fastAccepted + d.fastRejected).toBe(cases.length);
  }, 120_000);

  it('hands out a fresh default on every parse, as the runtime does', () => {
    const snap = structuredClone(cases[0]!.input) as Loose;
    delete snap.a11y.altTexts;
    const first = fastPageSnapshotSchema.parse(snap);
    first.a11y.altTexts.push({ alt: 'x', src: '', inControl: false, adjacent: [], ref: { selector: 'p', snippet: '', label: '' } });
    expect(fastPageSnapshotSchema.parse(snap).a11y.altTexts).toEqual([]);
  });

  it('leaves the JSON Schema of the snapshot as the runtime schema’s', () => {
    expect(z.toJSONSchema(fastPageSnapshotSchema)).toEqual(z.toJSONSchema(pageSnapshotSchema));
  });
});
