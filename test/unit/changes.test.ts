import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyChanges, inspectionChanges } from '../../lib/consolidate/changes';
import { readExportFile } from '../../lib/export/import';
import type { Evaluation, Finding } from '../../lib/detectors/finding';

// Changes between two inspections, from the demo export's real evaluation and edited copies of it.

function demo(): Evaluation {
  const read = readExportFile(readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8'));
  if (!read.ok) throw new Error(read.messageKey);
  return read.file.evaluations[0]!;
}

function later(e: Evaluation, edit: (findings: Finding[]) => Finding[]): Evaluation {
  const copy: Evaluation = structuredClone(e);
  return { ...copy, id: 'later', inspectedAt: '2026-12-02T09:00:00.000Z', findings: edit(copy.findings) };
}

const without = (prefix: string) => (fs: Finding[]) => fs.filter((f) => !f.id.startsWith(prefix));

describe('inspection changes', () => {
  it('the same inspection twice: no change', () => {
    const e = demo();
    expect(inspectionChanges(e, structuredClone(e))).toEqual([]);
  });

  it('the same trackers with other query strings and findings in another order: no change', () => {
    const before = demo();
    const after = later(before, (fs) => {
      for (const f of fs) for (const ev of f.evidence) if (ev.url) ev.url = `${ev.url}?v=2&cb=${f.id.length}`;
      return [...fs].reverse();
    });
    expect(inspectionChanges(before, after)).toEqual([]);
  });

  it('a tracker that was not there before (Meta) and an unknown third party are reported, dated', () => {
    const after = demo();
    const before = later(after, without('trackers/org-facebook'));
    before.inspectedAt = '2026-11-12T10:00:00.000Z';
    const changes = inspectionChanges(before, after);
    expect(changes).toEqual([
      { kind: 'tracker-added', messageKey: 'change_trackerAdded', params: ['Facebook Connect'], since: '2026-11-12T10:00:00.000Z', until: after.inspectedAt },
    ]);
    const gone = inspectionChanges(after, later(after, without('trackers/unknown-')));
    expect(gone.map((c) => [c.kind, c.params])).toEqual([['tracker-gone', ['education.fr']]]);
  });

  it('a new sign-up form is reported, and one gone', () => {
    const e = demo();
    const before = later(e, without('account/signup-form'));
    expect(inspectionChanges(before, e).map((c) => c.messageKey)).toEqual(['change_signupAdded']);
    expect(inspectionChanges(e, before).map((c) => c.messageKey)).toEqual(['change_signupGone']);
  });

  it('the privacy policy at another address is reported; the same address with a fragment is not', () => {
    const e = demo();
    const moved = later(e, (fs) =>
      fs.map((f) => (f.id === 'legal-links/privacy' ? ({ ...f, data: { kind: 'found', document: 'privacy', urls: ['https://www.editeur-exemple.fr/vie-privee'] } } as Finding) : f)),
    );
    expect(inspectionChanges(e, moved)).toMatchObject([
      { kind: 'legal-changed', messageKey: 'change_legalChanged_privacy', params: ['https://www.editeur-exemple.fr/confidentialite', 'https://www.editeur-exemple.fr/vie-privee'] },
    ]);
    const anchored = later(e, (fs) =>
      fs.map((f) => (f.id === 'legal-links/privacy' ? ({ ...f, data: { kind: 'found', document: 'privacy', urls: ['https://www.editeur-exemple.fr/confidentialite#top'] } } as Finding) : f)),
    );
    expect(inspectionChanges(e, anchored)).toEqual([]);
  });

  it('legal notice appearing, terms gone, licence changed, GAR mark gone', () => {
    const e = demo();
    const after = later(e, (fs) =>
      without('legal-links/terms')(without('gar-mark/mark')(fs)).map((f) => {
        if (f.id === 'legal-links/missing-legal-notice') return { ...f, id: 'legal-links/legal-notice', data: { kind: 'found', document: 'legal-notice', urls: ['https://www.editeur-exemple.fr/mentions'] } } as Finding;
        if (f.id === 'licence/open-cc-by-nc-sa-4-0') return { ...f, data: { ...(f.data as object), licence: 'CC BY 4.0' } } as Finding;
        return f;
      }),
    );
    expect(inspectionChanges(e, after).map((c) => c.messageKey)).toEqual([
      'change_legalGone_terms',
      'change_legalAdded_legalNotice',
      'change_licenceChanged',
      'change_garGone',
    ]);
  });
});

describe('a resource history', () => {
  it('lists the dated steps where something changed, oldest first, and nothing between two evaluations of one inspection', () => {
    const first = demo();
    const sameInspection = { ...structuredClone(first), id: 'colleague' };
    const second = later(first, without('trackers/org-facebook'));
    const third = { ...later(second, (fs) => fs), id: 'third', inspectedAt: '2026-12-05T09:00:00.000Z' };
    const steps = historyChanges([third, second, sameInspection, first]);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ since: first.inspectedAt, until: second.inspectedAt });
    expect(steps[0]!.changes.map((c) => c.kind)).toEqual(['tracker-gone']);
    expect(historyChanges([first, sameInspection])).toEqual([]);
  });
});
