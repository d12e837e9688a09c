import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCatalogueText, checkCatalogue } from '../../lib/catalogue/parse';
import { catalogueOf, catalogueText, matchOf } from '../../lib/catalogue/publish';
import { catalogueDisagreement, indexCatalogues, lookupCatalogues } from '../../lib/catalogue/lookup';
import { catalogueFileSchema, type CatalogueEntry } from '../../lib/model/catalogue';
import type { Consolidation } from '../../lib/model/consolidation';
import { generateDecisions } from '../support/catalogue';

const decision = (url: string, level: Consolidation['level'] = 'deconseillee', decidedAt = '2026-11-12T10:00:00.000Z'): Consolidation => ({
  resource: { url, site: '', title: `Titre de ${url}` },
  level,
  reason: 'Publicité affichée aux élèves',
  blocking: ['trackers', 'no-ads', 'no-ads'],
  by: { name: ' Mme Référente ' },
  decidedAt,
  evaluationIds: ['e1'],
});

describe('the published catalogue', () => {
  it('names each resource by site, host and path prefix, from its one identity', () => {
    expect(matchOf('https://www.exemple.fr/', 'exemple.fr')).toEqual({ site: 'exemple.fr' });
    expect(matchOf('https://www.exemple.fr/maths/6e/?session=x#top', 'exemple.fr')).toEqual({ site: 'exemple.fr', pathPrefix: '/maths/6e' });
    expect(matchOf('https://app.exemple.fr/', 'exemple.fr')).toEqual({ site: 'exemple.fr', host: 'app.exemple.fr' });
  });

  it('writes an entry per decision with its verdict, reason, blocking points, date, referent and académie', () => {
    const file = catalogueOf([decision('https://www.exemple.fr/maths?x=1')], { academie: 'Académie de Lyon', evaluationsUrl: 'https://dane.forge.fr/evaluations.json' });
    expect(catalogueFileSchema.parse(file)).toEqual(file);
    expect(file.entries).toEqual([
      {
        match: { site: 'exemple.fr', pathPrefix: '/maths' },
        title: 'Titre de https://www.exemple.fr/maths?x=1',
        level: 'deconseillee',
        reason: 'Publicité affichée aux élèves',
        blocking: ['no-ads', 'trackers'],
        decidedAt: '2026-11-12T10:00:00.000Z',
        referent: 'Mme Référente',
        academie: 'Académie de Lyon',
        evaluationsUrl: 'https://dane.forge.fr/evaluations.json',
      },
    ]);
    expect(file.publishedAt).toBe('2026-11-12T10:00:00.000Z');
  });

  it('gives the same bytes for the same decisions in any order, and other bytes when one changes', () => {
    const list = generateDecisions(500, 3);
    const a = catalogueText(catalogueOf(list, { academie: 'Lyon' }));
    const b = catalogueText(catalogueOf([...list].reverse(), { academie: 'Lyon' }));
    expect(b).toBe(a);
    expect(a).not.toContain('\n  ');
    const changed = [...list];
    changed[7] = { ...changed[7]!, level: changed[7]!.level === 'recommandee' ? 'deconseillee' : 'recommandee' };
    expect(catalogueText(catalogueOf(changed, { academie: 'Lyon' }))).not.toBe(a);
  });

  it('stays well under 2 MB gzipped for 10,000 resources', () => {
    const text = catalogueText(catalogueOf(generateDecisions(10_000, 1), { academie: 'Académie de Lyon' }));
    expect(gzipSync(text).length).toBeLessThan(1_000_000);
    expect(readCatalogueText(text).ok).toBe(true);
  });

  it('the committed JSON Schema is the one generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schemas/catalogue.v1.schema.json'), 'utf8'));
    expect(committed).toEqual(z.toJSONSchema(catalogueFileSchema));
  });
});

