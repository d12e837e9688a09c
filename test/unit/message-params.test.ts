import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toExportFile } from '../../lib/export/export-file';
import { readExportFile } from '../../lib/export/import';
import { paramSchema, type MessageKey, type Param } from '../../lib/model/message';
import { generateEvaluations } from '../support/evaluations';

// paramSchema goes straight to the option its key names (issue 27: z.union built the issues of every option tried
// first). It must accept and refuse exactly what the plain union did, give the same values and the same JSON Schema:
// the union as it was is kept here as the reference.
const reference: z.ZodType<Param> = z.lazy(() =>
  z.union([
    z.strictObject({ text: z.string() }),
    z.strictObject({ count: z.number() }),
    z.strictObject({ bytes: z.number() }),
    z.strictObject({ country: z.string().nullable() }),
    z.strictObject({ date: z.string() }),
    z.strictObject({ category: z.string() }),
    z.strictObject({ language: z.string() }),
    z.strictObject({ message: z.string().regex(/^\w+$/) as unknown as z.ZodType<MessageKey> }),
    z.strictObject({ quote: z.string() }),
    z.strictObject({ axeRule: z.string() }),
    z.strictObject({ list: z.array(reference), more: z.boolean().optional() }),
    z.strictObject({ named: reference, detail: reference }),
  ]),
);

const valid: unknown[] = [
  { text: 'Google' },
  { text: '' },
  { count: 3 },
  { count: -0.5 },
  { bytes: 1024 },
  { country: 'US' },
  { country: null },
  { date: '2024-05' },
  { category: 'advertising' },
  { language: 'fr-FR' },
  { message: 'finding_trackers' },
  { quote: 'lire la suite' },
  { axeRule: 'image-alt' },
  { list: [] },
  { list: [{ text: 'a' }, { count: 2 }], more: true },
  { more: false, list: [{ quote: 'b' }] },
  { named: { text: 'Google' }, detail: { country: 'US' } },
  { detail: { list: [{ text: 'x' }] }, named: { message: 'word' } },
  { list: [{ named: { list: [{ named: { text: 'deep' }, detail: { bytes: 1 } }] }, detail: { list: [], more: true } }] },
  JSON.parse('{"text":"a"}'),
];

const invalid: unknown[] = [
  // not an object
  null,
  undefined,
  'text',
  3,
  true,
  [],
  [{ text: 'a' }],
  // no known key
  {},
  { foo: 'a' },
  { more: true },
  { detail: { text: 'a' } },
  { Text: 'a' },
  JSON.parse('{"__proto__":{"text":"a"}}'),
  // an extra key, or two kinds' keys
  { text: 'a', extra: 1 },
  { text: 'a', count: 1 },
  { count: 1, text: 'a' },
  { text: 'a', more: true },
  { list: [], detail: { text: 'a' } },
  { named: { text: 'a' }, detail: { text: 'b' }, more: false },
  JSON.parse('{"text":"a","__proto__":1}'),
  // a wrong type, or a key missing
  { text: 1 },
  { text: null },
  { text: undefined },
  { count: '3' },
  { bytes: null },
  { country: 1 },
  { message: 'two words' },
  { message: 1 },
  { list: 'a' },
  { list: [], more: 'yes' },
  { list: [{ foo: 1 }] },
  { list: [{ text: 'a' }, null] },
  { named: { text: 'a' } },
  { named: { text: 'a' }, detail: {} },
  { named: { list: [{ count: 'x' }] }, detail: { text: 'a' } },
];

// The extension's pages parse without zod's compiled path (their CSP forbids it): both paths are compared.
describe.each([{ path: 'compiled', ctx: {} }, { path: 'jitless', ctx: { jitless: true } }])('message parameters, $path path', ({ ctx }) => {
  const old = (v: unknown) => reference.safeParse(v, ctx);
  const now = (v: unknown) => paramSchema.safeParse(v, ctx);

  it('accepts what the plain union accepted, with the same values', () => {
    for (const v of valid) {
      expect(old(v), JSON.stringify(v)).toMatchObject({ success: true });
      expect(now(v)).toEqual(old(v));
    }
  });

  it('refuses what the plain union refused', () => {
    for (const v of invalid) {
      expect(old(v).success, JSON.stringify(v)).toBe(false);
      expect(now(v).success, JSON.stringify(v)).toBe(false);
    }
  });

  it('agrees with the plain union on every parameter of generated evaluations, and on each with a key added', () => {
    const params: unknown[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) k === 'params' && Array.isArray(v) ? params.push(...v) : walk(v);
    };
    walk(JSON.parse(JSON.stringify(generateEvaluations(20))));
    expect(params.length).toBeGreaterThan(500);
    for (const p of params) {
      expect(now(p)).toEqual(old(p));
      const spoiled = { ...(p as object), extra: 1 };
      expect(now(spoiled).success).toBe(false);
      expect(old(spoiled).success).toBe(false);
    }
  });
});

describe('message parameters (paramSchema)', () => {
  it('publishes the JSON Schema of the plain union', () => {
    expect(z.toJSONSchema(z.array(paramSchema))).toEqual(z.toJSONSchema(z.array(reference)));
  });

  it('names the field at fault in a parameter of its kind, and what a parameter is when its kind is unknown', () => {
    const problem = (param: unknown) => paramSchema.safeParse(param).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problem({ count: '3' })).toEqual(['count: Invalid input: expected number, received string']);
    expect(problem({ text: 'a', extra: 1 })).toEqual([': Unrecognized key: "extra"']);
    expect(problem({ list: [{ text: 'a' }, { foo: 1 }] })).toEqual([
      'list.1: Invalid input: expected an object with one key of text, count, bytes, country, date, category, language, message, quote, axeRule, list, named',
    ]);
    expect(problem(null)).toEqual([': Invalid input: expected an object with one key of text, count, bytes, country, date, category, language, message, quote, axeRule, list, named']);
  });

  it('says where a bad parameter is when a file is imported', () => {
    const file = toExportFile(generateEvaluations(1), { now: 0, version: 'test' });
    const finding = file.evaluations[0]!.findings.find((f) => f.params.length > 0)!;
    const at = `evaluations.0.findings.${file.evaluations[0]!.findings.indexOf(finding)}.params.0`;
    (finding.params as unknown[])[0] = { count: 'many' };
    expect(readExportFile(JSON.stringify(file))).toEqual({ ok: false, messageKey: 'import_invalid', params: [`${at}.count: Invalid input: expected number, received string`] });
    (finding.params as unknown[])[0] = { amount: 2 };
    expect(readExportFile(JSON.stringify(file))).toEqual({
      ok: false,
      messageKey: 'import_invalid',
      params: [`${at}: Invalid input: expected an object with one key of text, count, bytes, country, date, category, language, message, quote, axeRule, list, named`],
    });
  });
});
