// Wording that tells whose licence a mention is. A sentence of the article names a licence for the page only when
// it speaks of the page itself; a credit line names the licence of a photo or a drawing.

/** "Ce site", "les contenus de ce site", "sauf mention contraire", "this work", "content is available under". */
export const SELF_REFERENCE =
  /\b(ce|cet|cette|ces)\s+(site|page|contenu|contenus|document|ressource|ressources|œuvre|oeuvre|ouvrage|cours|blog|wiki|article|fiche|publication)s?\b|les\s+contenus\s+(de\s+ce|du)\s+site|sauf\s+(mention|indication)\s+contraire|\b(this|these)\s+(site|website|page|work|content|contents|document|resource|blog|wiki|article|course)\b|\bcontent\s+(is\s+)?(available|licensed|released|published)\s+under|unless\s+otherwise\s+(noted|stated|specified)|\bmis\s+à\s+disposition\s+(selon|sous)|\bdistribué\s+sous|^\s*(licen[cs]e|droits\s+d['’]utilisation|conditions\s+de\s+r[ée]utilisation|rights|terms\s+of\s+reuse)\s*:/i;

/** A photo, picture or media credit line, by its wording. */
export const CREDIT_WORDS =
  /^\s*(©\s*)?(photos?|images?|illustrations?|dessins?|crédits?(\s+photos?)?|credits?|source|vidéo|video|infographie|carte)\s*:|\b(pixabay|unsplash|pexels|wikimedia(\s+commons)?|flickr|getty\s*images|shutterstock|adobe\s*stock|stock\.adobe\.com|istock|afp|reuters|dpa|picture[\s-]alliance|imago|keystone|epa|ap\s+photo)\b|^\s*\p{L}*(bild|foto|photo)\p{L}*\s*:/iu;
