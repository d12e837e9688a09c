// axe rules that axe tags neither with an RGAA criterion nor with a WCAG success criterion, yet whose failure fails
// an RGAA 4.1.2 criterion (the test named beside each). Input of scripts/gen-axe-rgaa.ts; everything else in the
// generated table comes from axe's own tags and from the WCAG references of ../shared/data/rgaa/criteres.json.
export const LOUPE_RGAA_LINKS: Record<string, { rgaa: string[]; why: string }> = {
  'empty-heading': { rgaa: ['9.1'], why: 'test 9.1.2 : le contenu de chaque titre est-il pertinent ? (un titre vide ne l’est pas)' },
  'heading-order': { rgaa: ['9.1'], why: 'test 9.1.1 : la hiérarchie entre les titres est-elle pertinente ?' },
  'empty-table-header': { rgaa: ['5.6'], why: 'test 5.6 : chaque en-tête de colonnes et de lignes est-il correctement déclaré ? (un en-tête vide n’annonce rien)' },
  'scope-attr-valid': { rgaa: ['5.7'], why: 'test 5.7.3 : scope relie un en-tête à ses cellules, une valeur invalide casse la relation' },
  'image-redundant-alt': { rgaa: ['1.3'], why: 'test 1.3.1 : une alternative qui répète le texte du lien ou du bouton n’est pas pertinente (lue deux fois)' },
  'presentation-role-conflict': { rgaa: ['1.2'], why: 'test 1.2.1 : une image de décoration doit être ignorée, pas exposée aux technologies d’assistance' },
  tabindex: { rgaa: ['12.8'], why: 'test 12.8.1 : un tabindex positif bouleverse l’ordre de tabulation' },
};
