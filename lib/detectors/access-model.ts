import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { jsonLdObjects, prop, textOf, typesOf } from '../structured/json-ld';
import type { Link, PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import type { DetectorOutput, Evidence } from '../model/finding';
import { dedupeEvidence } from '../findings/dedupe-evidence';
import { parseUrl } from '../net/parse-url';
import { count, type MessageKey } from '../model/message';
import { collapseSpaces, joinedWords } from '../text/spaces';

// What the page says about price and access, for the economic criteria of the grid: evidence for a person to
// confirm, never a verdict (a "gratuit" banner can sit next to paid options). Each kind of signal is one finding.

export const ACCESS_KINDS = ['free', 'freemium', 'premium', 'subscription', 'trial', 'in-app', 'school-licence', 'paid', 'pricing-link'] as const;
const MESSAGE = {
  free: 'accessModel_free',
  freemium: 'accessModel_freemium',
  premium: 'accessModel_premium',
  subscription: 'accessModel_subscription',
  trial: 'accessModel_trial',
  'in-app': 'accessModel_inApp',
  'school-licence': 'accessModel_schoolLicence',
  paid: 'accessModel_paid',
  'pricing-link': 'accessModel_pricingLink',
} as const satisfies Record<(typeof ACCESS_KINDS)[number], MessageKey>;
export type AccessKind = (typeof ACCESS_KINDS)[number];

const TEXT: Record<Exclude<AccessKind, 'pricing-link'>, RegExp> = {
  trial: /essai\s+gratuit|(\d+|un|une)\s+(jours?|semaines?|mois)\s+(d['’]essai|gratuits?|offerts?)|période\s+d['’]essai|free\s+trial|try\s+(it\s+)?(for\s+)?free|\d+[- ]day\s+trial/i,
  freemium: /freemium|version\s+(gratuite|de\s+base)\s+(et|ou|\+)\s+(version\s+)?(premium|payante|complète)|gratuit\s+(avec|et)\s+(des\s+)?options?\s+payantes?|basic\s+(plan\s+)?is\s+free|free\s+(plan|tier|version)\b/i,
  // Issue 22: "premium" names an access level beside an account, a plan or a version, not a product range.
  premium: /\b(version|offre|compte|abonnement|plan|formule|accès|access|abo)\s+premium\b|\bpremium\s+(version|plan|account|access|abo|subscription|offer|content|contenus?)\b|\bversion\s+(pro|complète\s+payante)\b|passer\s+(à|en)\s+(la\s+version\s+)?(pro|premium)|upgrade\s+to\s+(pro|premium)|\bpro\s+plan\b/i,
  subscription: /abonnement|s['’]abonner|abonnez[- ]vous|subscription|subscribe|\/\s*(mois|an|année|month|year)\b|par\s+(mois|an)\b|per\s+(month|year)\b|mensuel|annuel/i,
  'in-app': /achats?\s+intégrés|achats?\s+in[- ]app|in[- ]app\s+purchases?|contient\s+des\s+achats/i,
  'school-licence': /licences?\s+(établissement|etablissement|classe|enseignant|site|multiposte|monoposte)|\bmonoposte\b|\bmultiposte\b|offre\s+(établissement|etablissement|école|ecole|classe|collectivité|académique)s?|tarifs?\s+(établissement|écoles?|scolaires?)|school\s+(licen[cs]e|plan|pricing)|site\s+licen[cs]e|classroom\s+licen[cs]e|adoption\s+établissement/i,
  paid: /\bpayante?s?\b|\d+(?:[.,]\d{2})?\s*€|€\s*\d+|\d+(?:[.,]\d{2})?\s*euros?\b|\bTTC\b|\bHT\b(?=\s*[/€])|\$\s?\d+(\.\d{2})?|£\s?\d+/i,
  free: /\bgratuite?s?\b|\bgratuitement\b|100\s*%\s*gratuit|entièrement\s+gratuit|\bfree\s+(of\s+charge|for\s+(teachers|schools|everyone|students))|\bit['’]?s\s+free\b|\bfree\s+forever\b|\baccès\s+libre\b/i,
};

// Phrases that contain "gratuit" or "free" without saying the resource is free.
const NOT_FREE = /essai\s+gratuit|(jours?|semaines?|mois)\s+gratuits?|free\s+trial|livraison\s+gratuite|inscription\s+gratuite\s+(puis|ensuite)|sans\s+frais\s+de\s+port|gratuit\s+pendant/gi;

const PRICING_LINK_TEXT = /^\s*(nos\s+)?(tarifs?|tarification|prix|pricing|plans?(\s+(&|et)\s+(tarifs|pricing))?|abonnements?|s['’]abonner|abonnez[- ]vous|offres?(\s+(et|&)\s+tarifs)?|offre\s+(établissement|etablissement|école|ecole|enseignant|famille|classe|premium|pro)s?|nos\s+offres|boutique|acheter|buy(\s+now)?|subscribe|upgrade|passer\s+(à|en)\s+premium|go\s+premium|devis|demander\s+un\s+devis|licences?\s+(établissement|etablissement|école|ecole|classe|enseignant|site|multiposte|monoposte))\s*[›»>→]?\s*$/i;
const PRICING_PATH = /\/(tarifs?|tarification|prix|pricing|plans|abonnements?|subscribe|subscription|offres?|offre-(etablissement|ecole|enseignant|classe|premium)s?|boutique|shop|store|premium|upgrade|devis|licences?-(etablissement|ecole|classe|enseignant|site|multiposte|monoposte))(\/|$|\.html?$|\?|#)/i;
// Issue 15: an app-store badge ("Get it on Google Play") says where to install, not what it costs.
const APP_STORES = /^(play\.google\.com|apps\.apple\.com|itunes\.apple\.com|apps\.microsoft\.com|www\.microsoft\.com|appgallery\.huawei\.com|www\.amazon\.[a-z.]+)$/i;
// "Abonnement à la newsletter", "Abonnez-vous à notre lettre d'information": a mailing list, not a price.
const MAILING_LIST = /newsletter|lettre\s+d['’]information|infolettre|lettre\s+(hebdomadaire|mensuelle)|mailing\s+list|notifications|cha[îi]ne\s+youtube|podcast|flux\s+rss/i;
const PRICED = /€|\$\s?\d|£\s?\d|\/\s*(mois|an|année|month|year)\b|par\s+(mois|an)\b|per\s+(month|year)\b|mensuel|annuel|payant|tarif/i;

// Issue 22: a price belongs to the resource only on its offer or purchase path. A price in an article, a donation,
// a book reference or the print magazine's shop in a menu says nothing of what the resource costs. What does: the page
// is an offer page (its address or title says so), a paywall says the content is for subscribers, or the structured
// data says the page is not free.
const OFFER_TITLE = /\b(tarifs?|tarification|pricing|plans?\s+(et|&|and)\s+(tarifs|prices|pricing)|nos\s+offres|abonnements?|abonnez[- ]vous|s['’]abonner|subscribe|subscriptions?|preise|abo(nnement)?s?\b|buy|acheter|boutique|shop)\b/i;
const PAYWALL = /réservée?\s+aux\s+abonnés|abonnés?\s+uniquement|article\s+(réservé|abonné)|pour\s+lire\s+la\s+suite|lire\s+la\s+suite.{0,30}abonn|subscribers?\s+only|(for|to)\s+(paid\s+)?subscribers|subscribe\s+to\s+(continue|read|unlock|keep\s+reading)|exklusiv\s+für\s+abonnenten|nur\s+für\s+abonnenten|für\s+abonnenten|\bpaywall\b/i;
// A shop's price for printed goods (shipping, the paper edition, an ISBN) is not the online resource's.
const PRINTED = /livraison|frais\s+de\s+port|\bshipping\b|versand|manuels?\s+papier|(édition|version|magazine|numéro)\s+papier|print\s+(edition|magazine)|\bISBN\b|broché|paperback|hardcover|kiosque|kindle|taschenbuch|gebundene?\s+ausgabe/i;
const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|SocialMediaPosting|DiscussionForumPosting)$/;
/** Whether the page is an article (news, blog, report): a price in its prose is what the article talks about. */
function isArticle(snapshot: Pick<PageSnapshot, 'meta' | 'jsonLd'>): boolean {
  if (snapshot.meta.some((m) => (m.property || m.name).toLowerCase() === 'og:type' && /article/i.test(m.content))) return true;
  return jsonLdObjects(snapshot.jsonLd).some((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
}
// A paywall on the readers' comments ("L'espace des contributions est réservé aux abonnés") closes the discussion,
// not the resource: said by the words or by the comment section it sits in (its ids on the way: #commentaires).
const COMMENTS_PAYWALL = /(espace|service)\s+des\s+(contributions|commentaires|réactions)|(les\s+)?(commentaires|contributions|réactions)\s+(sont\s+)?réservée?s?\s+aux\s+abonnés|(commenting|comments?)\s+(is|are)\s+(only\s+)?(available\s+)?(for|to)\s+(paid\s+)?subscribers|kommentar\w*\s+(nur\s+)?für\s+abonnenten/i;
const COMMENT_SECTION = /#[\w-]*(comment|contribution|reaction|réaction|discussion|disqus|kommentar|leserbrief|reagir|réagir)[\w-]*/i;
/** Whether a paywall mark is about the comments under the resource rather than the resource. */
const onComments = (text: string, selector: string) => COMMENTS_PAYWALL.test(text) || COMMENT_SECTION.test(selector);
// A price on an article page that names no access (no subscription, licence, premium, "per month") is the price of
// what the article is about (a deal, a product reviewed, a book), wherever it sits: its headline included.
const ACCESS_WORDS = /abonn|accès|access|licen[cs]e|premium|payant|\bpaid\b|subscri|\babo\b|\/\s*(mois|an|année|month|year|monat|jahr)\b|par\s+(mois|an)\b|per\s+(month|year)\b|mensuel|annuel|monatlich|jährlich/i;
// Structured data describe other things than the page too: an event, a product, a place, each with its own offers
// and its own address. Only the page's own object speaks of its price: one with no address, or this page's.
const NOT_THE_RESOURCE_TYPES = /^(Product|Book|IndividualProduct|ProductGroup|Offer|AggregateOffer|Place|LocalBusiness|Organization|Person|\w*Event)$/;
function samePage(a: string, b: string): boolean {
  const u = parseUrl(a);
  const v = parseUrl(b);
  if (!u || !v) return false;
  const path = (x: { pathname: string }) => x.pathname.replace(/\/+$/, '');
  return u.hostname === v.hostname && path(u) === path(v);
}
/** Whether a JSON-LD object describes this page (its offers are the page's price), not another thing it lists. */
function describesThisPage(o: Record<string, unknown>, pageUrl: string): boolean {
  if (typesOf(o).some((t) => NOT_THE_RESOURCE_TYPES.test(t))) return false;
  const url = textOf(prop(o, 'url'));
  if (!url) return true;
  try {
    return samePage(new URL(url, pageUrl).href, pageUrl);
  } catch {
    return false;
  }
}

const DONATION = /\b(faire\s+un\s+don|dons?\b|donat(e|ion)|spende[n]?|soutenez|support\s+us|unterstützen|mécénat|patreon|tipeee)\b/i;
/** Whether an element's selector runs through a link (<a …> among its ancestors or itself). */
const inLink = (selector: string) => /(^|[\s>])a([:.#[][^\s>]*)?(\s*>|\s*$)/.test(selector);

/** Whether the page is itself the place where the resource is offered for a price. */
export function isOfferPage(snapshot: Pick<PageSnapshot, 'url' | 'title'>): boolean {
  const u = parseUrl(snapshot.url);
  let path = '';
  try {
    path = u ? decodeURIComponent(u.pathname) : '';
  } catch {
    path = '';
  }
  return PRICING_PATH.test(path) || OFFER_TITLE.test(snapshot.title.split(/\s[|–—-]\s/)[0] ?? '');
}

/** Whether a link leads to prices or offers: "Tarifs", "Abonnement", "Offre établissement", /pricing. */
export function isPricingLink(link: Pick<Link, 'href' | 'text' | 'title' | 'ariaLabel'>): boolean {
  const words = joinedWords(link.text, link.title, link.ariaLabel);
  if (PRICING_LINK_TEXT.test(words)) return true;
  // Past this point a link with a long text is never a pricing link (the last line's test), whatever its address.
  if (words.length >= 60) return false;
  let path = '';
  const u = parseUrl(link.href);
  if (!u || APP_STORES.test(u.hostname)) return false;
  try {
    // Only a percent sign has anything to decode.
    path = u.pathname.includes('%') ? decodeURIComponent(u.pathname) : u.pathname;
  } catch {
    return false;
  }
  return PRICING_PATH.test(path) && words.length < 60;
}

/** Kinds of access the text speaks of. Pure, so the evaluation can score it. */
export function accessKindsInText(text: string): AccessKind[] {
  const s = text.replace(/\s+/g, ' ');
  const rest = s.replace(NOT_FREE, ' ');
  const kinds = (Object.keys(TEXT) as (keyof typeof TEXT)[]).filter((k) => TEXT[k].test(k === 'free' ? rest : s));
  // "Gratuit" beside "premium" in one passage is the freemium model, whatever words it uses.
  if (kinds.includes('free') && kinds.includes('premium') && !kinds.includes('freemium')) kinds.push('freemium');
  if (kinds.includes('subscription') && MAILING_LIST.test(s) && !PRICED.test(s)) kinds.splice(kinds.indexOf('subscription'), 1);
  return kinds;
}

/** The kinds a link's words may add (the access-model detector's loop over links). */
const LINK_KINDS = ['school-licence'] as const;
const LINK_KINDS_ON_OFFER_PAGE = ['trial', 'premium', 'school-licence'] as const;
/**
 * Words one of which every pattern of those kinds needs, plain strings without spaces (test/unit/access-model-words.test.ts
 * proves it from the patterns' structure): a link none of whose texts has one is ruled out before they are joined.
 */
export const LINK_WORDS = { 'school-licence': ['licen', 'monoposte', 'multiposte', 'offre', 'tarif', 'school', 'adoption'], trial: ['essai', 'gratuit', 'offert', 'trial', 'free'], premium: ['premium', 'version', 'passer', 'upgrade', 'plan'] } as const;
const wordsOf = (kinds: readonly (keyof typeof LINK_WORDS)[]) => new RegExp(kinds.flatMap((k) => LINK_WORDS[k]).join('|'), 'i');
const LINK_WORD = wordsOf(LINK_KINDS);
const LINK_WORD_ON_OFFER_PAGE = wordsOf(LINK_KINDS_ON_OFFER_PAGE);
/** The text patterns by kind, for the test of LINK_WORDS. */
export const ACCESS_TEXT_PATTERNS: Readonly<typeof TEXT> = TEXT;

const SEVERITY: Record<AccessKind, 'info' | 'review'> = {
  free: 'info',
  freemium: 'review',
  premium: 'review',
  subscription: 'review',
  trial: 'review',
  'in-app': 'review',
  'school-licence': 'info',
  paid: 'review',
  'pricing-link': 'info',
};

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const accessModelData = z.strictObject({ kind: z.enum(ACCESS_KINDS), count: z.number() });

export const accessModel = defineDetector({
  id: 'access-model',
  category: 'metadata',
  data: accessModelData,
  requires: ['textSignals', 'links', 'jsonLd', 'url', 'title', 'meta'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const found = new Map<AccessKind, Evidence[]>();
    const add = (k: AccessKind, e: Evidence) => found.set(k, [...(found.get(k) ?? []), e]);
    const offerPage = isOfferPage(snapshot);
    const article = isArticle(snapshot);
    // A paywall mark said several times labels the items of a list (teasers of other articles), not this page.
    const paywallTexts = snapshot.textSignals.filter((s) => s.pattern === 'price' && PAYWALL.test(s.ref.label || s.text));
    const repeated = new Set(paywallTexts.map((s) => (s.ref.label || s.text).trim()).filter((t, i, all) => all.indexOf(t) !== i));
    for (const s of snapshot.textSignals) {
      if (s.pattern !== 'price') continue;
      // The page's <title> names the page; the offer path above reads it.
      if (s.ref.selector.startsWith('html > head')) continue;
      // A price or a paywall mark inside a link speaks of where the link leads (another article, the shop, the
      // subscription page), which the pricing link below reports.
      if (inLink(s.ref.selector)) continue;
      // A paywall speaks of this page wherever it sits.
      if (PAYWALL.test(s.text)) {
        if (!repeated.has((s.ref.label || s.text).trim()) && !onComments(s.text, s.ref.selector)) add('paid', elementEvidence(s.ref, s.text));
        continue;
      }
      // Not the resource's price: a donation, printed goods, a menu or footer (the magazine's shop), a credit or an
      // embed, and the prose of an article (what it talks about) unless the page is the offer itself.
      const elsewhere = DONATION.test(s.text) || PRINTED.test(s.text) || s.ref.inFooter || ['nav', 'footer', 'credit', 'embed'].includes(s.within ?? '');
      // A long sentence that mentions a price is what the text talks about; an offer is a short label.
      const sentence = s.text.trim().split(/\s+/).length >= 15;
      if (elsewhere || (!offerPage && ((article && (s.within === 'prose' || !ACCESS_WORDS.test(s.text))) || sentence))) continue;
      // "Abonnements" alone (a menu item, newsletters, RSS) is no price: a subscription is priced or on the offer page.
      for (const k of accessKindsInText(s.text)) if (k !== 'subscription' || offerPage || PRICED.test(s.text)) add(k, elementEvidence(s.ref, s.text));
    }
    for (const l of snapshot.links) {
      if (isPricingLink(l)) add('pricing-link', elementEvidence(l.ref, l.text || l.title || l.ariaLabel, l.href));
      // A link's words count for a school licence anywhere, for a trial or premium access on the offer page: only
      // those of accessKindsInText's patterns are tested (the others' kinds would be dropped here).
      const word = offerPage ? LINK_WORD_ON_OFFER_PAGE : LINK_WORD;
      if (!word.test(l.text) && !word.test(l.title) && !word.test(l.ariaLabel)) continue;
      const words = [l.text, l.title, l.ariaLabel].join(' ');
      const s = collapseSpaces(words);
      for (const k of offerPage ? LINK_KINDS_ON_OFFER_PAGE : LINK_KINDS) if (TEXT[k].test(s)) add(k, elementEvidence(l.ref, words, l.href));
    }
    for (const o of jsonLdObjects(snapshot.jsonLd)) {
      const free = prop(o, 'isAccessibleForFree');
      if (free === true || free === 'true' || free === 'True') add('free', { text: 'JSON-LD isAccessibleForFree: true' });
      if (free === false || free === 'false' || free === 'False') add('paid', { text: 'JSON-LD isAccessibleForFree: false' });
      const cond = textOf(prop(o, 'conditionsOfAccess'));
      if (cond) for (const k of accessKindsInText(cond)) add(k, { text: `JSON-LD conditionsOfAccess: ${cond}` });
      // A shop's product or book, an event's ticket, another page's offer: not the resource's price.
      const offers = describesThisPage(o, snapshot.url) ? prop(o, 'offers') : undefined;
      const price = textOf(offers && typeof offers === 'object' && !Array.isArray(offers) ? prop(offers as Record<string, unknown>, 'price') : undefined);
      if (price && Number(price) > 0) add('paid', { text: `JSON-LD offers.price: ${price}` });
      if (price && Number(price) === 0) add('free', { text: `JSON-LD offers.price: ${price}` });
    }
    const out: DetectorOutput[] = [];
    for (const k of ACCESS_KINDS) {
      const list = dedupeEvidence(found.get(k) ?? []);
      if (list.length === 0) continue;
      out.push({
        key: k,
        severity: SEVERITY[k],
        messageKey: MESSAGE[k],
        params: [count(list.length)],
        evidence: list,
        data: { kind: k, count: list.length },
      });
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/access-model/.
