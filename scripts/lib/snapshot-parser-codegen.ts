import { z } from 'zod';
import { compileFn } from 'zod/v4/core';

// The page snapshot's parse is the panel's first cost on a large page, and zod's AOT compiler (`z.compile`) halves it
// — but `z.compile` builds its parser with `new Function`, which the extension's CSP forbids. So zod's own code
// generation runs here, at build time in Node, and its output is written as an ordinary module
// (lib/snapshot/snapshot-parser.generated.js) that lib/snapshot/fast-schema.ts installs with `z.withParser`, the entry
// point zod provides for parsers generated ahead of time. No string becomes code at run time.
//
// The generated body refers to hoisted constants (c0, c1, …) whose values zod does not expose: `compileFn`'s debug
// output names them but keeps the values inside the closure it builds. They are captured at the one place zod hands
// them over, the `new Function(...names, code)(...values)` call, by swapping the global `Function` for a recorder for
// the length of one `compileFn` call. Every value must then be emitted faithfully or the generation fails: a wrong
// *success* from a fast path is returned to the caller as is (zod cannot check it), a refusal here is only a build
// error.

type Schema = z.core.$ZodType;
/** A step from a schema to a child: `_zod.def[key]`, then `[sub]` when the def holds a record or a list of schemas. */
type Step = readonly [key: string, sub?: string | number];

interface Captured {
  names: string[];
  values: unknown[];
  body: string;
}

const FACTORY_HEAD = 'return (input) => {\n';
const FACTORY_TAIL = '\n}';

/** zod's generated function body and its constants, exactly as `compileFn` would evaluate them. */
export function captureCompiled(schema: Schema): Captured {
  const g = globalThis as { Function: FunctionConstructor };
  const RealFunction = g.Function;
  let captured: Captured | undefined;
  // A constructor called with `new` may return an object in place of `this`: the factory zod then calls with the
  // constants' values, which is where they are recorded.
  const Recorder = function (...args: string[]) {
    const factoryCode = args.pop()!;
    const factory = new RealFunction(...args, factoryCode) as (...values: unknown[]) => unknown;
    return (...values: unknown[]) => {
      if (!factoryCode.startsWith(FACTORY_HEAD) || !factoryCode.endsWith(FACTORY_TAIL)) {
        throw new Error(`zod's compiled factory no longer has the shape ${JSON.stringify(FACTORY_HEAD)}…: update scripts/lib/snapshot-parser-codegen.ts`);
      }
      captured = { names: args, values, body: factoryCode.slice(FACTORY_HEAD.length, -FACTORY_TAIL.length) };
      return factory(...values);
    };
  } as unknown as FunctionConstructor;
  g.Function = Recorder;
  try {
    compileFn(schema);
  } finally {
    g.Function = RealFunction;
  }
  if (!captured) throw new Error('zod compileFn did not build its parser through Function: nothing to capture');
  // Cross-check against zod's documented debug output, so the capture cannot drift from what zod says it generated.
  const debug = compileFn(schema, { debug: true }).code ?? '';
  const expected = `// Constants: ${captured.names.join(', ')}\n${captured.body}`;
  if (debug !== expected) throw new Error('the captured code differs from compileFn(schema, { debug: true }).code');
  return captured;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && '_zod' in v && typeof (v as Schema)._zod?.def?.type === 'string';
}

/** Every schema reachable from `root` through its def (checks aside), with the path to it. */
export function schemaPaths(root: Schema): Map<Schema, Step[]> {
  const paths = new Map<Schema, Step[]>();
  const visit = (node: Schema, path: Step[]) => {
    if (paths.has(node)) return;
    paths.set(node, path);
    const def = node._zod.def as unknown as Record<string, unknown>;
    for (const key of Object.keys(def)) {
      if (key === 'checks') continue;
      const v = def[key];
      if (isSchema(v)) visit(v, [...path, [key]]);
      else if (Array.isArray(v)) v.forEach((c, i) => isSchema(c) && visit(c, [...path, [key, i]]));
      else if (typeof v === 'object' && v !== null) {
        for (const [sub, c] of Object.entries(v)) if (isSchema(c)) visit(c, [...path, [key, sub]]);
      }
    }
  };
  visit(root, []);
  return paths;
}

/**
 * Which `.default()` node a default-value getter hoisted by zod reads (`() => schema._zod.def.defaultValue`, an
 * opaque closure): each candidate's `defaultValue` is made to answer a marker in turn, the getter is called, and the
 * one whose marker comes back is its node. Exactly one must answer.
 */
