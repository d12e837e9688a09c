// Generates lib/i18n/axe-help-en.json: axe-core's own English title of each rule, for the panel in English (axe runs
// in the page with its French locale, so the finding carries the French title). Read from the installed axe-core,
// so the titles are axe's words, never ours; test/unit/panel-english.test.ts fails when they drift.
//   npx tsx scripts/gen-axe-en.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export function axeEnglishHelp(): Record<string, string> {
  const axe = createRequire(import.meta.url)('axe-core') as { getRules(): { ruleId: string; help: string }[] };
  return Object.fromEntries(axe.getRules().map((r) => [r.ruleId, r.help]).sort(([a], [b]) => a!.localeCompare(b!)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(import.meta.dirname, '../lib/i18n/axe-help-en.json');
  const help = axeEnglishHelp();
  writeFileSync(out, JSON.stringify(help, null, 1) + '\n');
  console.log(`${Object.keys(help).length} rules → ${out}`);
}
