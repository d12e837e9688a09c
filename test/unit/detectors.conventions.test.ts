import { z } from 'zod';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../lib/detectors/registry';
import { CATEGORIES, type DetectorOutput } from '../../lib/model/finding';
import { makeSnapshot } from '../helpers/make-snapshot';
import { runDetectors } from '../../lib/inspect/run-detectors';
import type { PageSnapshot } from '../../lib/snapshot/schema';

const DIR = resolve(import.meta.dirname, '../../lib/detectors');
const NOT_DETECTORS = new Set(['types.ts', 'registry.ts', 'finding.ts']);

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

  it('a detector that reads a snapshot field it did not declare fails, and says which field', async () => {
    const sneaky = { ...detectors['a11y-lang'], run: (s: PageSnapshot) => (s.links.length > 0 ? [] : []) };
    const run = await runDetectors(makeSnapshot(), [sneaky], { now: 0 });
    expect(run.detectors[0]).toMatchObject({ id: 'a11y-lang', status: 'error', error: 'a11y-lang reads snapshot.links without declaring it in requires' });
    // Declared fields read as usual.
    const honest = { ...detectors['a11y-lang'], run: (s: PageSnapshot) => (s.lang === 'fr' && s.doctype === 'html' ? [] : []) };
    expect((await runDetectors(makeSnapshot(), [honest], { now: 0 })).detectors[0]).toMatchObject({ status: 'ok' });
  });

  it('a detector that throws mid-run contributes no finding at all, not the ones before the fault', async () => {
    const terms = { key: 'terms', severity: 'info' as const, messageKey: 'legalLinks_found_terms' as const, params: [{ count: 1 }], evidence: [], data: { kind: 'found' as const, document: 'terms' as const, urls: [] } };
    const cases: [string, DetectorOutput[], RegExp][] = [
      ['a repeated key', [terms, { ...terms, key: 'privacy' }, terms], /duplicate finding key terms/],
      ['data outside its schema', [terms, { ...terms, key: 'privacy', data: { kind: 'found', document: 'privacy', urls: 'x' } }], /privacy does not match the export schema: data/],
    ];
    for (const [name, outputs, error] of cases) {
      const faulty = { ...detectors['legal-links'], run: () => outputs };
      const run = await runDetectors(makeSnapshot(), [faulty, detectors['a11y-lang']], { now: 0 });
      expect(run.detectors[0], name).toMatchObject({ id: 'legal-links', status: 'error', error: expect.stringMatching(error) });
      expect(run.findings.filter((f) => f.detector === 'legal-links'), name).toEqual([]);
    }
  });

  it('every message key a detector can emit exists in French and English', async () => {
    const { hasMessage } = await import('../../lib/i18n/messages');
    const fr = await import('../../public/_locales/fr/messages.json');
    for (const key of Object.keys(fr.default)) expect(hasMessage(key, 'en'), key).toBe(true);
  });
});
