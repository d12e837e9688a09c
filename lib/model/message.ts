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

export const paramSchema: z.ZodType<Param> = z.lazy(() =>
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
    z.strictObject({ list: z.array(paramSchema), more: z.boolean().optional() }),
    z.strictObject({ named: paramSchema, detail: paramSchema }),
  ]),
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
