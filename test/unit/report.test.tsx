import type { LegalKind } from '../../lib/detectors/legal-links';
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ReportView } from '../../entrypoints/report/ReportView';
import { readExportFile } from '../../lib/export/import';
import { registerDraft } from '../../lib/export/register';
import type { Evaluation } from '../../lib/detectors/finding';
import { withSuggestedGrid } from '../../lib/grid/state';

// The printable report and its draft register entry, from the demo page's real evaluation (written by Loupe 0.1 and
// migrated) and from a quiet page with no third party, as the opposite case.

const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
if (!read.ok) throw new Error('fixture unreadable');
const demo: Evaluation = withSuggestedGrid(read.file.evaluations[0]!);
const legal = (kind: LegalKind, url: string) =>
  ({ id: `legal-links/${kind}`, detector: 'legal-links', category: 'legal-links', severity: 'info', messageKey: 'legal_found', params: [], message: '', evidence: [], data: { kind: 'found', document: kind, urls: [url] } }) as Evaluation['findings'][number];
const quiet: Evaluation = {
  ...demo,
  id: 'quiet-page-1',
  findings: [legal('legal-notice', 'https://e.fr/mentions'), legal('privacy', 'https://e.fr/vie-privee'), legal('dpo', 'mailto:dpo@e.fr'), legal('terms', 'javascript:alert(1)')],
  grid: undefined,
  verdict: undefined,
};

describe('the draft register entry', () => {
  it('lists the recipients with their countries, flags transfers outside the EU and the data the sign-up form asks', () => {
    const d = registerDraft(demo);
    expect(d.recipients.map((r) => r.organisation)).toEqual(expect.arrayContaining(['Google', 'Meta', 'Hotjar']));
    expect(d.recipients.find((r) => r.organisation === 'Google')).toMatchObject({ country: 'US', outsideEu: true });
    expect(d.recipients.find((r) => r.organisation === 'Hotjar')).toMatchObject({ country: 'MT', outsideEu: false });
    expect(d.personalData).toEqual(expect.arrayContaining(['account', 'birthDate', 'socialLogin']));
    expect(d.documents.privacy).toEqual(['https://www.editeur-exemple.fr/confidentialite']);
    const keys = d.toAsk.map((q) => q.key);
    expect(keys).toEqual(expect.arrayContaining(['register_ask_legalNotice', 'register_ask_transfers', 'register_ask_advertising', 'register_ask_minimisation', 'register_ask_contract']));
    expect(keys).not.toContain('register_ask_privacy');
    const transfers = d.toAsk.find((q) => q.key === 'register_ask_transfers')!;
    expect(transfers.params[0]).toContain('Google (US)');
    expect(transfers.params[0]).not.toContain('Hotjar');
    expect(transfers.params[0]).not.toContain('jsDelivr');
    expect(d.toAsk.find((q) => q.key === 'register_ask_whereStored')!.params[0]).toContain('jsDelivr');
  });

  it('on a page with no third party and its documents linked, asks only what every service owes a school', () => {
    const d = registerDraft(quiet);
    expect(d.recipients).toEqual([]);
    expect(d.personalData).toEqual([]);
    expect(d.documents.terms).toEqual([]);
    expect(d.toAsk.map((q) => q.key)).toEqual(['register_ask_contract', 'register_ask_retention']);
  });
});

describe('the printable report', () => {
  it('shows the verdict, the blocking points, the six axes as a chart with its table, the grid and the register draft', () => {
    const root = document.createElement('div');
    render(<ReportView evaluation={demo} />, root);
    expect(root.querySelector('[data-testid="report:verdict"]')!.textContent).toMatch(/Déconseillée/i);
    expect(root.querySelectorAll('[data-testid="report:blocking"] li').length).toBe(demo.verdict!.blocking.length);
    expect(demo.verdict!.blocking.length).toBeGreaterThan(0);
    const chart = root.querySelector('[data-testid="report:chart"]')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelectorAll('g[data-axis]').length).toBe(6);
    expect(chart.getAttribute('aria-label')).toContain('Juridique');
    expect(root.querySelectorAll('[data-testid="report:scores"] tbody tr').length).toBe(6);
    expect(root.querySelectorAll('[data-testid="report:grid"] tbody tr').length).toBe(demo.grid!.length);
    expect(root.querySelector('[data-testid="report:register"]')!.textContent).toContain('hors Union européenne');
    // No external asset: the chart is drawn inline, nothing is fetched.
    expect(root.querySelector('img[src^="http"], link, script')).toBeNull();
  });

  it('renders page text as text: a title with markup stays inert', () => {
    const root = document.createElement('div');
    render(<ReportView evaluation={{ ...quiet, resource: { ...quiet.resource, title: '<img src=x onerror=alert(1)>' } }} />, root);
    expect(root.querySelector('[data-testid="report:title"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img[onerror]')).toBeNull();
    expect(root.querySelector('[data-testid="report:verdict"]')!.textContent).toContain('Pas encore de verdict');
  });
});
