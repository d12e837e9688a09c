import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';

// The pieces of `npm run release` (scripts/release.ts), kept apart so that test/e2e/release.spec.ts runs the same
// code: what makes a tree releasable, the archives, and the rebuild of the Firefox package from the sources archive.

/** A refusal the person can act on, said in French and in English. */
export class ReleaseRefused extends Error {}

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

export function packageVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/** The notes of one version in CHANGELOG.md: the text under its "## <version>" heading, up to the next one. */
export function changelogNotes(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  // "## 0.1.0 — 2026-12-07", "## [0.1.0]" or "## v0.1.0".
  const versionOf = (l: string) => /^##\s+\[?v?([^\s\]]+)/.exec(l)?.[1];
  const start = lines.findIndex((l) => versionOf(l) === version);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim() || undefined;
}

/** Why this tree may not be released, if it may not: every problem at once, each in both languages. */
export function releaseProblems(root: string, version: string): string[] {
  const problems: string[] = [];
  const dirty = git(root, ['status', '--porcelain']);
  if (dirty) {
    problems.push(
      `L’arbre de travail a des modifications non enregistrées (git status) : une version publiée doit venir d’un commit.\n` +
        `  The working tree has uncommitted changes: a release must come from a commit.\n  ${dirty.split('\n').slice(0, 10).join('\n  ')}`,
    );
  }
  if (git(root, ['tag', '--list', `v${version}`])) {
    problems.push(
      `La version ${version} est déjà publiée (étiquette git v${version}) : augmentez "version" dans package.json et ajoutez ses notes à CHANGELOG.md.\n` +
        `  Version ${version} is already released (git tag v${version}): raise "version" in package.json and add its notes to CHANGELOG.md.`,
    );
  }
  const changelog = (() => {
    try {
      return readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    } catch {
      return '';
    }
  })();
  if (!changelogNotes(changelog, version)) {
    problems.push(
      `CHANGELOG.md n’a pas de notes pour la version ${version} (un titre « ## ${version} » suivi du texte).\n` +
        `  CHANGELOG.md has no notes for version ${version} (a "## ${version}" heading followed by text).`,
    );
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// A fixed date in every entry: the same files give the same archive, whenever they were built.
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/** Zips a folder's files (sorted, fixed dates) as a store package: the manifest at the archive's root. */
export async function zipFolder(dir: string, zipPath: string): Promise<void> {
  const zip = new JSZip();
  for (const f of filesUnder(dir)) zip.file(f, readFileSync(join(dir, f)), { date: FIXED_DATE });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, data);
}

/** The sources archive AMO asks for: exactly the files of the commit being released (git archive). */
export function sourcesZip(root: string, zipPath: string, ref = 'HEAD'): void {
  mkdirSync(dirname(zipPath), { recursive: true });
  execFileSync('git', ['archive', '--format=zip', '-o', zipPath, ref], { cwd: root });
}

export async function unzipTo(zipPath: string, dir: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  for (const entry of Object.values(zip.files)) {
    const target = join(dir, entry.name);
    if (!target.startsWith(dir)) throw new Error(`entrée hors du dossier / entry outside the folder: ${entry.name}`);
    if (entry.dir) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await entry.async('nodebuffer'));
    }
  }
}

/** Files that differ between two folders, named: missing on one side, or different bytes. Empty when identical. */
export function compareFolders(expected: string, actual: string): string[] {
  const a = filesUnder(expected);
  const b = filesUnder(actual);
  const diffs: string[] = [];
  for (const f of a) {
    if (!b.includes(f)) diffs.push(`manque / missing: ${f}`);
    else if (!readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) diffs.push(`différent / differs: ${f}`);
  }
  for (const f of b) if (!a.includes(f)) diffs.push(`en trop / extra: ${f}`);
  return diffs;
}

/**
 * Rebuilds the Firefox package from the sources archive alone, as an AMO reviewer would: unzip, `npm ci`,
 * `npm run build-for-amo`. `nodeModules` lends an installed node_modules instead of `npm ci` (the tests: same
 * lockfile, no second download). Returns the rebuilt extension folder.
 */
export async function rebuildFromSources(sources: string, workDir: string, opts: { nodeModules?: string } = {}): Promise<string> {
  await unzipTo(sources, workDir);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: workDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} :\n${r.stdout}${r.stderr}`);
  };
  if (opts.nodeModules) symlinkSync(opts.nodeModules, join(workDir, 'node_modules'), 'dir');
  else run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  run('npm', ['run', 'build-for-amo']);
  const out = join(workDir, '.output/firefox-mv2');
  if (!existsSync(join(out, 'manifest.json'))) throw new Error('npm run build-for-amo : pas de manifest.json / no manifest.json');
  return out;
}
