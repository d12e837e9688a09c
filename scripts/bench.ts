// npm run bench — every module in scripts/bench/ measures one thing against a baseline taken in the same run,
// on this machine, now: figures are compared as ratios, never as absolute times in tests.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(import.meta.dirname, 'bench');
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !file.startsWith(only)) continue;
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { bench(): Promise<string[]> };
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  for (const line of await mod.bench()) console.log(line);
}
