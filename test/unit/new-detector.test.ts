import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectFileSchema } from '../helpers/fixtures';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';
import { ROOT, scaffold } from '../../scripts/new-detector';

// `npm run new:detector -- <id>` on a copy of lib/ and the locales: the scaffolded detector registers, validates its
// data, flags its must-flag page, stays silent on the other, and its message exists in both languages.

// test-results/ is made by `npm test`; a bare `vitest run` on a fresh clone has none yet.
mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
const TMP = mkdtempSync(join(resolve(ROOT, 'test-results'), 'scaffold-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('new:detector', () => {
  cpSync(join(ROOT, 'lib'), join(TMP, 'lib'), { recursive: true });
  cpSync(join(ROOT, 'public/_locales'), join(TMP, 'public/_locales'), { recursive: true });
  const written = scaffold(TMP, 'school-login', 'account');

  it('writes the detector, its two fixtures, its messages and its registry line', () => {
    expect(written.map((p) => p.slice(TMP.length + 1)).sort()).toEqual([
      'lib/detectors/registry.ts',
      'lib/detectors/school-login.ts',
      'public/_locales/en/messages.json',
      'public/_locales/fr/messages.json',
      'test/fixtures/pages/school-login/does-not-flag.expect.json',
      'test/fixtures/pages/school-login/does-not-flag.html',
      'test/fixtures/pages/school-login/flags.expect.json',
      'test/fixtures/pages/school-login/flags.html',
    ]);
    expect(() => scaffold(TMP, 'school-login', 'account')).toThrow(/existe déjà/);
    expect(() => scaffold(TMP, 'School Login', 'account')).toThrow(/invalide/);
  });

  it('runs through the real runner and schema, true to its own fixtures', async () => {
    const { detectors } = await import(join(TMP, 'lib/detectors/registry.ts'));
    const { runDetectors } = await import(join(TMP, 'lib/inspect/run-detectors.ts'));
    const detector = detectors['school-login'];
    expect(detector.id).toBe('school-login');
    for (const name of ['flags', 'does-not-flag']) {
      const base = join(TMP, 'test/fixtures/pages/school-login', name);
      const spec = expectFileSchema.parse(JSON.parse(readFileSync(`${base}.expect.json`, 'utf8')));
      expect(spec.why).toBeTruthy();
      const run = await runDetectors(await snapshotFromHtml(readFileSync(`${base}.html`, 'utf8'), spec.url), [detector], { now: 0 });
      expect(run.detectors[0].status, name).toBe('ok');
      expect(run.findings.map((f: { id: string }) => f.id)).toEqual(spec.expect['school-login']!.map((w) => `school-login/${w.key}`));
      for (const f of run.findings) expect(f.message).not.toBe(f.messageKey);
    }
    const en = JSON.parse(readFileSync(join(TMP, 'public/_locales/en/messages.json'), 'utf8'));
    expect(en.schoolLogin_found.message).toContain('$1');
  });
});
