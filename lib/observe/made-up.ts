import type { Typed } from './schema';

// The values Loupe types into a page's fields during an observed reload: made up for each observation, never the
// person's. Mixed case with a trailing space where the field keeps it, so a script that lower-cases and trims
// before sending (or hashing) is told apart from one that sends what was typed. A random tag makes each value
// unlike anything else in the page's traffic.

export type MadeUpValues = Record<Typed['kind'], string>;

export function madeUpValues(random: () => number = Math.random): MadeUpValues {
  const tag = Array.from({ length: 6 }, () => 'abcdefghjkmnpqrstuvwxyz23456789'[Math.floor(random() * 31)]).join('');
  return {
    email: `Camille.Loupe.${tag.toUpperCase()}@Exemple-Eleve.fr`,
    name: `Camille Loupe${tag.toUpperCase()} `,
    text: `Loupe Essai ${tag.toUpperCase()} `,
    search: `Loupe Recherche ${tag.toUpperCase()}`,
    tel: `06${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    password: `Loupe-${tag}-Mdp!`,
  };
}
