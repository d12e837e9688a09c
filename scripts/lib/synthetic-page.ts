/**
 * A publisher-like page of about `n` elements: navigation, article text, link lists, cards with images, a form,
 * a footer with legal links, so every collector of the gather has work proportional to the page.
 */
export function syntheticPage(n: number): string {
  const parts: string[] = ['<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page de test</title>',
    '<meta name="viewport" content="width=device-width"></head><body><header><nav><ul>'];
  let count = 10;
  for (let i = 0; i < 20; i++, count += 3) parts.push(`<li><a href="/rubrique-${i}">Rubrique ${i}</a></li>`);
  parts.push('</ul></nav></header><main>');
  let i = 0;
  while (count < n - 60) {
    // One "card": 12 elements, a link, an image, some text, sometimes a date or a copyright line.
    parts.push(`<article class="card c${i % 7}"><h2><a href="/ressource/${i}">Ressource ${i}</a></h2>`,
      `<div class="media"><img src="/img/card-${i % 10}.png" alt="Illustration ${i}" width="120" height="80"></div>`,
      `<p>Un texte d'introduction pour la ressource numéro ${i}, <em>avec</em> un peu de <strong>mise en forme</strong>.</p>`,
      `<ul class="tags"><li><span>cycle ${i % 4}</span></li><li><span>maths</span></li></ul>`,
      i % 50 === 0 ? `<p class="date">Mis à jour le ${1 + (i % 28)} mars 2026</p></article>` : `<footer class="meta"></footer></article>`);
    count += 13;
    i++;
  }
  parts.push('<form action="/recherche"><input type="search" name="q"><button>Rechercher</button></form></main>',
    '<footer><a href="/mentions-legales">Mentions légales</a> <a href="/cgu">CGU</a> <a href="/confidentialite">Confidentialité</a>',
    '<p>© 2026 Éditeur — tous droits réservés</p></footer></body></html>');
  return parts.join('\n');
}
