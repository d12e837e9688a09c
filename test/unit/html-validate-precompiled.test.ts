import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { htmlValidatePrecompiled } from '../../scripts/lib/html-validate-precompiled';

// The extension's pages forbid turning strings into code (CSP without 'unsafe-eval'); Node forbids it too with
// --disallow-code-generation-from-strings. html-validate bundled as the extension bundles it (Vite, the browser
// build, scripts/lib/html-validate-precompiled.ts) must validate there; bundled without the plugin, it must not
// (which shows the flag stands for the CSP). This file imports no html-validate itself: the plugin records the
// schemas html-validate compiles when it is first loaded.

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE = '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><a href="/f"><button type="button">x</button></a><ul><div>y</div></ul><p><acronym>CDI</acronym></p></body></html>';

async function bundle(withPlugin: boolean): Promise<string> {
  // Inside the project, so that the entry resolves html-validate from node_modules.
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/loupe-hv-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { HtmlValidate, StaticConfigLoader } from 'html-validate/browser';
     import { HTML_VALIDATE_CONFIG } from ${JSON.stringify(join(ROOT, 'lib/a11y/html-validate-rules.ts'))};
     try {
       const v = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
       const r = v.validateStringSync(${JSON.stringify(PAGE)});
       console.log(JSON.stringify(r.results.flatMap((x) => x.messages).map((m) => m.ruleId + ' ' + m.selector)));
     } catch (e) { console.log(JSON.stringify({ error: String(e) })); }`,
  );
  const out = (await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    plugins: withPlugin ? [htmlValidatePrecompiled()] : [],
    resolve: { conditions: ['browser', 'import', 'module', 'default'] },
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'bundle' } },
  })) as Rolldown.RolldownOutput[];
  const file = join(dir, 'bundle.mjs');
  writeFileSync(file, (out[0]!.output[0] as Rolldown.OutputChunk).code);
  // The module-level schema compile of an unpatched html-validate throws at import: caught by the exit status.
  const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', file], { encoding: 'utf8' });
  return run.stdout.trim() || run.stderr;
}

describe('html-validate without code generation from strings (the extension CSP)', () => {
  it('validates when its schemas are precompiled at build time', async () => {
    const out = await bundle(true);
    expect(JSON.parse(out)).toEqual(
      expect.arrayContaining(['element-permitted-content html > body > a > button', 'element-permitted-content html > body > ul > div', 'deprecated html > body > p > acronym']),
    );
  }, 120_000);

  it('fails without the plugin: ajv compiles with new Function', async () => {
    const out = await bundle(false);
    expect(out).toMatch(/Code generation from strings disallowed|EvalError/);
  }, 120_000);
});
