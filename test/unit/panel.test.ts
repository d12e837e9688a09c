import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../lib/model/finding';
import type { Evaluation, Finding } from '../../lib/detectors/finding';
import { hasMessage } from '../../lib/i18n/messages';
import { badgeFor } from '../../lib/inspect/badge';
import { highlightNote } from '../../lib/panel/highlight-note';
import { frenchSpacing } from '../../lib/i18n/typography';
import { buildVerdict, categoryKey, whyKey } from '../../lib/panel/verdict';
import { evaluationOf } from '../helpers/evaluation';

function finding(id: string, category: Category, severity: Finding['severity'], data?: Record<string, unknown>): Finding {
  const [detector] = id.split('/') as [string];
  return { id, detector, category, severity, messageKey: 'legalLinks_found_terms', params: [{ count: 1 }], message: 'x', evidence: [], ...(data ? { data } : {}) } as Finding;
}

const evaluation = evaluationOf;

const MAP: Record<string, Category> = { 'legal-links': 'legal-links', ads: 'ads', trackers: 'trackers', licence: 'licence' };

describe('buildVerdict', () => {
  it('puts blocking points first and gives each checked category a status and its findings, most serious first', () => {
    const v = buildVerdict(
      evaluation(
        [
          finding('legal-links/terms', 'legal-links', 'info'),
          finding('legal-links/missing-privacy', 'legal-links', 'review'),
          finding('ads/slot:1', 'ads', 'blocking'),
          finding('trackers/ga', 'trackers', 'problem'),
        ],
        [
          { id: 'legal-links', status: 'ok', ms: 1 },
          { id: 'ads', status: 'ok', ms: 1 },
          { id: 'trackers', status: 'ok', ms: 1 },
          { id: 'licence', status: 'ok', ms: 1 },
        ],
      ),
      MAP,
    );
    expect(v.level).toBe('blocking');
    expect(v.headline).toEqual({ key: 'verdict_blocking_one', params: ['1'] });
    expect(v.blocking.map((f) => f.id)).toEqual(['ads/slot:1']);
    // In the fixed order of CATEGORIES; licence ran and found nothing: shown as checked and clean.
    expect(v.categories.map((c) => [c.category, c.status, c.findings.length])).toEqual([
      ['trackers', 'problem', 1],
      ['ads', 'blocking', 1],
      ['legal-links', 'review', 2],
      ['licence', 'ok', 0],
    ]);
    expect(v.categories[2]!.findings.map((f) => f.severity)).toEqual(['review', 'info']);
  });

  it('does not claim a category is clean when no detector of it ran', () => {
    const v = buildVerdict(evaluation([], [{ id: 'legal-links', status: 'ok', ms: 1 }]), MAP);
    expect(v.categories.map((c) => c.category)).toEqual(['legal-links']);
    expect(v.level).toBe('ok');
    expect(v.headline.key).toBe('verdict_ok');
  });

  it('names a failed check in its category; the others still show', () => {
    const v = buildVerdict(
      evaluation([finding('legal-links/terms', 'legal-links', 'info')], [
        { id: 'legal-links', status: 'ok', ms: 1 },
        { id: 'ads', status: 'error', error: 'boom', ms: 1 },
      ]),
      MAP,
    );
    expect(v.categories.map((c) => [c.category, c.status])).toEqual([
      ['ads', 'error'],
      ['legal-links', 'ok'],
    ]);
    expect(v.categories[0]!.failed).toEqual([{ id: 'ads', error: 'boom' }]);
  });

  it('takes the publisher from a finding when the resource does not name it', () => {
    const v = buildVerdict(evaluation([finding('publisher-dates/publisher', 'metadata', 'info', { kind: 'publisher', publisher: ' Éditions X ', source: 'schema.org publisher', others: [] })], []), {});
    expect(v.publisher).toBe('Éditions X');
  });

  it('uses plural message keys', () => {
    const two = buildVerdict(evaluation([finding('a/1', 'ads', 'problem'), finding('a/2', 'ads', 'problem')], []), {});
    expect(two.headline).toEqual({ key: 'verdict_problem_many', params: ['2'] });
  });
});

