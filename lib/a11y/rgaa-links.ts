// axe rules that axe tags neither with an RGAA criterion nor with a WCAG A/AA success criterion, yet whose failure
// fails an RGAA 4.1.2 criterion (the test named beside each). Input of scripts/gen-axe-rgaa.ts; everything else in the
// generated table comes from axe's own tags and from the WCAG references of ../shared/data/rgaa/criteres.json.
export const LOUPE_RGAA_LINKS: Record<string, { rgaa: string[]; why: string }> = {
  'empty-heading': { rgaa: ['9.1'], why: 'test 9.1.2 : le contenu de chaque titre est-il pertinent ? (un titre vide ne l’est pas)' },
  'heading-order': { rgaa: ['9.1'], why: 'test 9.1.1 : la hiérarchie entre les titres est-elle pertinente ?' },
  'empty-table-header': { rgaa: ['5.6'], why: 'test 5.6 : chaque en-tête de colonnes et de lignes est-il correctement déclaré ? (un en-tête vide n’annonce rien)' },
  'scope-attr-valid': { rgaa: ['5.7'], why: 'test 5.7.3 : scope relie un en-tête à ses cellules, une valeur invalide casse la relation' },
  'image-redundant-alt': { rgaa: ['1.3'], why: 'test 1.3.1 : une alternative qui répète le texte du lien ou du bouton n’est pas pertinente (lue deux fois)' },
  'presentation-role-conflict': { rgaa: ['1.2'], why: 'test 1.2.1 : une image de décoration doit être ignorée, pas exposée aux technologies d’assistance' },
  tabindex: { rgaa: ['12.8'], why: 'test 12.8.1 : un tabindex positif bouleverse l’ordre de tabulation' },
  'aria-allowed-role': { rgaa: ['7.1', '8.2'], why: 'tests 7.1.3 (le composant possède un rôle pertinent) et 8.2.1 (ARIA in HTML fait partie des règles d’écriture : un rôle interdit sur un élément est une erreur de validité)' },
  'aria-dialog-name': { rgaa: ['7.1'], why: 'test 7.1.3 : le composant (une boîte de dialogue) possède un nom pertinent' },
  'aria-treeitem-name': { rgaa: ['7.1'], why: 'test 7.1.3 : le composant (un élément d’arborescence) possède un nom pertinent' },
  'duplicate-id': { rgaa: ['8.2'], why: 'test 8.2.1 : les valeurs d’attribut id sont uniques dans la page' },
  'duplicate-id-active': { rgaa: ['8.2'], why: 'test 8.2.1 : les valeurs d’attribut id sont uniques dans la page' },
};

/**
 * axe rules whose failure fails no RGAA 4.1.2 criterion, each read against the criteria and kept as information on
 * purpose. Every other axe rule must map to a criterion and weigh as a problem: a new axe rule that is in neither
 * list fails test/unit/axe-rgaa.test.ts until someone reads it.
 */
export const NOT_RGAA: Record<string, string> = {
  accesskeys: 'bonne pratique : des raccourcis en double gênent sans échouer un critère',
  'aria-text': 'role="text" n’est pas dans ARIA : une convention de lecteurs d’écran, aucun critère ne la demande',
  'color-contrast-enhanced': 'WCAG 1.4.6 (AAA) : au-delà du contraste 4,5:1 du critère 3.2',
  'frame-tested': 'dit qu’un cadre n’a pas pu être testé, pas qu’il échoue',
  'hidden-content': 'dit que du contenu caché n’a pas été testé, pas qu’il échoue',
  'identical-links-same-purpose': 'WCAG 2.4.9 (AAA) : le RGAA 6.1 juge chaque lien dans son contexte',
  'label-title-only': 'le RGAA 11.1.1 accepte title comme étiquette',
  'landmark-banner-is-top-level': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-complementary-is-top-level': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-contentinfo-is-top-level': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-main-is-top-level': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-no-duplicate-banner': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-no-duplicate-contentinfo': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-no-duplicate-main': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-one-main': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'landmark-unique': 'les régions ARIA sont un moyen du critère 12.6 parmi d’autres, pas une obligation',
  'meta-refresh-no-exceptions': 'WCAG 2.2.4 (AAA) ; la redirection sans délai relève de meta-refresh (critère 13.1)',
  'meta-viewport-large': 'bonne pratique (zoom à 5×) : le critère 10.4 demande 200 %, que meta-viewport juge',
  'page-has-heading-one': 'le RGAA 9.1 demande une hiérarchie pertinente, pas un h1 obligatoire',
};
