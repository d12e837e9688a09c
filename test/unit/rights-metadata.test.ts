import { describe, expect, it } from 'vitest';
import { accessKindsInText, isPricingLink } from '../../lib/detectors/access-model';
import { licenceFromUrl, licencesInText } from '../../lib/detectors/licence';
import { holderOfCopyright, parseDate } from '../../lib/detectors/publisher-dates';
import { jsonLdObjects, textOf } from '../../lib/structured/json-ld';

describe('JSON-LD reading (untrusted text)', () => {
  it('skips broken blocks and walks @graph', () => {
    const objs = jsonLdObjects(['{ nope', '{"@graph":[{"@type":"WebSite"},{"@type":"LearningResource","license":{"@id":"https://creativecommons.org/publicdomain/zero/1.0/"}}]}']);
    expect(objs.map((o) => o['@type'])).toEqual([undefined, 'WebSite', 'LearningResource', undefined]);
    expect(textOf(objs[2]!.license)).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
  });

  it('stays bounded on hostile nesting and huge arrays', () => {
    let deep = '{"a":1}';
    for (let i = 0; i < 5000; i++) deep = `{"x":${deep}}`;
    const wide = JSON.stringify(Array.from({ length: 100_000 }, () => ({ '@type': 'Thing' })));
    expect(jsonLdObjects([deep]).length).toBeLessThanOrEqual(10);
    expect(jsonLdObjects([wide]).length).toBe(500);
  });
});

describe('dates and publisher', () => {
  it.each([
    ['Mis à jour le 1er septembre 2026', '2026-09-01'],
    ['mis à jour le 12/03/2025', '2025-03-12'],
    ['Last updated: March 4, 2026', '2026-03-04'],
    ['2024-11-03T10:12:00+01:00', '2024-11-03'],
    ['publié en avril 2023', '2023-04'],
    ['le 3 du mois', null],
    ['99/99/2024', null],
    ['입력 2023.11.02. 14:05', '2023-11-02'],
    ['2023/11/02', '2023-11-02'],
    ['26 | 01 | 2022', '2022-01-26'],
    ['2023.13.02', null],
    ['1 | 2 | 3', null],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads the holder of a copyright line', () => {
    expect(holderOfCopyright('© 2026 Éditions Démo — Tous droits réservés')).toBe('Éditions Démo');
    expect(holderOfCopyright('Copyright © 2019-2025 Example Ltd. All rights reserved.')).toBe('Example Ltd');
    expect(holderOfCopyright('© Tous droits réservés')).toBeNull();
  });
});

describe('licence names', () => {
  it('normalises deeds, ports and badges', () => {
    expect(licenceFromUrl('http://creativecommons.org/licenses/by-nc-sa/3.0/fr/')?.name).toBe('CC BY-NC-SA 3.0 FR');
    expect(licenceFromUrl('https://licensebuttons.net/l/by/4.0/80x15.png')?.name).toBe('CC BY 4.0');
    expect(licenceFromUrl('https://creativecommons.org/licenses/')).toBeNull();
  });
  it('keeps free, proprietary and nothing apart', () => {
    expect(licencesInText('© X. Tous droits réservés.').map((l) => [l.name, l.open])).toEqual([['Tous droits réservés', false]]);
    expect(licencesInText('Licence de mathématiques, parcours MEEF')).toEqual([]);
  });
});

describe('access signals', () => {
  it('does not read a free trial or free shipping as free', () => {
    expect(accessKindsInText('Essai gratuit de 14 jours')).toEqual(['trial']);
    expect(accessKindsInText('Livraison gratuite')).toEqual([]);
  });
  it('recognises pricing links by text or path, not literary prizes', () => {
    expect(isPricingLink({ href: 'https://x.fr/a', text: 'Tarifs', title: '', ariaLabel: '' })).toBe(true);
    expect(isPricingLink({ href: 'https://x.fr/pricing', text: 'Voir', title: '', ariaLabel: '' })).toBe(true);
    expect(isPricingLink({ href: 'https://x.fr/prix-litteraires', text: 'Les prix littéraires', title: '', ariaLabel: '' })).toBe(false);
  });
});
