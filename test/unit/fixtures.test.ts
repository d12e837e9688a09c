import { describe, expect, it } from 'vitest';
import { detectorList } from '../../lib/detectors/registry';
import type { Finding } from '../../lib/detectors/finding';
import { formatWith } from '../../lib/i18n/format';
import fr from '../../public/_locales/fr/messages.json';
import en from '../../public/_locales/en/messages.json';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { listFixtures } from '../helpers/fixtures';
import { generatedFromHtml, snapshotFromHtml } from '../helpers/snapshot-from-html';

// Every detector on every fixture page (axe-core's integration tests, refined-github's negative loop):
// - for each detector the fixture names, the findings must be exactly the ones listed;
// - any other detector must raise nothing blocking there (heuristics fail through false positives).

const fixtures = listFixtures();

const catalogs: Record<'fr' | 'en', Record<string, { message: string }>> = { fr, en };

/** What is wrong with a finding's message in one language: missing, shown as its key, or a placeholder left empty. */
function messageFault(f: Finding, locale: 'fr' | 'en'): string | undefined {
  const template = catalogs[locale][f.messageKey]?.message;
  if (template === undefined) return `${f.messageKey} missing in ${locale}`;
  const text = formatWith(locale, f.messageKey, f.params);
  if (text === f.messageKey || text.trim() === '') return `${f.messageKey} renders to nothing in ${locale}`;
  const highest = Math.max(0, ...[...template.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));
  if (highest > f.params.length) return `${f.messageKey} uses $${highest} but has ${f.params.length} parameter(s) in ${locale}`;
  return undefined;
}
// Detectors that need axe's run in a real page (or an observed reload) are checked end to end
// (test/e2e/accessibility.spec.ts); the page's generated code (RGAA 8.2) is serialised here as the page does it.
const snapshotDetectors = detectorList.filter((d) => (d.needs ?? []).every((id) => id === 'generated'));

describe.each(fixtures)('fixture $name', ({ html, expect: spec }) => {
  it('yields exactly the expected findings', async () => {
    const snapshot = await snapshotFromHtml(html, spec.url);
    const run = await runDetectors(snapshot, snapshotDetectors, { now: Date.UTC(2026, 10, 23), artifacts: { generated: await generatedFromHtml(html, spec.url) } });
    expect(run.detectors.filter((d) => d.status === 'error')).toEqual([]);
    // Every message a fixture's findings use reads as a sentence in both languages, never as its key.
    expect(run.findings.flatMap((f) => [messageFault(f, 'fr'), messageFault(f, 'en')]).filter(Boolean)).toEqual([]);
    for (const detector of snapshotDetectors) {
      const got = run.findings.filter((f) => f.detector === detector.id);
      const wanted = spec.expect[detector.id];
      if (!wanted) {
        expect(got.filter((f) => f.severity === 'blocking').map((f) => f.id), `${detector.id} must stay silent`).toEqual([]);
        continue;
      }
      expect(got.map((f) => `${f.id} ${f.severity}`).sort(), detector.id).toEqual(wanted.map((w) => `${detector.id}/${w.key} ${w.severity}`).sort());
      for (const w of wanted) {
        const f = got.find((x) => x.id === `${detector.id}/${w.key}`)!;
        if (w.selectors) expect(f.evidence.map((e) => e.selector)).toEqual(expect.arrayContaining(w.selectors));
        if (w.data) expect(f.data).toMatchObject(w.data);
      }
    }
  });
});

it('has fixtures for every detector', () => {
  const dirs = new Set(fixtures.map((f) => f.name.split('/')[0]));
  for (const d of snapshotDetectors) expect(dirs.has(d.id), d.id).toBe(true);
});