describe('messages the panel needs', () => {
  it('every category has a name, a "why" sentence; every status, verdict and count key exists', () => {
    for (const c of CATEGORIES) {
      expect(hasMessage(categoryKey(c)), c).toBe(true);
      expect(hasMessage(whyKey({ category: c, messageKey: 'none' })), c).toBe(true);
    }
    for (const k of ['status_ok', 'status_review', 'status_problem', 'status_error', 'status_blocking', 'status_absent', 'verdict_ok']) expect(hasMessage(k), k).toBe(true);
    for (const s of ['blocking', 'problem', 'review']) for (const n of ['one', 'many']) expect(hasMessage(`verdict_${s}_${n}`)).toBe(true);
  });

  it('a finding with its own "why" sentence uses it', () => {
    expect(whyKey({ category: 'legal-links', messageKey: 'legalLinks_missing_privacy' })).toBe('why_legalLinks_missing_privacy');
    expect(whyKey({ category: 'legal-links', messageKey: 'legalLinks_found_terms' })).toBe('why_legalLinks');
  });

  it('components hold no user-visible text of their own (every string comes from _locales)', () => {
    const dirs = ['components', 'entrypoints/sidepanel'].map((d) => resolve(import.meta.dirname, '../..', d));
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
        const src = readFileSync(resolve(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        // JSX text with a letter in it, between a tag's ">" and the next "<" or "{", is hard-coded copy.
        const text = [...src.matchAll(/(?<![=/])>([^<>{}()=;`]*\p{L}[^<>{}()=;`]*)[<{]/gu)].map((m) => m[1]!.trim());
        expect(text, file).toEqual([]);
        // aria-label, title and alt given as literals.
        expect(src.match(/\b(aria-label|title|alt|placeholder)="[^"]*\p{L}/gu) ?? [], file).toEqual([]);
      }
    }
  });
});

describe('highlightNote', () => {
  it('says nothing when every element was outlined', () => {
    expect(highlightNote({ results: ['shown', 'shown'], stale: false }).key).toBe('');
  });
  it('says an element is gone or hidden instead of outlining nothing', () => {
    expect(highlightNote({ results: ['gone'], stale: false }).key).toBe('panel_highlightGone');
    expect(highlightNote({ results: ['hidden'], stale: false }).key).toBe('panel_highlightHidden');
    expect(highlightNote({ results: ['gone', 'gone'], stale: false })).toEqual({ key: 'panel_highlightAllGone', params: ['2'] });
    expect(highlightNote({ results: ['shown', 'hidden', 'gone'], stale: false })).toEqual({ key: 'panel_highlightPartial', params: ['1', '3', '1', '1'] });
  });
  it('asks for a new inspection when the page changed or did not answer', () => {
    expect(highlightNote({ results: ['gone'], stale: true }).key).toBe('panel_highlightStale');
    expect(highlightNote(undefined).key).toBe('panel_highlightStale');
  });
});

describe('badgeFor', () => {
  it('counts blocking points and problems, red when one is blocking', () => {
    expect(badgeFor({ blocking: 1, problem: 2, review: 5, info: 3 })).toEqual({ text: '3', color: '#b00020' });
    expect(badgeFor({ blocking: 0, problem: 2, review: 5, info: 3 })).toEqual({ text: '2', color: '#a04000' });
  });
  it('falls back to the points to check, then a tick; nothing without an evaluation', () => {
    expect(badgeFor({ blocking: 0, problem: 0, review: 4, info: 3 })).toEqual({ text: '4', color: '#6b5200' });
    expect(badgeFor({ blocking: 0, problem: 0, review: 0, info: 3 }).text).toBe('✓');
    expect(badgeFor(undefined).text).toBe('');
  });
});

describe('frenchSpacing', () => {
  it('keeps the space before French double punctuation from breaking a line', () => {
    expect(frenchSpacing('relevé ; 1 point : « CGU » ?')).toBe('relevé\u202f; 1 point\u202f: «\u202fCGU\u202f» ?'.replace(' ?', '\u202f?'));
    expect(frenchSpacing('https://x.fr:8080')).toBe('https://x.fr:8080');
  });
});
