// JSON-LD blocks come from the page: untrusted text. Parsed in try/catch, walked with bounds (depth, node count) so
// a hostile or huge block costs little, and flattened into the list of objects a detector can look through.

const MAX_DEPTH = 8;
const MAX_NODES = 500;

export type JsonObject = Record<string, unknown>;

/** Every object found in the page's JSON-LD blocks (top level, @graph, nested values), in document order. */
export function jsonLdObjects(blocks: readonly string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const raw of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    walk(parsed, 0, out);
    if (out.length >= MAX_NODES) break;
  }
  return out;
}

function walk(value: unknown, depth: number, out: JsonObject[]): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, MAX_NODES)) walk(v, depth + 1, out);
    return;
  }
  const obj = value as JsonObject;
  out.push(obj);
  for (const v of Object.values(obj)) walk(v, depth + 1, out);
}

/** A property by its schema.org name, also under the "schema:" prefix or the full IRI some generators write. */
export function prop(obj: JsonObject, name: string): unknown {
  for (const key of [name, `schema:${name}`, `http://schema.org/${name}`, `https://schema.org/${name}`]) {
    if (key in obj) return obj[key];
  }
  return undefined;
}

/** The types of an object, without the schema.org prefix. */
export function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

/**
 * Plain text of a JSON-LD value: a string, a number, a boolean, the name / url / @id of an object, or the texts of
 * an array joined. Capped so the finding's data stays small.
 */
export function textOf(value: unknown, max = 300): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim().slice(0, max);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.slice(0, 10).map((v) => textOf(v, max)).filter(Boolean).join(', ').slice(0, max);
  if (typeof value === 'object') {
    const o = value as JsonObject;
    for (const k of ['name', 'url', '@id', '@value', 'termCode', 'alternateName']) {
      const v = prop(o, k);
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, max);
    }
  }
  return '';
}
