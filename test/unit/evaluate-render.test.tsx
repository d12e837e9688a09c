// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EvaluatePanel } from '../../components/EvaluatePanel';
import { startEvaluation, type EvaluationWork } from '../../components/use-evaluation';
import type { Evaluation } from '../../lib/detectors/finding';
import { GRID } from '../../lib/grid/grid';
import { rate } from '../../lib/grid/state';

// The grid rendered in happy-dom: which ratings are still Loupe's suggestions, and what a storage failure says.

const inspection: Evaluation = {
  id: 'abcdefgh',
  resource: { url: 'https://e.fr/', site: 'e.fr', title: 'Ressource' },
  inspectedAt: new Date(0).toISOString(),
  loupeVersion: '0',
  findings: [
    { id: 'ads/slot-adsense', detector: 'ads', category: 'ads', severity: 'blocking', messageKey: 'ads_slot', params: [{ text: 'Google AdSense' }, { count: 1 }], message: '', evidence: [{ selector: '#ad' }] },
  ],
  detectors: [{ id: 'ads', status: 'ok', ms: 1 }],
  limits: [],
  summary: { blocking: 1, problem: 0, review: 0, info: 0 },
};

function work(evaluation: Evaluation, over: Partial<EvaluationWork> = {}): EvaluationWork & { evaluation: Evaluation } {
  const noop = () => {};
  const actions = new Proxy({}, { get: () => noop }) as EvaluationWork['actions'];
  return { evaluation, status: 'draft', resumedFrom: undefined, save: { state: 'idle' }, history: { same: [], site: [] }, loadError: undefined, pending: [], actions, ...over };
}

function show(w: EvaluationWork & { evaluation: Evaluation }): HTMLElement {
  const root = document.createElement('div');
  render(<EvaluatePanel work={w} openHref={(id) => `?id=${id}`} />, root);
  return root;
}

describe('EvaluatePanel', () => {
  it('marks every rating of a fresh evaluation as a suggestion, and a changed one as the person\'s', async () => {
    const fresh = startEvaluation(inspection);
    let root = show(work(fresh));
    const juridique = root.querySelector<HTMLButtonElement>('[data-testid="step:juridique"]')!;
    juridique.click();
    await new Promise((r) => setTimeout(r, 0));
    const sources = [...root.querySelectorAll('[data-testid^="source:"]')].map((e) => e.textContent);
    expect(sources).toHaveLength(GRID.filter((c) => c.axis === 'juridique').length);
    expect(new Set(sources)).toEqual(new Set(['Suggestion, pas encore confirmée']));
    expect(root.querySelector('[data-testid="criterion:no-ads"]')!.className).toContain('is-blocking');
    // No radio is checked while the rating is only Loupe's: nothing suggested looks final.
    expect(root.querySelectorAll('[data-testid="criterion:no-ads"] input[type=radio]:checked')).toHaveLength(0);

    const changed = { ...fresh, grid: rate(fresh.grid!, 'no-ads', 'conforme') };
    root = show(work(changed, { pending: ['no-ads'] }));
    root.querySelector<HTMLButtonElement>('[data-testid="step:juridique"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('[data-testid="source:no-ads"]')!.textContent).toBe('Modifié par vous');
    expect(root.querySelector('[data-testid="comment:no-ads"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="button:save-evaluation"]')!.disabled).toBe(true);
  });

  it('says a full quota in plain words, and keeps the evaluation on screen', () => {
    const root = show(work(startEvaluation(inspection), { save: { state: 'error', error: { kind: 'quota', messageKey: 'storageError_quota', detail: 'QuotaExceededError' } } }));
    const alert = root.querySelector('[data-testid="storage-error"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/stockage du navigateur est plein.*intactes/);
    expect(root.querySelector('[data-testid="section:context"]')).not.toBeNull();
  });
});
