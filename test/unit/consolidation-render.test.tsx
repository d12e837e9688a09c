// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import axe from 'axe-core';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ResourceConsolidation } from '../../components/consolidation/ResourceConsolidation';
import { groupByResource } from '../../lib/consolidate/group';
import { readExportFile } from '../../lib/export/import';
import type { Criterion } from '../../lib/model/assessment';
import type { Evaluation } from '../../lib/detectors/finding';
import { GRID } from '../../lib/grid/grid';
import { generateEvaluations } from '../support/evaluations';

// One resource's consolidated view rendered in happy-dom: counts, verdicts, agreement, spreads with disagreements
// first, blocking points, and the referent's verdict form that refuses an empty reason.

let n = 0;
function ev(author: string | undefined, ratings: Record<string, Criterion['rating']>, over: Partial<Evaluation> = {}): Evaluation {
  const grid: Criterion[] = Object.entries(ratings).map(([id, rating]) => ({
    id,
    axis: GRID.find((c) => c.id === id)!.axis,
    rating,
    source: 'person',
    findingIds: [],
    ...(id === 'no-ads' && rating === 'non-conforme' ? { blocking: true } : {}),
  }));
  return {
    id: `render-${++n}-xxxxxxxx`,
    resource: { url: 'https://www.exemple.fr/quiz', site: 'exemple.fr', title: 'Quiz <b>éducatif</b>' },
    inspectedAt: `2025-0${n}-01T10:00:00Z`,
    loupeVersion: '0',
    findings: [],
    detectors: [],
    limits: [],
    summary: { blocking: 0, problem: 0, review: 0, info: 0 },
    grid,
    ...(author ? { author: { name: author } } : {}),
    ...over,
  };
}

const v = (level: 'recommandee' | 'avec-reserves' | 'deconseillee') => ({ suggested: level, level, source: 'detector' as const, rule: 'x', blocking: [], scores: [] });

function show(evaluations: Evaluation[], props: Partial<Parameters<typeof ResourceConsolidation>[0]> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  const group = groupByResource(evaluations)[0]!;
  render(<ResourceConsolidation group={group} evaluations={evaluations} {...props} />, root);
  return root;
}

