import { z } from 'zod';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../lib/detectors/registry';
import { CATEGORIES } from '../../lib/detectors/types';
import { makeSnapshot } from '../helpers/make-snapshot';
import { runDetectors } from '../../lib/inspect/run-detectors';

const DIR = resolve(import.meta.dirname, '../../lib/detectors');
const NOT_DETECTORS = new Set(['types.ts', 'registry.ts']);

describe('detector conventions', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_DETECTORS.has(f));

  it.each(files)('%s is registered under its file name', (file) => {
    const id = file.replace(/\.ts$/, '');
    expect(Object.keys(detectors)).toContain(id);
    expect(detectors[id as keyof typeof detectors].id).toBe(id);
  });

  it.each(Object.values(detectors))('$id has a known category and reads existing snapshot fields', (d) => {
    expect(CATEGORIES).toContain(d.category);
    const snap = makeSnapshot();
    for (const field of d.requires) expect(snap).toHaveProperty(field);
  });

  it('the runner names a detector that throws and keeps the others', async () => {
    const boom = { id: 'boom', category: 'metadata' as const, requires: [], data: z.never(), run: () => { throw new Error('kaput'); } };
    const run = await runDetectors(makeSnapshot(), [boom, detectors['legal-links']], { now: 0 });
    expect(run.detectors).toEqual([
      expect.objectContaining({ id: 'boom', status: 'error', error: 'kaput' }),
      expect.objectContaining({ id: 'legal-links', status: 'ok' }),
    ]);
    expect(run.findings.some((f) => f.detector === 'legal-links')).toBe(true);
  });

  it('every message key a detector can emit exists in French and English', async () => {
    const { hasMessage } = await import('../../lib/i18n/messages');
    const fr = await import('../../public/_locales/fr/messages.json');
    for (const key of Object.keys(fr.default)) expect(hasMessage(key, 'en'), key).toBe(true);
  });
});
