// npm run bench [-- NAME] [-- --json FILE] — every module in scripts/bench/ measures one thing against a baseline
// taken in the same run, on this machine, now: figures are compared as ratios, never as absolute times in tests.
// Each line says "goal met" or "goal not met"; --json writes every figure to FILE.
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './bench/report';

const dir = resolve(import.meta.dirname, 'bench');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) {
  console.error('--json : fichier manquant / missing file');
  process.exit(2);
}
const only = args.find((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const all: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'report.ts').sort()) {
  if (only && !file.startsWith(only)) continue;
  const name = file.replace(/\.ts$/, '');
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { bench(): Promise<string[] | BenchResult> };
  console.log(`\n## ${name}`);
  const r = await mod.bench();
  const { lines, figures } = Array.isArray(r) ? { lines: r, figures: [] } : r;
  for (const line of lines) console.log(line);
  all[name] = { lines, figures };
}
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ measuredAt: new Date().toISOString(), ...all }, null, 2) + '\n');
  console.log(`\n→ ${jsonFile}`);
}
