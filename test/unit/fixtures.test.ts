import { describe, expect, it } from 'vitest';
import { detectorList } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { listFixtures } from '../helpers/fixtures';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';

// Every detector on every fixture page (axe-core's integration tests, refined-github's negative loop):
// - for each detector the fixture names, the findings must be exactly the ones listed;
// - any other detector must raise nothing blocking there (heuristics fail through false positives).

const fixtures = listFixtures();

describe.each(fixtures)('fixture $name', ({ html, expect: spec }) => {
  it('yields exactly the expected findings', async () => {
    const snapshot = await snapshotFromHtml(html, spec.url);
    const run = await runDetectors(snapshot, detectorList, { now: Date.UTC(2026, 10, 23) });
    expect(run.detectors.filter((d) => d.status === 'error')).toEqual([]);
    for (const detector of detectorList) {
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
  for (const d of detectorList) expect(dirs.has(d.id), d.id).toBe(true);
});

it('gives every finding an id the export format accepts', async () => {
  const { findingSchema } = await import('../../lib/export/schema');
  for (const { html, expect: spec } of fixtures) {
    const run = await runDetectors(await snapshotFromHtml(html, spec.url), detectorList, { now: 0 });
    for (const f of run.findings) expect(findingSchema.safeParse(f).success, f.id).toBe(true);
  }
});
