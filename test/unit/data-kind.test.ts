import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withDataKind, type Finding } from '../../lib/detectors/finding';
import { detectorList } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import { listFixtures } from '../helpers/fixtures';
import { snapshotFromHtml } from '../helpers/snapshot-from-html';

// Every variant of a detector's `data` names its `kind`, so a reader tells variants apart without guessing from
// their shape; data written before (export versions 1–2, storage before version 5) gets its kind back from its shape.

describe('data kinds', () => {
  const withVariants = detectorList.filter((d) => d.data instanceof z.ZodUnion);

  it('every detector whose data has variants tells them apart by `kind`', () => {
    expect(withVariants.length).toBeGreaterThanOrEqual(12);
    for (const d of withVariants) {
      expect(d.data, d.id).toBeInstanceOf(z.ZodDiscriminatedUnion);
      expect((d.data as z.ZodDiscriminatedUnion).def.discriminator, d.id).toBe('kind');
    }
  });

  it('the kind of every finding on every fixture page is found again from its data as older versions wrote it', async () => {
    const findings: Finding[] = [];
    for (const { html, expect: spec } of listFixtures()) {
      const run = await runDetectors(await snapshotFromHtml(html, spec.url), detectorList.filter((d) => !d.needs?.length), { now: Date.parse('2026-01-01') });
      findings.push(...run.findings.filter((f) => f.data && withVariants.some((d) => d.id === f.detector)));
    }
    const kinds = new Set(findings.map((f) => `${f.detector} ${(f.data as { kind: string }).kind}`));
    // Enough variety to mean something: most variants of most detectors appear on the fixture pages.
    expect(kinds.size).toBeGreaterThan(30);
    for (const f of findings) {
      const { kind, ...rest } = f.data as Record<string, unknown>;
      if (f.detector === 'legal-links') {
        const { document, ...others } = rest;
        expect(withDataKind({ ...f, data: { kind: document, ...others } }), f.id).toEqual(f);
      } else {
        expect(withDataKind({ ...f, data: rest }), f.id).toEqual(f);
      }
      // Data that already names its kind is left alone.
      expect(withDataKind(f)).toBe(f);
    }
  });

  it('axe told its variants apart by `outcome`; data that fits no variant is left for the schema to refuse', () => {
    const summary = { id: 'axe/summary', detector: 'axe', data: { outcome: 'summary', passes: 3 } };
    expect(withDataKind(summary).data).toEqual({ kind: 'summary', passes: 3 });
    const odd = { id: 'page-weight/weight', detector: 'page-weight', data: { weight: 'heavy' } };
    expect(withDataKind(odd)).toBe(odd);
  });
});
