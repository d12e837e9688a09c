import { z } from 'zod';
import type fr from '../../public/_locales/fr/messages.json';

// Messages are keys of public/_locales with typed parameters. A detector says what it found (a count, a size, a
// country code, a text read on the page), never in which words: lib/i18n/format.ts words them for the reader's
// language, once, for the panel, the report, the CSV and the export's French text.

/** Every key of the French locale file (the default locale): an unknown key fails to compile. */
export type MessageKey = keyof typeof fr;

export type Param =
  /** Read on the page or named by the data (an organisation, a host, a label): shown as written. */
  | { text: string }
  | { count: number }
  | { bytes: number }
  /** An ISO 3166 code, or null when the data does not say. */
  | { country: string | null }
  /** ISO 8601, as precise as known (a year, a month or a day). */
  | { date: string }
  /** A trackerdb category. */
  | { category: string }
  /** A BCP 47 language code. */
  | { language: string }
  /** One of Loupe's own phrases. */
  | { message: MessageKey }
  /** A text read on the page, between the reader's quotation marks. */
  | { quote: string }
  /** An axe rule, named by its title in the reader's language. */
  | { axeRule: string }
  /** Items joined with commas; `more`: some were left out. */
  | { list: Param[]; more?: boolean }
  /** "name (detail)". */
  | { named: Param; detail: Param };

type KeyedUnionDef = z.core.$ZodUnionDef<z.ZodObject[]> & { byKey: ReadonlyMap<string, z.ZodObject> };

// A union of strict objects, each told by a key no other has, that parses a value with the option its key names.
// z.union tries the options in order and builds the issues of every one that fails before the right one (seven for a
// `message`), for every parameter of every finding: without zod's compiled path, as in the extension, that was over
// a quarter of an import's check. zod 4 has no union keyed by a present key (discriminatedUnion needs a literal in
// every option), so this is z.union with its parse replaced, as zod's own discriminatedUnion is built: a z.union to
// everything else (its options, its JSON Schema). It accepts the same values: a strict option accepts a value only
// if the value has the option's key and no other option's.
const KeyedUnion = z.core.$constructor('LoupeKeyedUnion', (inst: z.ZodUnion<z.ZodObject[]>, def: KeyedUnionDef) => {
  z.ZodUnion.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      // for...in: the keys a strict object checks.
      for (const key in input) {
        const option = def.byKey.get(key);
        if (option) return option._zod.run(payload, ctx);
      }
    }
    // Not an object, or none of the keys: the union's issue, as when every option failed.
    payload.issues.push({ code: 'invalid_union', errors: [], input, inst, note: 'No known key' });
    return payload;
  };
});

/** The union of `options`, keyed by the name each has here (its own key), in this order. */
function keyedUnion<T>(options: Record<string, z.ZodObject>): z.ZodType<T> {
  const byKey = new Map(Object.entries(options));
  // What makes going straight to one option right, checked once: every option strict, each key its option's,
  // required there, and in no other option.
  for (const [key, option] of byKey) {
    const owners = [...byKey.values()].filter((o) => key in o.shape);
    if (owners.length !== 1 || owners[0] !== option || option.shape[key]!._zod.optin || option._zod.def.catchall?._zod.def.type !== 'never') {
      throw new Error(`keyedUnion: "${key}" must be a required key of its own strict option only`);
    }
  }
  const keys = [...byKey.keys()].join(', ');
  // zod would say "Invalid input": the keys are what a person fixing the file needs.
  const error = () => `Invalid input: expected an object with one key of ${keys}`;
  return new KeyedUnion({ type: 'union', options: [...byKey.values()], byKey, error }) as unknown as z.ZodType<T>;
}

// `more` and `detail` only come with their kind's key. The order is the published JSON Schema's (anyOf).
export const paramSchema: z.ZodType<Param> = z.lazy(() =>
  keyedUnion<Param>({
    text: z.strictObject({ text: z.string() }),
    count: z.strictObject({ count: z.number() }),
    bytes: z.strictObject({ bytes: z.number() }),
    country: z.strictObject({ country: z.string().nullable() }),
    date: z.strictObject({ date: z.string() }),
    category: z.strictObject({ category: z.string() }),
    language: z.strictObject({ language: z.string() }),
    message: z.strictObject({ message: z.string().regex(/^\w+$/) as unknown as z.ZodType<MessageKey> }),
    quote: z.strictObject({ quote: z.string() }),
    axeRule: z.strictObject({ axeRule: z.string() }),
    list: z.strictObject({ list: z.array(paramSchema), more: z.boolean().optional() }),
    named: z.strictObject({ named: paramSchema, detail: paramSchema }),
  }),
);

/** Page text, the most common parameter. */
export const text = (t: string): Param => ({ text: t });
export const count = (n: number): Param => ({ count: n });
/** At most `max` items, with "…" when some were left out. */
export function list(items: readonly Param[], max = Infinity): Param {
  return items.length > max ? { list: items.slice(0, max), more: true } : { list: [...items] };
}
/** Distinct page texts, quoted: "« lire la suite », « ici »…". */
export function quotes(items: readonly string[], max = 3): Param {
  return list([...new Set(items)].map((q) => ({ quote: q })), max);
}
/** Distinct names, joined with commas. */
export function texts(items: readonly string[], max = Infinity): Param {
  return list([...new Set(items)].map(text), max);
}

/** A message of public/_locales with its parameters, and its French text for whoever reads the file. */
export const messageSchema = z.object({
  messageKey: z.string().regex(/^\w+$/),
  params: z.array(paramSchema),
  message: z.string(),
});
export type StoredMessage = z.infer<typeof messageSchema>;

/** The parameter with `f` applied to every text read on the page (to strip bidi controls, say). */
export function mapPageText(p: Param, f: (s: string) => string): Param {
  if ('text' in p) return { text: f(p.text) };
  if ('quote' in p) return { quote: f(p.quote) };
  if ('list' in p) return { ...p, list: p.list.map((x) => mapPageText(x, f)) };
  if ('named' in p) return { named: mapPageText(p.named, f), detail: mapPageText(p.detail, f) };
  return p;
}
