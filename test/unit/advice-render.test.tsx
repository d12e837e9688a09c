// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AdviceInPlace } from '../../components/AdviceInPlace';
import { adviceOf } from '../../lib/consolidate/advice';
import { readExportFile } from '../../lib/export/import';
import type { Evaluation } from '../../lib/export/schema';
import type { StoredConsolidation, StoredEvaluation } from '../../lib/storage/record';

// The advice above the verdict: nothing when nothing is stored; the referent's verdict, the count and the changes.

function demo(): Evaluation {
  const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!read.ok) throw new Error(read.messageKey);
  return read.file.evaluations[0]!;
}

function stored(e: Evaluation): StoredEvaluation {
  return { id: e.id, url: 'editeur-exemple.fr/demo', site: 'editeur-exemple.fr', title: '', createdAt: 0, updatedAt: 0, status: 'done', verdict: '', search: '', evaluation: e };
}

function show(advice: ReturnType<typeof adviceOf>): HTMLElement {
  const root = document.createElement('div');
  render(<AdviceInPlace advice={advice} href={(id) => `evaluations.html?id=${id}`} />, root);
  return root;
}

const referent: StoredConsolidation = {
  url: 'editeur-exemple.fr/demo',
  site: 'editeur-exemple.fr',
  decidedAt: Date.parse('2026-11-12T10:00:00.000Z'),
  origin: { kind: 'imported', fileName: 'x.json', importedAt: 0 },
  consolidation: {
    resource: { url: 'https://www.editeur-exemple.fr/demo', site: 'editeur-exemple.fr', title: 'Demo' },
    level: 'deconseillee',
    reason: 'Publicité.',
    blocking: ['no-ads', 'no-pupil-account'],
    decidedAt: '2026-11-12T10:00:00.000Z',
    evaluationIds: [],
  },
};

describe('AdviceInPlace', () => {
  it('renders nothing when the resource has no stored evaluation and no referent verdict', () => {
    const today = demo();
    expect(adviceOf(today, [])).toBeUndefined();
    expect(adviceOf(today, [stored(today)])).toBeUndefined();
    expect(show(adviceOf(today, [])).innerHTML).toBe('');
  });

  it('shows the count, the referent verdict with its blocking points and date, the changes and the link', () => {
    const today = demo();
    const old: Evaluation = { ...structuredClone(today), id: 'older', inspectedAt: '2026-11-12T09:00:00.000Z', findings: today.findings.filter((f) => f.id !== 'trackers/org-facebook' && f.id !== 'account/signup-form') };
    const root = show(adviceOf(today, [stored(old), stored({ ...old, id: 'oldest', inspectedAt: '2026-10-01T09:00:00.000Z' })], referent));
    const summary = root.querySelector('[data-testid="advice:summary"]')!.textContent!;
    expect(summary).not.toContain('_label');
    expect(summary).toMatch(/^Évaluée 2 fois\s?; votre référent\s?: déconseillée — .+, .+ \(le .*2026\)$/);
    const changes = root.querySelector('[data-testid="advice:changes"]')!.textContent!;
    expect(changes).toContain('Facebook Connect');
    expect(changes).toContain("nouveau formulaire d'inscription");
    expect(root.querySelector('a')!.getAttribute('href')).toBe('evaluations.html?id=older');
  });
});
