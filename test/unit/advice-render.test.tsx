// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AdviceInPlace } from '../../components/AdviceInPlace';
import { adviceOf, type Advice } from '../../lib/consolidate/advice';
import { groupChanges } from '../../lib/consolidate/change-groups';
import type { InspectionChange, InspectionChangeKind } from '../../lib/consolidate/changes';
import { formatMessage } from '../../lib/i18n/messages';
import { readExportFile } from '../../lib/export/import';
import type { Evaluation } from '../../lib/detectors/finding';
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

  it('groups the changes by kind and caps each group, so 80 new trackers are one line', () => {
    const since = '2026-11-12T09:00:00.000Z';
    const change = (kind: InspectionChangeKind, messageKey: string, params: string[] = []): InspectionChange => ({ kind, messageKey, params, since, until: '2026-12-02T09:00:00.000Z' });
    const changes = [
      ...Array.from({ length: 80 }, (_, i) => change('tracker-added', 'change_trackerAdded', [`Traceur ${i + 1}`])),
      change('tracker-gone', 'change_trackerGone', ['Facebook Connect']),
      change('legal-changed', 'change_legalChanged_terms', ['https://a.fr/cgu', 'https://a.fr/conditions']),
      change('legal-gone', 'change_legalGone_privacy'),
      change('licence-changed', 'change_licenceChanged', ['CC BY', '—']),
      change('signup-added', 'change_signupAdded'),
    ];
    const advice: Advice = { count: 1, newestId: 'older', since, changes };
    const root = show(advice);
    const items = [...root.querySelectorAll<HTMLLIElement>('[data-testid="advice:changes"] li')];
    expect(items.map((li) => li.dataset.group)).toEqual(['tracker-added', 'tracker-gone', 'legal', 'licence', 'signup']);
    const added = items[0]!;
    expect(added.textContent).toBe('80 nouveaux traceurs\u202f: Traceur 1, Traceur 2, Traceur 3 et 77 autres');
    expect(added.textContent).not.toContain('Traceur 4');
    expect(added.dataset.more).toBe('77');
    // A group of one says its change in full; legal links keep their sentences.
    expect(items[1]!.textContent).toMatch(/^traceur disparu\s?: Facebook Connect$/);
    expect(items[2]!.textContent).toMatch(/^2 liens légaux changés\s?: adresse des CGU changée.*; lien vers la politique de confidentialité disparu$/);
    expect(items[2]!.dataset.more).toBe('0');
    // The whole list stays short: at most three names or sentences a group.
    expect(root.querySelector('[data-testid="advice:changes"]')!.textContent!.length).toBeLessThan(400);
    expect(groupChanges(changes).every((g) => g.shown.length <= 3 && g.shown.length + g.more === g.total)).toBe(true);
    expect(formatMessage('en', 'advice_more', ['77'])).toBe('and 77 more');
    expect(formatMessage('en', 'changeGroup_trackerAdded', ['80'])).toBe('80 new trackers:');
  });
});

describe('AdviceInPlace with subscribed catalogues', () => {
  const entry = (level: 'recommandee' | 'deconseillee', blocking: string[]) => ({ match: { site: 'editeur-exemple.fr' }, title: 'Demo', level, reason: 'Motif <b>écrit</b>', blocking, decidedAt: '2026-11-12T10:00:00.000Z' });
  const render2 = (catalogues: Parameters<typeof AdviceInPlace>[0]['catalogues']) => {
    const root = document.createElement('div');
    render(<AdviceInPlace advice={undefined} catalogues={catalogues} href={(id) => id} />, root);
    return root;
  };
  it('shows each catalogue with its source, and says when they disagree', () => {
    const root = render2([
      { source: 'https://dane.ac-lyon.fr/catalogue.json', academie: 'Académie de Lyon', entry: { ...entry('deconseillee', ['no-ads', 'inconnu']), evaluationsUrl: 'https://dane.ac-lyon.fr/evaluations.json' } },
      { source: 'https://lycee.fr/c.json', entry: entry('recommandee', []) },
    ]);
    const items = [...root.querySelectorAll('[data-testid="advice:catalogue"]')].map((li) => li.textContent);
    expect(items[0]).toContain('Académie de Lyon\u202f: déconseillée — Absence de publicité, inconnu (le 12 novembre 2026)');
    expect(items[0]).toContain('inconnu');
    expect(items[0]).toContain('dane.ac-lyon.fr');
    expect(items[1]).toContain('lycee.fr\u202f: recommandée — Motif <b>écrit</b>');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[data-testid="advice:disagree"]')).not.toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://dane.ac-lyon.fr/evaluations.json');
  });
  it('says nothing of disagreement when the catalogues agree, and nothing at all without a match', () => {
    expect(render2([{ source: 'https://a.fr/c.json', entry: entry('recommandee', []) }, { source: 'https://b.fr/c.json', entry: entry('recommandee', []) }]).querySelector('[data-testid="advice:disagree"]')).toBeNull();
    expect(render2([]).innerHTML).toBe('');
  });
});
