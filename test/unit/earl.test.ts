import axe from 'axe-core';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { toEarl } from '../../lib/export/earl';
import type { Evaluation } from '../../lib/detectors/finding';
import { generateEvaluations } from '../support/evaluations';

const EARL = 'http://www.w3.org/ns/earl#';
const DCT = 'http://purl.org/dc/terms/';
type Expanded = Record<string, unknown[]>;

/** Expands with jsonld, which may fetch nothing: the context must be in the file. */
async function expand(doc: object): Promise<Expanded[]> {
  const documentLoader = async (url: string): Promise<never> => {
    throw new Error(`no network in tests: ${url}`);
  };
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader })) as Expanded[];
}

const actIds = new Map(axe.getRules().map((r) => [r.ruleId, (r as { actIds?: string[] }).actIds ?? []]));
const first = (node: Expanded, p: string) => node[p]?.[0] as Expanded & { '@id'?: string; '@value'?: string };

/** A generated evaluation (the demo's findings) where the person confirmed one criterion and overrode another. */
function evaluation(): Evaluation {
  const e = generateEvaluations(1, 7)[0]!;
  const grid = e.grid!.map((c, i) =>
    i === 0 ? { ...c, source: 'person' as const, rating: c.suggested ?? c.rating }
    : i === 1 ? { ...c, source: 'person' as const, rating: 'non-conforme' as const, comment: 'Publicité vue en classe.' }
    : { ...c, source: 'detector' as const },
  );
  return { ...e, grid, author: { name: 'Mme Martin' } };
}

describe('EARL export', () => {
  it('expands offline into one assertion per finding and per rating a person gave, each with subject, test, outcome and mode', async () => {
    const e = evaluation();
    const assertions = (await expand(toEarl([e], { actIdsOfAxeRule: (r) => actIds.get(r) ?? [] }))).filter((n) =>
      (n['@type'] as unknown as string[] | undefined)?.includes(`${EARL}Assertion`),
    );
    expect(e.findings.length).toBeGreaterThan(20);
    expect(assertions).toHaveLength(e.findings.length + 2);
    for (const a of assertions) {
      expect(first(a, `${EARL}subject`)['@id']).toBe(e.resource.url);
      expect(first(a, `${EARL}test`)['@id']).toMatch(/^(https:|tag:)/);
      expect(first(first(a, `${EARL}result`), `${EARL}outcome`)['@id']).toMatch(/^http:\/\/www\.w3\.org\/ns\/earl#(passed|failed|cantTell|inapplicable|untested)$/);
      expect(first(a, `${EARL}assertedBy`)['@id']).toBeTruthy();
    }
    // Every finding is named, as an automatic assertion; the person's two ratings are manual.
    const byId = new Map(assertions.map((a) => [first(a, `${DCT}identifier`)['@value'], a]));
    for (const f of e.findings) expect(first(byId.get(f.id)!, `${EARL}mode`)['@id']).toBe(`${EARL}automatic`);
    const manual = assertions.filter((a) => first(a, `${EARL}mode`)['@id'] === `${EARL}manual`);
    expect(manual.map((a) => first(a, `${DCT}identifier`)['@value'])).toEqual([`grid/${e.grid![0]!.id}`, `grid/${e.grid![1]!.id}`]);
    expect(first(first(manual[1]!, `${EARL}result`), `${EARL}outcome`)['@id']).toBe(`${EARL}failed`);
  });

  it('names the ACT rule or the RGAA criterion as the test where there is one', async () => {
    const e = evaluation();
    const doc = toEarl([e], { actIdsOfAxeRule: (r) => actIds.get(r) ?? [] }) as { '@graph': Record<string, any>[] };
    const testOf = (findingId: string) => doc['@graph'].find((a) => a['dct:identifier'] === findingId)?.['earl:test']['@id'];
    const imageAlt = e.findings.find((f) => f.id === 'axe/violation:image-alt');
    expect(imageAlt, 'the demo findings have axe’s image-alt').toBeTruthy();
    expect(testOf('axe/violation:image-alt')).toBe('https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/');
    expect(first((await expand(doc)).find((n) => first(n, `${DCT}identifier`)?.['@value'] === 'axe/violation:image-alt')!, `${EARL}result`)).toBeTruthy();
    const captions = e.findings.find((f) => f.id === 'a11y-captions/no-track');
    if (captions) expect(testOf('a11y-captions/no-track')).toBe('https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#4.3');
    const ad = e.findings.find((f) => f.detector === 'ads' && f.severity === 'blocking');
    if (ad) {
      expect(testOf(ad.id)).toBe('tag:loupe-education.fr,2026:check/ads');
      expect(doc['@graph'].find((a) => a['dct:identifier'] === ad.id)!['earl:result']['earl:outcome']['@id']).toBe('earl:failed');
    }
    // Without axe's table, an axe finding falls back to its RGAA criterion.
    const bare = toEarl([e]) as { '@graph': Record<string, any>[] };
    expect(bare['@graph'].find((a) => a['dct:identifier'] === 'axe/violation:image-alt')!['earl:test']['@id']).toBe(
      'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#1.1',
    );
  });
});
