// npm run release: everything the Chrome Web Store, addons.mozilla.org and an académie's IT service need, in one run.
// Refuses a tree with uncommitted changes, a version already released (git tag v<version>) and a version without
// notes in CHANGELOG.md. Writes to release/:
//   loupe-<version>-chrome.zip    the Chrome Web Store package (.output/chrome-mv3)
//   loupe-<version>-firefox.zip   the addons.mozilla.org package (.output/firefox-mv2)
//   loupe-<version>-sources.zip   the sources AMO asks for bundled code (git archive of the commit)
//   loupe-<version>-notes.md      the release notes, from CHANGELOG.md
//   loupe-<version>-store/        the listings (fr, en), screenshots and promo tile from store/, and the privacy policy
// Before writing anything it rebuilds the Firefox package from the sources archive alone (npm ci, then
// npm run build-for-amo in a temporary folder) and fails unless every file is identical to the shipped one.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './lib/chromium';
import { changelogNotes, compareFolders, packageVersion, rebuildFromSources, releaseProblems, sourcesZip, zipFolder } from './lib/release';

function quietly(args: string[]): void {
  const r = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    throw new Error(`npx ${args.join(' ')} : échec / failed`);
  }
}

const kB = (file: string) => `${Math.round(statSync(file).size / 1024)} ko`;

async function main(): Promise<number> {
  const version = packageVersion(ROOT);
  const problems = releaseProblems(ROOT, version);
  if (problems.length) {
    console.error(`Publication refusée / Release refused (${version}):\n\n${problems.join('\n\n')}`);
    return 1;
  }
  console.log(`Loupe ${version} : construction des paquets… / building the packages…`);
  quietly(['wxt', 'build']);
  quietly(['wxt', 'build', '-b', 'firefox']);

  const out = join(ROOT, 'release');
  const name = (suffix: string) => join(out, `loupe-${version}-${suffix}`);
  const work = mkdtempSync(join(tmpdir(), 'loupe-release-'));
  try {
    sourcesZip(ROOT, join(work, 'sources.zip'));
    console.log('Reconstruction depuis l’archive des sources (npm ci, npm run build-for-amo)… / Rebuilding from the sources archive…');
    const rebuilt = await rebuildFromSources(join(work, 'sources.zip'), join(work, 'src'));
    const diffs = compareFolders(join(ROOT, '.output/firefox-mv2'), rebuilt);
    if (diffs.length) {
      console.error(
        `L’archive des sources ne redonne pas le paquet Firefox à l’identique : AMO le refuserait.\n` +
          `The sources archive does not rebuild the Firefox package identically: AMO would refuse it.\n  ${diffs.join('\n  ')}`,
      );
      return 1;
    }
    for (const suffix of ['chrome.zip', 'firefox.zip', 'sources.zip', 'notes.md', 'store']) rmSync(name(suffix), { recursive: true, force: true });
    await zipFolder(join(ROOT, '.output/chrome-mv3'), name('chrome.zip'));
    await zipFolder(join(ROOT, '.output/firefox-mv2'), name('firefox.zip'));
    cpSync(join(work, 'sources.zip'), name('sources.zip'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(name('notes.md'), `# Loupe ${version}\n\n${changelogNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)}\n`);
  cpSync(join(ROOT, 'store'), name('store'), { recursive: true });
  // The privacy policy the stores link to is the extension's own page, as built.
  cpSync(join(ROOT, '.output/chrome-mv3/privacy.html'), join(name('store'), 'privacy-policy.html'));

  const rel = (p: string) => relative(process.env.INIT_CWD ?? process.cwd(), p);
  console.log(
    [
      `Loupe ${version} prête / ready:`,
      `  ${rel(name('chrome.zip'))} (${kB(name('chrome.zip'))}) — Chrome Web Store`,
      `  ${rel(name('firefox.zip'))} (${kB(name('firefox.zip'))}) — addons.mozilla.org`,
      `  ${rel(name('sources.zip'))} (${kB(name('sources.zip'))}) — sources pour AMO / sources for AMO (npm ci && npm run build-for-amo)`,
      `  ${rel(name('notes.md'))} — notes de version / release notes`,
      `  ${rel(name('store'))}/ — fiches, politique de confidentialité, captures / listings, privacy policy, screenshots`,
      `Le paquet Firefox a été reconstruit depuis les sources à l’identique. / The Firefox package rebuilt identically from the sources.`,
      `Après l’envoi aux boutiques / after uploading: git tag v${version} && git push --tags`,
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
