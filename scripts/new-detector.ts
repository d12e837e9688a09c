// Scaffolds a detector: its file, two fixture pages (must flag / must not flag) with their expectations, its
// message in both locales, and its line in the registry. A new detector is then its rule and its fixtures.
//
//   npm run new:detector -- <id> [--category <category>]
//
// The scaffold passes the tests as it is (the fixture tests run it on its own pages); then write the rule, the
// message and the pages. Exit codes: 0 written, 2 bad usage (nothing written).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CATEGORIES, type Category } from '../lib/model/finding';
import { camel } from '../lib/text/key-case';

export const ROOT = resolve(import.meta.dirname, '..');


export function detectorSource(id: string, category: Category): string {
  const name = camel(id);
  return `import { z } from 'zod';
import { elementEvidence } from '../findings/evidence';
import { count } from '../model/message';
import { defineDetector } from './types';

// What this detector looks for, and why it matters in class (comments say why, not what).
// Pages vérifiées : fixtures in test/fixtures/pages/${id}/ (one that must flag, one that must not).

/** The words that give the pattern away: replace with the rule. */
const PATTERN = /à remplacer/iu;

/** What this detector's findings carry in \`data\` (validated by the runner and the export). */
export const ${name}Data = z.strictObject({ count: z.number() });

export const ${name} = defineDetector({
  id: '${id}',
  category: '${category}',
  data: ${name}Data,
  // Every snapshot field the rule reads, and no other: reading an undeclared one throws in the tests.
  requires: ['links'],
  run(snapshot) {
    const found = snapshot.links.filter((l) => PATTERN.test(l.text));
    if (found.length === 0) return [];
    return [
      {
        key: 'found',
        severity: 'review',
        messageKey: '${name}_found',
        params: [count(found.length)],
        evidence: found.map((l) => elementEvidence(l.ref, l.text, l.href)),
        data: { count: found.length },
      },
    ];
  },
});
`;
}

export function fixtures(id: string): Record<string, string> {
  const page = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ressource</title></head><body>\n${body}\n</body></html>\n`;
  return {
    'flags.html': page('<main><h1>Ressource</h1><p><a id="hit" href="/a-remplacer">À remplacer</a></p></main>'),
    'flags.expect.json':
      JSON.stringify({ why: 'the pattern, plainly: replace with the case this page stands for', expect: { [id]: [{ key: 'found', severity: 'review', selectors: ['#hit'], data: { count: 1 } }] } }, null, 2) + '\n',
    'does-not-flag.html': page('<main><h1>Ressource</h1><p>Un texte qui parle du sujet sans être le motif : <a href="/autre">autre page</a>.</p></main>'),
    'does-not-flag.expect.json': JSON.stringify({ why: 'the opposite case: close to the pattern, and not it', expect: { [id]: [] } }, null, 2) + '\n',
  };
}

export function withRegistryEntry(registry: string, id: string): string {
  const name = camel(id);
  const last = [...registry.matchAll(/^import .*;$/gm)].at(-1);
  if (!last || !registry.includes('\n} as const satisfies')) throw new Error('lib/detectors/registry.ts: unexpected shape');
  const at = last.index! + last[0].length;
  const withImport = `${registry.slice(0, at)}\nimport { ${name} } from './${id}';${registry.slice(at)}`;
  const key = /^[a-z]+$/.test(id) ? name : `'${id}': ${name}`;
  return withImport.replace('\n} as const satisfies', `\n  ${key},\n} as const satisfies`);
}

export function withMessage(catalog: string, key: string, message: string): string {
  const parsed = JSON.parse(catalog) as Record<string, { message: string }>;
  parsed[key] = { message };
  return JSON.stringify(parsed, null, 2) + '\n';
}

/** Writes the scaffold under `root`; throws (having written nothing) when the id is taken or malformed. */
export function scaffold(root: string, id: string, category: Category): string[] {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`identifiant invalide / invalid id: ${id} (ex. : school-login)`);
  const file = join(root, 'lib/detectors', `${id}.ts`);
  const dir = join(root, 'test/fixtures/pages', id);
  if (existsSync(file) || existsSync(dir)) throw new Error(`le détecteur existe déjà / detector already exists: ${id}`);
  const key = `${camel(id)}_found`;
  const registryPath = join(root, 'lib/detectors/registry.ts');
  const writes: [string, string][] = [
    [file, detectorSource(id, category)],
    ...Object.entries(fixtures(id)).map(([name, text]): [string, string] => [join(dir, name), text]),
    [registryPath, withRegistryEntry(readFileSync(registryPath, 'utf8'), id)],
  ];
  for (const [locale, text] of [
    ['fr', `$1 élément(s) relevé(s) par le détecteur ${id} : à vérifier.`],
    ['en', `$1 element(s) found by the ${id} detector: to check.`],
  ] as const) {
    const path = join(root, 'public/_locales', locale, 'messages.json');
    writes.push([path, withMessage(readFileSync(path, 'utf8'), key, text)]);
  }
  for (const [path, text] of writes) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return writes.map(([path]) => path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--category');
  const category = (i >= 0 ? args.splice(i, 2)[1] : 'metadata') as Category;
  const [id] = args;
  try {
    if (!id) throw new Error('Usage : npm run new:detector -- <id> [--category <catégorie>]');
    if (!CATEGORIES.includes(category)) throw new Error(`catégorie inconnue / unknown category: ${category} (${CATEGORIES.join(', ')})`);
    for (const path of scaffold(ROOT, id, category)) console.log(`écrit / wrote ${path.slice(ROOT.length + 1)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
