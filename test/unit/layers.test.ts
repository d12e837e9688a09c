import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The house's floors: a lib/ folder imports only folders on a lower floor (or its own), never components/,
// entrypoints/ or scripts/. That makes cycles between folders impossible and keeps the domain (lib/model) free of
// the detectors. Type-only imports count too: a type names what a module knows about.
export const LAYERS: readonly (readonly string[])[] = [
  // 0: words, addresses and the domain: zod schemas that know no detector.
  ['text', 'net', 'model'],
  // 1: the one formatter and the locale files; reading the page, and watching it during an observed reload.
  ['i18n', 'snapshot', 'structured', 'messaging', 'observe'],
  // 2: reference data (trackerdb) and the evidence helpers shared by every rule.
  ['trackers', 'findings'],
  // 3: axe's run in the page and the RGAA tables.
  ['a11y'],
  // 4: the detectors and their registry (the finding union is composed here).
  ['detectors'],
  // 5: running an inspection; the ministry's grid and its suggestions.
  ['inspect', 'grid'],
  // 6: serialisers (JSON, CSV, Markdown, register).
  ['export'],
  // 7: the person's data.
  ['storage'],
  // 8: what is built from it: imports, consolidation, catalogues.
  ['import', 'consolidate', 'catalogue'],
  // 9: the dashboard's exports; what the extension's pages show.
  ['dashboard', 'panel', 'highlight'],
];

const ROOT = resolve(import.meta.dirname, '../..');
const floorOf = new Map(LAYERS.flatMap((names, floor) => names.map((n) => [n, floor] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = resolve(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every relative import of lib/, as [from folder, to path under the root, file]. */
function libImports(): { from: string; to: string; file: string }[] {
  return sources(resolve(ROOT, 'lib')).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({
        from: relative(resolve(ROOT, 'lib'), file).split('/')[0]!,
        to: relative(ROOT, resolve(dirname(file), i.fileName)),
        file: relative(ROOT, file),
      })),
  );
}

export function layerViolations(): string[] {
  const bad: string[] = [];
  for (const { from, to, file } of libImports()) {
    const [top, folder] = to.split('/');
    if (top === 'public') continue; // the locale files are data
    if (top !== 'lib') {
      bad.push(`${file} imports ${to}: lib/ never imports a higher layer`);
      continue;
    }
    if (folder === from) continue;
    const a = floorOf.get(from);
    const b = floorOf.get(folder!);
    if (a === undefined) bad.push(`${file}: lib/${from} has no floor in LAYERS`);
    else if (b === undefined) bad.push(`${file} imports ${to}: lib/${folder} has no floor in LAYERS`);
    else if (b >= a) bad.push(`${file} (floor ${a}) imports ${to} (floor ${b})`);
  }
  return [...new Set(bad)];
}

describe('imports run one way', () => {
  it('every lib/ folder has a floor', () => {
    const folders = readdirSync(resolve(ROOT, 'lib')).filter((f) => statSync(resolve(ROOT, 'lib', f)).isDirectory());
    expect(folders.filter((f) => !floorOf.has(f))).toEqual([]);
  });

  it('no lib/ module imports its own floor, a higher one, or components/entrypoints/scripts', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('the domain schemas import nothing but zod and the lowest floor', () => {
    const model = libImports().filter((i) => i.from === 'model');
    expect(model.filter((i) => !/^(lib\/model\/|public\/_locales\/)/.test(i.to))).toEqual([]);
  });
});

/** The modules `entry` loads when it runs (type-only imports left out: they vanish at build), transitively. */
function runtimeGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const resolveFile = (base: string) => [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const node of src.statements) {
      let spec: string | undefined;
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) spec = (node.moduleSpecifier as ts.StringLiteral).text;
      if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) spec = (node.moduleSpecifier as ts.StringLiteral).text;
      if (!spec) continue;
      const local = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      if (!local) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      else if (resolveFile(local)) visit(resolveFile(local)!);
    }
  };
  visit(resolve(ROOT, entry));
  return { modules, packages };
}

describe("the background's script stays small", () => {
  // The background wakes for the catalogues' alarm and the toolbar button: it loads the catalogue code and the
  // database's catalogue tables (lib/storage/catalogue-db.ts), never the domain model of findings, which pulls every
  // detector, trackerdb and html-validate (two megabytes of script to parse at each wake).
  it('loads no detector, export, accessibility or tracker code', () => {
    const { modules, packages } = runtimeGraph('entrypoints/background.ts');
    const heavy = [...modules].map((m) => relative(ROOT, m)).filter((m) => /^lib\/(detectors|export|a11y|trackers|inspect|snapshot|grid)\//.test(m) || m === 'lib/storage/db.ts');
    expect(heavy).toEqual([]);
    expect([...packages].filter((p) => ['html-validate', '@ghostery/trackerdb', 'axe-core', 'preact'].includes(p))).toEqual([]);
    // The graph is really read: the catalogue code is in it.
    expect([...modules].map((m) => relative(ROOT, m))).toContain('lib/catalogue/refresh.ts');
  });
});
