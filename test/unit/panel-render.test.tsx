// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Report } from '../../components/Report';
import type { Evaluation } from '../../lib/detectors/finding';
import { buildVerdict } from '../../lib/panel/verdict';

// The report rendered in happy-dom: what a person reads when one check fails and the others succeed.

const evaluation: Evaluation = {
  id: 'abcdefgh',
  resource: { url: 'https://e.fr/', site: 'e.fr', title: 'Ressource' },
  inspectedAt: new Date(0).toISOString(),
  loupeVersion: '0',
  findings: [
    {
      id: 'legal-links/terms',
      detector: 'legal-links',
      category: 'legal-links',
      severity: 'info',
      messageKey: 'legalLinks_found_terms',
      params: [{ count: 1 }],
      message: '',
      evidence: [{ selector: '#cgu', text: 'CGU' }],
    },
  ],
  detectors: [
    { id: 'legal-links', status: 'ok', ms: 1 },
    { id: 'ads', status: 'error', error: 'snapshot.iframes is undefined', ms: 1 },
  ],
  limits: [],
  summary: { blocking: 0, problem: 0, review: 0, info: 1 },
};

describe('Report', () => {
  it('names the check that failed, in words, and still shows the others', () => {
    const root = document.createElement('div');
    const verdict = buildVerdict(evaluation, { 'legal-links': 'legal-links', ads: 'ads' });
    render(<Report evaluation={evaluation} verdict={verdict} onToggleFinding={() => {}} onToggleAll={() => {}} />, root);
    const error = root.querySelector('[data-testid="detector-error:ads"]');
    expect(error?.textContent).toBe('La vérification «\u202fPublicité\u202f» a échoué (snapshot.iframes is undefined). Les autres résultats restent valables.');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('[data-testid="status:ads"]')?.textContent).toBe('Vérification en échec');
    expect(root.querySelector('[data-testid="finding:legal-links/terms"]')?.textContent).toContain("Lien vers les conditions générales d'utilisation");
    expect(root.querySelector('[data-testid="status:legal-links"]')?.textContent).toBe('OK');
  });
});
