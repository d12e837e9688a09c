// The CI's last two steps (.gitlab-ci.yml, .github/workflows/catalogue-audit.yml), run on the Forge's runner:
//   npx tsx scripts/ci-publish.ts merge  --shards N --in audit-out --out pages-site/evaluations.json
//   npx tsx scripts/ci-publish.ts catalogue --decisions ci/avis-du-referent.json --out pages-site/catalogue.json
//        [--academie "Académie de …"] [--evaluations-url https://…/evaluations.json]
// merge: the shards' folders (audit-out/shard-1 … shard-N) into the bundle the dashboard imports; a shard whose
// folder is missing or empty (its job failed) is named, and the others are published. catalogue: the referent's
// decisions (a consolidated bundle exported from the dashboard, kept in the repository) as the published catalogue.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalogueOf, catalogueText } from '../lib/catalogue/publish';
import { readExportFile } from '../lib/export/import';
import { mergeFolders } from './lib/audit/merge';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function mergeShards(inDir: string, shards: number, out: string): { missing: number[]; evaluations: number } {
  const present: string[] = [];
  const missing: number[] = [];
  for (let k = 1; k <= shards; k++) {
    const dir = join(inDir, `shard-${k}`);
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'))) present.push(dir);
    else missing.push(k);
  }
  for (const k of missing) console.log(`Lot ${k}/${shards} absent (sa tâche a échoué) : publié sans lui. / Shard ${k}/${shards} missing (its job failed): published without it.`);
  const r = mergeFolders(present, resolve(out));
  for (const u of r.unreadable) console.log(`Illisible / unreadable: ${u.path} — ${u.why}`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, JSON.stringify(r.bundle) + '\n');
  // A page beside the files: which shards are in, which are not (the DANE reads it on Pages).
  writeFileSync(join(dirname(resolve(out)), 'lots.json'), JSON.stringify({ shards, published: shards - missing.length, missing, evaluations: r.bundle.evaluations.length }) + '\n');
  console.log(`${r.bundle.evaluations.length} évaluation(s) de ${present.length} lot(s) sur ${shards} → ${out} / ${r.bundle.evaluations.length} evaluation(s) from ${present.length} of ${shards} shard(s).`);
  return { missing, evaluations: r.bundle.evaluations.length };
}

export function publishCatalogue(decisionsFile: string, out: string, academie?: string, evaluationsUrl?: string): number {
  const read = readExportFile(readFileSync(decisionsFile, 'utf8'));
  if (!read.ok) throw new Error(`${decisionsFile}: ${read.messageKey} ${read.params.join(' ')}`);
  const file = catalogueOf(read.file.consolidations ?? [], { academie, evaluationsUrl });
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, catalogueText(file));
  console.log(`${file.entries.length} ressource(s) au catalogue → ${out} / ${file.entries.length} resource(s) in the catalogue.`);
  return file.entries.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'merge') {
    const r = mergeShards(option(args, '--in') ?? 'audit-out', Number(option(args, '--shards') ?? '1'), option(args, '--out') ?? 'pages-site/evaluations.json');
    // Nothing at all to publish is a failure; a missing shard is said, not fatal.
    process.exit(r.evaluations === 0 ? 1 : 0);
  } else if (command === 'catalogue') {
    const decisions = option(args, '--decisions');
    if (!decisions) {
      console.error('--decisions FICHIER manquant / missing');
      process.exit(2);
    }
    publishCatalogue(decisions, option(args, '--out') ?? 'pages-site/catalogue.json', option(args, '--academie') || undefined, option(args, '--evaluations-url') || undefined);
  } else {
    console.error('Usage : npx tsx scripts/ci-publish.ts merge|catalogue …');
    process.exit(2);
  }
}
