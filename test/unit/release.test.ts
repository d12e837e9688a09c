import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogNotes, releaseProblems } from '../../scripts/lib/release';

const CHANGELOG = '# Changelog\n\n## 1.2.3 — 2026-12-07\n\n- Une note.\n\n## 1.2.2\n\n- Avant.\n';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-release-test-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.2.3' }));
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

describe('release checks', () => {
  it('reads one version’s notes from the changelog, and only that version’s', () => {
    expect(changelogNotes(CHANGELOG, '1.2.3')).toBe('- Une note.');
    expect(changelogNotes(CHANGELOG, '1.2.2')).toBe('- Avant.');
    expect(changelogNotes(CHANGELOG, '1.2')).toBeUndefined();
    expect(changelogNotes('## [v2.0.0]\n\nx\n', '2.0.0')).toBe('x');
    expect(changelogNotes('## 2.0.0\n\n## 1.0.0\nx\n', '2.0.0')).toBeUndefined();
  });

  it('accepts a clean tree with notes and an unreleased version', () => {
    expect(releaseProblems(repo(), '1.2.3')).toEqual([]);
  });

  it('refuses a tree with uncommitted changes, naming the files, in French and English', () => {
    const dir = repo();
    writeFileSync(join(dir, 'stray.txt'), 'x');
    const [problem, ...rest] = releaseProblems(dir, '1.2.3');
    expect(rest).toEqual([]);
    expect(problem).toMatch(/modifications non enregistrées/);
    expect(problem).toMatch(/uncommitted changes/);
    expect(problem).toMatch(/stray\.txt/);
  });

  it('refuses a version already released (its git tag exists)', () => {
    const dir = repo();
    execFileSync('git', ['tag', 'v1.2.3'], { cwd: dir });
    const problems = releaseProblems(dir, '1.2.3');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/déjà publiée.*\n.*already released/);
  });

  it('refuses a version without notes in CHANGELOG.md', () => {
    expect(releaseProblems(repo(), '1.2.4')).toEqual([expect.stringMatching(/CHANGELOG\.md n’a pas de notes pour la version 1\.2\.4/)]);
  });
});
