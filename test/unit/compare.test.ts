import { describe, expect, it } from 'vitest';
import type { Evaluation, Finding } from '../../lib/detectors/finding';
import { compareInspections } from '../../lib/inspect/compare';
import { fr as frText } from '../helpers/params';

// Hand-made findings: only the fields the comparison reads (the runner's schema check is tested elsewhere).
function finding(id: string, over: Partial<Omit<Finding, 'data'>> & { data?: Record<string, unknown> } = {}): Finding {
  const [detector] = id.split('/');
  return { id, detector: detector!, category: 'consent', severity: 'info', messageKey: 'x', params: [], message: 'x', evidence: [], ...over } as Finding;
}

function evaluation(id: string, findings: Finding[]): Evaluation {
  return {
    id,
    resource: { url: 'https://www.editeur-exemple.fr/', site: 'www.editeur-exemple.fr', title: 'R' },
    inspectedAt: '2026-11-23T10:00:00.000Z',
    loupeVersion: '0.1.0',
    findings,
    detectors: [],
    limits: [],
    summary: { blocking: 0, problem: 0, review: 0, info: 0 },
  };
}

const ga = finding('trackers/google-analytics', {
  category: 'trackers',
  severity: 'blocking',
  evidence: [{ url: 'https://www.google-analytics.com/g/collect', text: 'Google Analytics' }],
});
const banner = finding('consent/no-refuse', { severity: 'problem' });
const cmp = finding('consent/cmp-tarteaucitron');
const before = evaluation('before-1', [cmp, banner, ga, finding('consent/trackers-before-consent', { severity: 'review', evidence: [{ url: 'https://www.googletagmanager.com/gtag/js', text: 'Google Tag Manager' }] })]);

describe('compareInspections', () => {
  it('lists what appeared, disappeared and stayed, by finding id', () => {
    const after = evaluation('after-1', [cmp, ga, finding('ads/slot-adsense', { category: 'ads', severity: 'blocking' })]);
    const c = compareInspections(before, after, 'accepted');
    expect(c.appeared.map((f) => f.id)).toEqual(['ads/slot-adsense']);
    expect(c.disappeared.map((f) => f.id)).toEqual(['consent/no-refuse', 'consent/trackers-before-consent']);
    expect(c.kept.map((f) => f.id)).toEqual(['consent/cmp-tarteaucitron', 'trackers/google-analytics']);
    // Accepting is the person's choice: trackers afterwards are not a fault of their own.
    expect(c.findings).toEqual([]);
  });

  it('after a refusal, trackers still loaded become a problem "encore chargés après le refus"', () => {
    const after = evaluation('after-2', [cmp, ga]);
    const c = compareInspections(before, after, 'refused');
    expect(c.findings).toHaveLength(1);
    const f = c.findings[0]!;
    expect(f).toMatchObject({ id: 'consent/still-loaded-after-refusal', severity: 'problem', category: 'consent' });
    expect(frText(f!.params)).toEqual(['Google Analytics']);
    expect(f.message).toContain('Encore chargés après le refus');
    expect(f.evidence.map((e) => e.url)).toEqual(['https://www.google-analytics.com/g/collect']);
  });

  it('names trackers by their organisation and leaves out third parties that do not track (a CDN, hosting)', () => {
    const org = finding('trackers/org-google', {
      category: 'trackers',
      severity: 'blocking',
      evidence: [{ url: 'https://www.googletagmanager.com/gtag/js', selector: '#gtag' }],
      data: { kind: 'organization', organization: 'Google', categories: ['site_analytics', 'hosting'] },
    });
    const cdn = finding('trackers/unknown-jsdelivr.net', { category: 'trackers', severity: 'info', evidence: [{ url: 'https://cdn.jsdelivr.net/x.js' }] });
    const hosting = finding('trackers/org-pattern:jsdelivr', { category: 'trackers', severity: 'review', evidence: [{ url: 'https://cdn.jsdelivr.net/y.js' }], data: { kind: 'organization', organization: 'jsDelivr', categories: ['hosting'] } });
    const c = compareInspections(before, evaluation('after-4', [org, cdn, hosting]), 'refused');
    expect(frText(c.findings[0]!.params)).toEqual(['Google']);
    expect(c.findings[0]!.evidence.map((e) => e.url)).toEqual(['https://www.googletagmanager.com/gtag/js']);
  });

  it('after a refusal that stopped every tracker, there is nothing to report', () => {
    const c = compareInspections(before, evaluation('after-3', [cmp]), 'refused');
    expect(c.findings).toEqual([]);
    expect(c.disappeared.map((f) => f.id)).toContain('trackers/google-analytics');
  });
});
