import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { HTML_VALIDATE_CONFIG } from '../../lib/a11y/html-validate-rules';

// html-validate (RGAA 8.2, lib/detectors/a11y-html-validity.ts) checks its configuration, its element metadata and
// each rule's options against JSON schemas with ajv, and ajv turns a schema into a function with `new Function`. The
// extension's pages forbid that (MV3's fixed CSP, and Firefox's MV2 default): the panel stopped at the import. Rather
// than loosen the CSP or host the validator in a sandboxed page, the schemas are compiled here, at build time, with
// ajv's own standalone code generation, and html-validate's `import Ajv from 'ajv'` is answered, in the bundle only,
// by a module that hands back those precompiled functions. No string becomes code at run time.
//
// Which schemas: exactly those html-validate compiles for Loupe's configuration, recorded by running html-validate
// once in Node with ajv's `compile` observed. At run time a schema that was not recorded, or that differs from the
// one recorded, throws: the validator fails loudly (the detector's status says so), it never validates with a
// stale schema.

const SHIM = '\0loupe:ajv-precompiled';
const ONE = '\0loupe:ajv-precompiled/';

type AjvInstance = { opts: Record<string, unknown>; schemas: Record<string, { schema: unknown }>; RULES: { keywords: Record<string, unknown> } };
type Compiled = { id: string; json: string; code: string };

let recorded: Promise<Compiled[]> | undefined;

/** Runs html-validate once with Loupe's configuration and returns the standalone code of every schema it compiled. */
async function precompile(root: string): Promise<Compiled[]> {
  const require = createRequire(`${root}/package.json`);
  const ajvModule = require('ajv') as { default: new (opts: object) => AjvInstance & { compile(s: object): unknown; addMetaSchema(s: unknown): void; addKeyword(d: object): void }; _: (s: TemplateStringsArray, ...v: unknown[]) => unknown };
  const Ajv = ajvModule.default;
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, fn: unknown) => string }).default;
  const proto = Ajv.prototype as { compile: (this: AjvInstance, schema: { $id?: string }, meta?: boolean) => unknown };
  const original = proto.compile;
  const out = new Map<string, Compiled>();
  proto.compile = function (schema, meta) {
    if (schema.$id && !out.has(schema.$id)) out.set(schema.$id, { id: schema.$id, json: JSON.stringify(schema), code: generate(this, schema) });
    return original.call(this, schema, meta);
  };

  /**
   * The same schema compiled by a twin of html-validate's ajv (same options, meta-schemas), with source output on.
   * html-validate's two keywords `function` and `regexp` validate by a JavaScript function, which standalone code
   * cannot carry: here they generate their one test inline (typeof … == "function", instanceof RegExp) instead.
   */
  function generate(from: AjvInstance, schema: object): string {
    const twin = new Ajv({ ...from.opts, code: { source: true, esm: true } });
    for (const [id, entry] of Object.entries(from.schemas)) {
      if (!(id in twin.schemas)) twin.addMetaSchema(entry.schema);
    }
    const _ = ajvModule._;
    type Cxt = { data: unknown; fail(condition: unknown): void };
    if (from.RULES.keywords.function) twin.addKeyword({ keyword: 'function', schema: false, code: (cxt: Cxt) => cxt.fail(_`typeof ${cxt.data} != "function"`) });
    if (from.RULES.keywords.regexp) twin.addKeyword({ keyword: 'regexp', schema: false, code: (cxt: Cxt) => cxt.fail(_`!(${cxt.data} instanceof RegExp)`) });
    if (from.RULES.keywords.copyable) twin.addKeyword({ keyword: 'copyable' });
    return standaloneCode(twin, original.call(twin as AjvInstance, schema));
  }

  try {
    const { HtmlValidate, StaticConfigLoader } = (await import('html-validate')) as typeof import('html-validate');
    const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
    validator.validateStringSync('<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><p>t</p></body></html>');
  } finally {
    proto.compile = original;
  }
  return [...out.values()];
}

/** The module html-validate gets for `ajv` in the bundle: an Ajv that only hands out precompiled validators. */
function shimCode(compiled: Compiled[]): string {
  const imports = compiled.map((c, i) => `import v${i} from ${JSON.stringify(ONE + i)};`).join('\n');
  const table = compiled.map((c, i) => `[${JSON.stringify(c.id)}, [${JSON.stringify(c.json)}, v${i}]]`).join(',\n');
  return `${imports}
const PRECOMPILED = new Map([${table}]);
export default class Ajv {
  addMetaSchema() { return this; }
  addKeyword() { return this; }
  getSchema(id) { return PRECOMPILED.get(id)?.[1]; }
  compile(schema) {
    const entry = PRECOMPILED.get(schema.$id);
    if (!entry) throw new Error('html-validate: schema ' + schema.$id + ' was not precompiled at build time');
    if (entry[0] !== JSON.stringify(schema)) throw new Error('html-validate: schema ' + schema.$id + ' differs from the one precompiled at build time');
    return entry[1];
  }
}
`;
}

/** The Vite plugin (wxt.config.ts): `ajv` imported from html-validate becomes the precompiled module. */
export function htmlValidatePrecompiled(): Plugin {
  let root = process.cwd();
  return {
    name: 'loupe:html-validate-precompiled',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    resolveId(source, importer) {
      if (source === 'ajv' && importer && /[\\/]node_modules[\\/]html-validate[\\/]/.test(importer)) return SHIM;
      if (source === SHIM || source.startsWith(ONE)) return source;
      return null;
    },
    async load(id) {
      if (id !== SHIM && !id.startsWith(ONE)) return null;
      recorded ??= precompile(root);
      const compiled = await recorded;
      return id === SHIM ? shimCode(compiled) : compiled[Number(id.slice(ONE.length))]!.code;
    },
  };
}