const q = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);
/** French typography puts narrow no-break spaces before ":" and ";": compared as plain spaces. */
const text = (e: Element | null) => (e?.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('ResourceConsolidation', () => {
  const list = [
    ev('Hélène', { 'no-ads': 'non-conforme', trackers: 'conforme', privacy: 'conforme', terms: 'conforme' }, { verdict: v('deconseillee') }),
    ev('Jérôme', { 'no-ads': 'conforme', trackers: 'conforme', privacy: 'partiel', terms: 'a-verifier' }, { verdict: v('recommandee') }),
    ev(undefined, { 'no-ads': 'partiel', trackers: 'conforme', privacy: 'non-conforme', terms: 'conforme' }),
  ];

  it('shows counts, verdicts, agreement with what it rests on, and blocking points', () => {
    const root = show(list);
    expect(text(q(root, 'consol:counts'))).toBe('Évaluations : 3 ; évaluateurs différents : 3');
    expect(root.querySelector('h2')!.textContent).toContain('Quiz <b>éducatif</b>');
    expect(root.querySelector('b')).toBeNull();
    const verdicts = [...q(root, 'consol:verdicts')!.querySelectorAll('li')].map((li) => [li.dataset.level, li.dataset.count]);
    expect(verdicts).toEqual([['recommandee', '1'], ['avec-reserves', '0'], ['deconseillee', '1'], ['none', '1']]);
    const alpha = q(root, 'consol:alpha')!;
    expect(Number(alpha.getAttribute('data-alpha'))).toBeLessThan(0.667);
    expect(alpha.textContent).toMatch(/Accord faible/);
    // 4 criteria, off-scale ratings left out: no-ads 3, trackers 3, privacy 3, terms 2 = 11 pairable ratings.
    expect(text(q(root, 'consol:rests-on'))).toBe("Repose sur 11 notes, de 3 évaluateurs, sur 4 critères notés par au moins deux d'entre eux.");
    expect(q(root, 'consol-blocking:no-ads')!.textContent).toMatch(/1 évaluations, par 1 évaluateurs/);
  });

  it('lists disagreements first, with every rating count, not only a median', () => {
    const root = show(list);
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(rows.map((r) => r.dataset.testid)).toEqual(['spread:no-ads', 'spread:privacy', 'spread:trackers', 'spread:terms']);
    expect(rows[0]!.dataset.disagree).toBe('true');
    expect(rows[0]!.querySelector('th')!.textContent).toMatch(/Désaccord/);
    expect(rows.map((r) => r.dataset.disagree)).toEqual(['true', 'true', 'false', 'false']);
    const cells = (r: HTMLTableRowElement) => [...r.querySelectorAll('td[data-rating]')].map((td) => td.textContent);
    expect(cells(rows[0]!)).toEqual(['1', '1', '1', '0']);
    expect(cells(rows[3]!)).toEqual(['2', '0', '0', '1']);
    expect(root.querySelectorAll('th[scope="col"]').length).toBeGreaterThan(4);
  });

  it('says why there is no agreement figure with a single evaluator', () => {
    const root = show([list[0]!]);
    expect(q(root, 'consol:alpha')).toBeNull();
    expect(q(root, 'consol:alpha-none')!.getAttribute('data-why')).toBe('no-pairable');
  });

  it('the referent\'s verdict needs a reason; with one, it is passed on', async () => {
    const decided: [string, string][] = [];
    const root = show(list, { onDecide: (level, reason) => decided.push([level, reason]) });
    const select = q(root, 'consol:level') as HTMLSelectElement;
    select.value = 'deconseillee';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(decided).toEqual([]);
    const reason = q(root, 'consol:reason') as HTMLTextAreaElement;
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#consol-reason-required')!.textContent).toMatch(/raison/);
    reason.value = '  Publicité vue par deux collègues  ';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(decided).toEqual([['deconseillee', 'Publicité vue par deux collègues']]);
  });

  it('shows the current consolidated verdict, who set it and why', () => {
    const root = show(list, { referentVerdict: { level: 'avec-reserves', reason: 'Traceurs à vérifier', by: 'RUPN', decidedAt: '2025-04-03T09:00:00Z' } });
    const cur = q(root, 'consol:referent-current')!;
    expect(cur.getAttribute('data-level')).toBe('avec-reserves');
    expect(cur.textContent).toMatch(/RUPN.*3 avril 2025.*Traceurs à vérifier/);
    expect(q(root, 'consol:decide')).toBeNull();
  });

  it('shows a decision made on this browser, which names nobody', () => {
    const root = show(list, { referentVerdict: { level: 'deconseillee', reason: 'Publicité', decidedAt: '2025-04-03T09:00:00Z' }, onDecide: () => {} });
    expect(text(q(root, 'consol:referent-current'))).toMatch(/^Verdict consolidé : Déconseillée, le 3 avril 2025\./);
    expect(q(root, 'consol:decide')).not.toBeNull();
  });

  it('dates what changed between inspections, and says when nothing did', () => {
    expect(q(show(list), 'consol:changes-none')).not.toBeNull();
    const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
    if (!read.ok) throw new Error(read.messageKey);
    const now = read.file.evaluations[0]!;
    const before: Evaluation = { ...structuredClone(now), id: 'before-xxxxxxxx', inspectedAt: '2025-03-01T10:00:00.000Z', findings: now.findings.filter((f) => f.id !== 'trackers/org-facebook') };
    const root = show([now, before]);
    const items = [...q(root, 'consol:changes')!.querySelectorAll('li')];
    expect(items).toHaveLength(1);
    expect(text(items[0]!)).toMatch(/^Du 1 mars 2025 au .+ : .*Facebook Connect/);
  });

  it('passes axe (in happy-dom: no contrast; page-level rules are the dashboard page\'s)', async () => {
    const generated = generateEvaluations(40, 3, { resources: 2, evaluators: 5 });
    const g = groupByResource(generated)[0]!;
    document.documentElement.lang = 'fr';
    document.title = 'Tableau de bord';
    document.body.replaceChildren();
    const main = document.createElement('main');
    document.body.append(main);
    render(<ResourceConsolidation group={g} evaluations={generated.filter((e) => g.evaluationIds.includes(e.id))} onDecide={() => {}} />, main);
    const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false }, 'page-has-heading-one': { enabled: false } } });
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
    expect(r.passes.length).toBeGreaterThan(10);
  });
});