function defaultNodeOf(getter: () => unknown, candidates: Schema[]): Schema | undefined {
  const found: Schema[] = [];
  for (const node of candidates) {
    const def = node._zod.def as unknown as Record<string, unknown>;
    const saved = Object.getOwnPropertyDescriptor(def, 'defaultValue');
    if (!saved?.configurable) continue;
    const marker = Symbol('default');
    Object.defineProperty(def, 'defaultValue', { get: () => marker, configurable: true, enumerable: saved.enumerable });
    try {
      if (getter() === marker) found.push(node);
    } catch {
      // not this node's getter (another closure that reads something else)
    } finally {
      Object.defineProperty(def, 'defaultValue', saved);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A primitive as a JS literal, or undefined when it has none that round-trips (NaN, ±Infinity, -0, symbols…). */
function primitiveLiteral(v: unknown): string | undefined {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return String(v);
  return undefined;
}

/**
 * The expression that rebuilds one hoisted constant in the generated module, where `util` is zod's and `node(path)`
 * resolves a path from the root schema. Throws for anything it cannot emit faithfully.
 */
function constantExpression(name: string, value: unknown, paths: Map<Schema, Step[]>): string {
  const fail = (what: string): never => {
    throw new Error(`gen-snapshot-parser: constant ${name} of zod's generated parser is ${what}, which cannot be emitted as a module; the schema must keep the runtime parser (change the schema or extend scripts/lib/snapshot-parser-codegen.ts with a tested mapping)`);
  };
  const literal = primitiveLiteral(value);
  if (literal !== undefined) return literal;
  if (value instanceof RegExp) {
    // A global or sticky pattern carries lastIndex between calls: a copy would not share the runtime's state.
    if (value.global || value.sticky) fail(`a stateful RegExp ${String(value)}`);
    return `/${value.source}/${value.flags}`;
  }
  if (value instanceof Set || Array.isArray(value)) {
    const items = [...value].map((v) => primitiveLiteral(v) ?? fail(`a ${value instanceof Set ? 'Set' : 'list'} holding ${String(v)}`));
    return value instanceof Set ? `new Set([${items.join(', ')}])` : `[${items.join(', ')}]`;
  }
  if (isSchema(value)) fail(`a runtime island (the ${value._zod.def.type} schema at ${JSON.stringify(paths.get(value) ?? 'outside the root')})`);
  if (typeof value === 'function') {
    // zod's own helpers, public as `z.util`: the generated module imports the same functions.
    for (const helper of ['codePointLength', 'shallowClone'] as const) if (value === z.util[helper]) return `util.${helper}`;
    const defaults = [...paths.keys()].filter((s) => s._zod.def.type === 'default' || s._zod.def.type === 'prefault');
    const node = defaultNodeOf(value as () => unknown, defaults);
    if (node) return `defaultOf(root, ${JSON.stringify(paths.get(node))})`;
    fail(`a function zod hoisted (${value.name || 'anonymous'}: ${String(value).slice(0, 80)})`);
  }
  return fail(`a ${Object.prototype.toString.call(value)}`);
}

/** The generated module (.js) and its declaration (.d.ts) for `schema`, which the module's factory must be given. */
export function snapshotParserSource(schema: Schema, from: string): { js: string; dts: string } {
  const { names, values, body } = captureCompiled(schema);
  const paths = schemaPaths(schema);
  const constants: string[] = [];
  names.forEach((name, i) => {
    if (name === 'INVALID') {
      if (values[i] !== z.INVALID) throw new Error('gen-snapshot-parser: INVALID is not zod’s INVALID');
      return; // imported from zod: the very symbol withParser compares with
    }
    if (!/^c\d+$/.test(name)) throw new Error(`gen-snapshot-parser: unexpected constant name ${name}`);
    constants.push(`  const ${name} = ${constantExpression(name, values[i], paths)};`);
  });
  const header =
    `// Generated by scripts/gen-snapshot-parser.ts (npm run gen:snapshot-parser) from ${from} with zod ${z.core.version.major}.${z.core.version.minor}.${z.core.version.patch}'s\n` +
    `// compiler: do not edit. The extension's CSP forbids \`new Function\`, so zod's AOT parser is generated at build time\n` +
    `// and installed with z.withParser (lib/snapshot/fast-schema.ts); a test checks this file is up to date.\n`;
  const js =
    header +
    `import { INVALID, util } from 'zod';\n\n` +
    `/** The schema a \`.default()\` constant reads its value from, as zod's own getter does. */\n` +
    `function defaultOf(root, path) {\n` +
    `  let node = root;\n` +
    `  for (const [key, sub] of path) node = sub === undefined ? node._zod.def[key] : node._zod.def[key][sub];\n` +
    `  if (node?._zod.def.type !== 'default' && node?._zod.def.type !== 'prefault') throw new Error('snapshot parser: the schema is not the one it was generated from');\n` +
    `  return () => node._zod.def.defaultValue;\n` +
    `}\n\n` +
    `/** zod's generated parser for \`root\`: the parsed value, or INVALID to hand the parse to zod's runtime. */\n` +
    `export function createSnapshotParser(root) {\n` +
    constants.join('\n') +
    `\n  return (input) => {\n` +
    // zod's body verbatim (not re-indented): the code is the generator's, byte for byte
    body +
    `\n  };\n}\n`;
  const dts =
    header +
    `import type { INVALID, z } from 'zod';\n\n` +
    `export declare function createSnapshotParser<T extends z.ZodType>(root: T): (input: unknown) => z.output<T> | typeof INVALID;\n`;
  return { js, dts };
}

/** Where the generated module lives, from the repository's root, without its extension (.js and .d.ts). */
export const SNAPSHOT_PARSER_FILE = 'lib/snapshot/snapshot-parser.generated';
