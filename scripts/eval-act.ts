// Runs the W3C ACT Rules suite through Loupe (the audit build in Chromium, the panel's own code path) and prints,
// per rule and in total, Loupe's agreement with the expected outcomes next to axe-core's published outcomes.
//   npm run eval:act -- [--concurrency N] [--rule ID]... [--json FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { explain, runActSuite, score, scoreByRgaa } from './lib/act';

const argv = process.argv.slice(2);
const rulesWanted: string[] = [];
let concurrency = 3;
let json = 'test-results/act-report.json';
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--concurrency') concurrency = Number(argv[++i]);
  else if (argv[i] === '--rule') rulesWanted.push(argv[++i]!);
  else if (argv[i] === '--json') json = argv[++i]!;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const { outcomes, rules, ms } = await runActSuite({
  concurrency,
  filter: rulesWanted.length ? (c) => rulesWanted.includes(c.ruleId) : undefined,
  log: (s) => console.error(s),
});
const s = score(outcomes, rules);
console.log(`\nRègles ACT W3C : accord avec le résultat attendu (Loupe | axe-core publié)  — ${outcomes.length} cas en ${(ms / 1000).toFixed(1)} s\n`);
for (const r of s.perRule) {
  const flag = r.loupe < r.axe ? '  ← en dessous d’axe-core' : '';
  console.log(`${r.ruleId}  ${r.automated ? 'auto ' : 'autre'}  ${String(r.loupe).padStart(3)}/${r.cases} | ${String(r.axe).padStart(3)}/${r.cases}  ${r.ruleName}${flag}`);
}
console.log(`\nRègles « automated » : Loupe ${s.automated.loupe}/${s.automated.cases} (${pct(s.automated.loupe, s.automated.cases)}) | axe-core ${s.automated.axe}/${s.automated.cases} (${pct(s.automated.axe, s.automated.cases)})`);
console.log(`Règles « automated », cas où axe-core a publié un résultat : Loupe ${s.automatedPublished.loupe}/${s.automatedPublished.cases} | axe-core ${s.automatedPublished.axe}/${s.automatedPublished.cases}`);
console.log(`Toutes les règles    : Loupe ${s.all.loupe}/${s.all.cases} (${pct(s.all.loupe, s.all.cases)}) | axe-core ${s.all.axe}/${s.all.cases} (${pct(s.all.axe, s.all.cases)})`);
console.log(`\nPar critère RGAA 4.1.2 : cas ACT des règles qui s'y rattachent (par les règles axe qui les mettent en œuvre, sinon par WCAG) ; un cas peut compter pour plusieurs critères`);
console.log(`critère  cas  décidés  erreurs  à vérifier  intitulé`);
const byRgaa = scoreByRgaa(outcomes, rules);
for (const r of byRgaa) {
  const title = r.title.length > 70 ? r.title.slice(0, 69) + '…' : r.title;
  console.log(`${r.criterion.padEnd(7)} ${String(r.cases).padStart(4)}  ${String(r.decided).padStart(7)}  ${String(r.wrong).padStart(7)}  ${String(r.review).padStart(10)}  ${title}`);
}
const auto = new Set(s.perRule.filter((r) => r.automated).map((r) => r.ruleId));
const disagreements = outcomes.filter((o) => !o.loupeAgrees);
console.log(`\nDésaccords de Loupe avec le résultat attendu (${disagreements.length}, dont ${disagreements.filter((o) => auto.has(o.ruleId)).length} sur les règles « automated ») :`);
for (const o of disagreements) console.log(`  ${auto.has(o.ruleId) ? '[auto] ' : '[autre]'} ${o.ruleId} ${o.caseTitle} (${o.caseId.slice(0, 8)}) — ${explain(o)}`);
const lost = outcomes.filter((o) => auto.has(o.ruleId) && o.axeAgrees && !o.loupeAgrees);
console.log(`\nCas où axe-core publie le bon résultat et pas Loupe (règles « automated ») : ${lost.length}`);
for (const o of lost) console.log(`  ${o.ruleId} ${o.caseTitle} — ${explain(o)}`);
console.log(`\nIntégration : cas où les règles axe de la règle ACT, lancées par Loupe, ne disent pas ce qu'axe-core a publié : ${s.integrationDiffs.length}`);
for (const o of s.integrationDiffs) console.log(`  ${o.ruleId} ${o.caseTitle} (${o.caseId.slice(0, 8)}) — Loupe ${o.loupeByProcedures ? 'signale' : 'ne signale pas'}, axe-core publié ${o.axeFlagged ? 'failed' : 'passed/inapplicable'}`);
console.log(`Cas non inspectés (erreur) : ${s.errors.length}`);
for (const o of s.errors) console.log(`  ${o.ruleId} ${o.caseTitle} — ${o.error}`);
const slowest = Math.max(...outcomes.map((o) => o.ms));
console.log(`\nDurée : ${(ms / 1000).toFixed(1)} s pour ${outcomes.length} cas (${concurrency} pages en parallèle ; cas le plus lent ${slowest} ms)`);
mkdirSync(dirname(json), { recursive: true });
writeFileSync(json, JSON.stringify({ ms, score: s, byRgaa, outcomes }, null, 2));
const goal = s.automated.loupe >= s.automated.axe;
console.log(goal ? 'Objectif atteint : accord de Loupe ≥ axe-core sur les règles « automated ».' : 'Objectif NON atteint.');
process.exit(goal ? 0 : 1);
