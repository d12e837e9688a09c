// npm run eval:detectors — measures heuristic detectors on labelled material and prints their figures.
// Each module in scripts/eval/ exports `evaluate(): Promise<EvalReport>`; a unit test holds the same thresholds.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EvalReport {
  name: string;
  /** Lines to print: figures with their thresholds. */
  lines: string[];
  /** Whether every threshold is met. */
  ok: boolean;
}

const dir = resolve(import.meta.dirname, 'eval');
let allOk = true;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { evaluate(): Promise<EvalReport> };
  const report = await mod.evaluate();
  console.log(`\n## ${report.name} ${report.ok ? '✔' : '✘'}`);
  for (const line of report.lines) console.log(line);
  allOk &&= report.ok;
}
process.exit(allOk ? 0 : 1);