describe('reading a catalogue (untrusted)', () => {
  const good = catalogueOf([decision('https://www.exemple.fr/maths')]);
  it('refuses what is not JSON, a wrong schema (naming the field), a pattern matching a public suffix or every site', () => {
    expect(readCatalogueText('<html>503</html>')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(readCatalogueText(catalogueText(good).slice(0, 80))).toEqual({ ok: false, problem: { code: 'not-json' } });
    const bad = structuredClone(good) as { entries: { level: string }[] };
    bad.entries[0]!.level = 'super';
    expect(checkCatalogue(bad)).toEqual({ ok: false, problem: { code: 'schema', field: 'entries.0.level' } });
    for (const site of ['*', 'fr', '']) {
      const wide = structuredClone(good);
      wide.entries[0]!.match.site = site;
      expect(checkCatalogue(wide)).toMatchObject({ ok: false, problem: { code: 'schema', field: 'entries.0.match.site' } });
    }
    for (const site of ['gouv.fr', 'github.io', 'co.uk']) {
      const wide = structuredClone(good);
      wide.entries[0]!.match.site = site;
      expect(checkCatalogue(wide)).toEqual({ ok: false, problem: { code: 'too-broad', site } });
    }
    const off = structuredClone(good);
    off.entries[0]!.match.host = 'autre.fr';
    expect(checkCatalogue(off)).toEqual({ ok: false, problem: { code: 'host-off-site', site: 'autre.fr' } });
    expect(checkCatalogue({ ...good, version: 2 })).toMatchObject({ ok: false, problem: { code: 'schema', field: 'version' } });
    expect(checkCatalogue(good)).toEqual({ ok: true, file: good });
  });
});

describe('the lookup', () => {
  const entry = (match: CatalogueEntry['match'], level: CatalogueEntry['level']): CatalogueEntry => ({ match, title: 't', level, reason: 'r', blocking: [], decidedAt: '2026-11-12T10:00:00.000Z' });
  const index = indexCatalogues([
    { source: 'https://academie.fr/catalogue.json', academie: 'Académie', entries: [entry({ site: 'exemple.fr' }, 'avec-reserves'), entry({ site: 'exemple.fr', pathPrefix: '/maths' }, 'deconseillee'), entry({ site: 'exemple.fr', host: 'app.exemple.fr' }, 'recommandee')] },
    { source: 'https://lycee.fr/catalogue.json', entries: [entry({ site: 'exemple.fr', pathPrefix: '/maths' }, 'recommandee')] },
  ]);
  it('answers the most precise entry of each source, on whole path segments', () => {
    const levels = (url: string) => lookupCatalogues(index, url).map((m) => `${m.source.split('/')[2]} ${m.entry.level}`);
    expect(levels('https://www.exemple.fr/maths/6e?x=1')).toEqual(['academie.fr deconseillee', 'lycee.fr recommandee']);
    expect(levels('https://exemple.fr/mathematiques')).toEqual(['academie.fr avec-reserves']);
    expect(levels('https://app.exemple.fr/maths')).toEqual(['academie.fr recommandee', 'lycee.fr recommandee']);
    expect(levels('https://www.autre.fr/maths')).toEqual([]);
    expect(levels('not a url')).toEqual([]);
  });
  it('says when the sources disagree', () => {
    expect(catalogueDisagreement(lookupCatalogues(index, 'https://exemple.fr/maths'))).toBe(true);
    expect(catalogueDisagreement(lookupCatalogues(index, 'https://app.exemple.fr/'))).toBe(false);
  });
});

describe('failure messages', () => {
  it('every reason a refresh can fail is worded in French and English', async () => {
    const { CATALOGUE_ERRORS } = await import('../../lib/model/catalogue');
    const { hasMessage } = await import('../../lib/i18n/messages');
    const { camel } = await import('../../lib/text/key-case');
    for (const code of CATALOGUE_ERRORS) {
      expect(hasMessage(`catalogue_error_${camel(code)}`, 'fr'), code).toBe(true);
      expect(hasMessage(`catalogue_error_${camel(code)}`, 'en'), code).toBe(true);
    }
  });
});
