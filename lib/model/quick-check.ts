import type { z } from 'zod';

// A cheap check derived from a zod schema: the type of every field and the formats of its strings (a date, an id's
// length, an enum), without zod's parse. Where an extension page's CSP refuses eval, zod parses without its compiled
// fast path (35 µs a stored record in Node, far more with findings), and the dashboard reads thousands of its own
// records. The check leaves out refinements (a rule across fields) and what a schema marks `z.unknown()`: code that
// needs those parses with the schema itself. One schema, two readers: the check cannot drift from the schema.

type Check = (v: unknown) => boolean;
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; pattern?: RegExp; minimum?: number; maximum?: number } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  valueType?: z.ZodType;
  in?: z.ZodType;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function stringCheck(def: Def): Check {
  const parts: Check[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' && d.pattern) parts.push((v) => d.pattern!.test(v as string));
    else if (d.check === 'min_length' && d.minimum !== undefined) parts.push((v) => (v as string).length >= d.minimum!);
    else if (d.check === 'max_length' && d.maximum !== undefined) parts.push((v) => (v as string).length <= d.maximum!);
  }
  return (v) => typeof v === 'string' && parts.every((p) => p(v));
}

export function quickCheck(schema: z.ZodType): Check {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringCheck(def);
    case 'number':
      return (v) => typeof v === 'number' && !Number.isNaN(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = new Set(def.values);
      return (v) => values.has(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'optional':
    case 'default': {
      const inner = quickCheck(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = quickCheck(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      const element = quickCheck(def.element!);
      return (v) => Array.isArray(v) && v.every(element);
    }
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([k, s]) => [k, quickCheck(s)] as const);
      return (v) => isObj(v) && fields.every(([k, check]) => check(v[k]));
    }
    case 'record': {
      const value = quickCheck(def.valueType!);
      return (v) => isObj(v) && Object.values(v).every(value);
    }
    case 'union': {
      const options = (def.options ?? []).map(quickCheck);
      return (v) => options.some((o) => o(v));
    }
    case 'pipe':
      return quickCheck(def.in!);
    default:
      // unknown, any, lazy, transforms: left to the schema's own parse where the value is read.
      return () => true;
  }
}
