import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { loadDomainRules } from '../net/ad-networks';
import type { MarkedElement, PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput, type Evidence } from '../model/finding';
import { text, texts } from '../model/message';

// Cookie consent: which consent platform (CMP) the page uses, whether its banner offers to refuse at the first
// level (the CNIL asks that refusing be as easy as accepting), and trackers already loaded while the banner still
// waits for an answer. Loupe only observes: it never clicks the banner (see lib/inspect/compare.ts for before/after).

interface Platform {
  id: string;
  name: string;
  /** Markup: the selector of lib/snapshot/selectors.ts that matched, or the element's id. */
  markup?: RegExp;
  src?: RegExp;
  inline?: RegExp;
}

const PLATFORMS: Platform[] = [
  { id: 'tarteaucitron', name: 'tarteaucitron', markup: /tarteaucitron/i, src: /tarteaucitron/i, inline: /tarteaucitron\.(init|job)/ },
  { id: 'axeptio', name: 'Axeptio', markup: /axeptio/i, src: /axept\.io|axeptio/i, inline: /axeptioSettings/ },
  { id: 'didomi', name: 'Didomi', markup: /didomi/i, src: /privacy-center\.org|didomi/i, inline: /didomiConfig|didomiOnReady/ },
  { id: 'onetrust', name: 'OneTrust', markup: /onetrust|optanon/i, src: /cookielaw\.org|onetrust|optanon/i, inline: /OptanonWrapper|OneTrust/ },
  { id: 'cookiebot', name: 'Cookiebot', markup: /Cybot|Cookiebot/i, src: /cookiebot\.com/i, inline: /Cookiebot/ },
  { id: 'complianz', name: 'Complianz', markup: /cmplz/i, src: /complianz/i, inline: /complianz/ },
  { id: 'dsfr', name: 'Système de design de l’État (DSFR)', markup: /fr-consent/ },
  { id: 'usercentrics', name: 'Usercentrics', markup: /usercentrics/i, src: /usercentrics\.eu/i, inline: /usercentrics/i },
  { id: 'quantcast', name: 'Quantcast Choice', markup: /qc-cmp/i, src: /quantcast\.(mgr\.consensu\.org|com\/choice)|cmp\.quantcast/i },
  { id: 'sourcepoint', name: 'Sourcepoint', markup: /sp_message/i, src: /privacy-mgmt\.com|sourcepoint/i, inline: /_sp_\s*=|_sp_queue/ },
  { id: 'cookie-law-info', name: 'CookieYes (Cookie Law Info)', markup: /cookie-law-info/i, src: /cookieyes\.com|cookie-law-info/i },
  { id: 'osano', name: 'Cookie Consent (Osano)', markup: /cc-window/i, src: /cookieconsent(\.min)?\.js|osano\.com/i },
  { id: 'consentmanager', name: 'consentmanager', markup: /cmpbox/i, src: /consentmanager\.net/i },
  { id: 'iubenda', name: 'iubenda', markup: /iubenda/i, src: /iubenda\.com/i },
  { id: 'trustarc', name: 'TrustArc', markup: /truste/i, src: /trustarc\.com|truste\.com/i },
  { id: 'borlabs', name: 'Borlabs Cookie', markup: /Borlabs/i, src: /borlabs/i },
];

const ACCEPT = /^\s*(tout accepter|accepter( tout| tous les cookies| les cookies|\s*(et|&)\s*(fermer|continuer))?|j['’]ai compris|autoriser tous les cookies|j['’]accepte|oui,? j['’]accepte|ok|d['’]accord|accept( all( cookies)?)?|allow( all)?( cookies)?|agree|i agree|got it|autoriser( tout)?|tout autoriser)\s*$/i;
const REFUSE = /^\s*(tout refuser|refuser( tout| tous les cookies| les cookies)?|je refuse|non,? merci|continuer sans accepter|(continuer|poursuivre) sans (accepter|consentir)|reject( all)?( cookies)?|decline( all)?|deny|refuse( all)?|only (necessary|essential)( cookies)?|use necessary cookies only|necessary (cookies )?only|n['’]accepter que les (cookies )?(nécessaires|essentiels)|uniquement les (cookies )?(nécessaires|essentiels)|accepter uniquement les (cookies )?(nécessaires|essentiels)|tout bloquer|interdire( tout)?)\s*$/i;
// Other ways to say it, in the languages of the banners teachers meet: "Tout rejeter", "Refuser et fermer",
// "Rechazar todo", "Alle ablehnen", "Rifiuta tutto" — a refusal that does not also accept.
const REFUSE_LEAD = /^\s*(tout\s+|je\s+)?(refuser|rejeter|refuse|rejette)\b(?!.*\baccept)|^\s*(reject|decline|deny)\b(?!.*\baccept)|^\s*(rechazar|rechazo|ablehnen|alle\s+ablehnen|rifiuta|rifiuto)\b/i;
const isRefuse = (c: string) => REFUSE.test(bare(c)) || REFUSE_LEAD.test(bare(c));
/** Button texts without their decoration ("✓ Tout accepter", "Continuer sans accepter →"). */
const bare = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** Ids and classes that name a consent banner: a known platform's markup, or a banner that says it is about cookies. */
const BANNER_WORDS = /cookie|consent|gdpr|rgpd|\bcmp/i;

/**
 * How a click answered a consent banner (the observed reload records the person's clicks): a refusal or an
 * acceptance by the same button texts as above, on a button inside a recognisable banner (a platform's markup, or
 * ids and classes that speak of cookies or consent). "Personnaliser" and any other button are no answer.
 */
export function consentAnswerOf(click: { text: string; around: string }): 'accept' | 'refuse' | undefined {
  if (!BANNER_WORDS.test(click.around) && !PLATFORMS.some((p) => p.markup?.test(click.around))) return undefined;
  if (isRefuse(click.text)) return 'refuse';
  if (ACCEPT.test(bare(click.text))) return 'accept';
  return undefined;
}

function platformOfBanner(m: MarkedElement): Platform | undefined {
  const words = `${m.matched} ${m.id} ${m.className}`;
  return PLATFORMS.find((p) => p.markup?.test(words));
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const consentData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cmp'), platform: z.string(), platformId: z.string() }),
  z.strictObject({ kind: z.literal('refuse-offered'), buttons: z.array(z.string()) }),
  // Issue 15: a banner whose refusal waits in its second layer (after "Personnaliser").
  z.strictObject({ kind: z.literal('no-refuse'), buttons: z.array(z.string()), secondLayer: z.array(z.string()) }),
  /** Trackers loaded while the banner asks; with before/after, those still loaded after a refusal (lib/inspect/compare.ts). */
  z.strictObject({ kind: z.literal('trackers-before-consent'), trackers: z.array(z.string()), before: z.string().optional(), after: z.string().optional() }),
]);

export const consent = defineDetector({
  id: 'consent',
  category: 'consent',
  data: consentData,
  requires: ['marked', 'scripts', 'inlineScripts', 'iframes', 'url'],
  async run(snapshot: PageSnapshot): Promise<DetectorOutput[]> {
    await loadDomainRules();
    const banners = snapshot.marked.filter((m) => m.kind === 'consent');
    const found = new Map<string, Evidence[]>();
    const note = (p: Platform, e: Evidence) => found.set(p.id, [...(found.get(p.id) ?? []), e]);
    for (const b of banners) {
      const p = platformOfBanner(b);
      if (p) note(p, elementEvidence(b.ref, p.name));
    }
    for (const s of snapshot.scripts) {
      const p = PLATFORMS.find((x) => x.src?.test(s.src));
      if (p) note(p, { selector: s.ref.selector, url: s.src, text: p.name });
    }
    for (const s of snapshot.inlineScripts) {
      // A loader snippet names its platform's host anywhere in its code, often after the first 400 characters.
      const p = PLATFORMS.find((x) => x.inline?.test(s.head)) ?? PLATFORMS.find((x) => (s.hosts ?? []).some((h) => x.src?.test(h)));
      if (p) note(p, { snippet: s.head.slice(0, 120), text: p.name });
    }

    const out: DetectorOutput[] = [];
    for (const [id, evidence] of found) {
      const p = PLATFORMS.find((x) => x.id === id)!;
      out.push({
        key: `cmp-${id}`,
        severity: 'info',
        messageKey: 'consent_platform',
        params: [text(p.name)],
        evidence: evidence,
        data: { kind: 'cmp', platform: p.name, platformId: id },
      });
    }

    // A banner asking now: it holds an accept button. Without one (already answered, or a closed "manage cookies"
    // tab) the first level cannot be judged from the page.
    const asking = banners.filter((b) => (b.controls ?? []).some((c) => ACCEPT.test(bare(c))));
    for (const [i, b] of asking.entries()) {
      const controls = b.controls ?? [];
      const refuse = controls.filter(isRefuse);
      const secondLayer = (b.hiddenControls ?? []).filter(isRefuse);
      const suffix = asking.length > 1 ? `-${i + 1}` : '';
      const evidence: Evidence[] = [elementEvidence(b.ref, controls.slice(0, 6).join(' · '))];
      out.push(
        refuse.length > 0
          ? { key: `refuse-offered${suffix}`, severity: 'info', messageKey: 'consent_refuseOffered', params: [text(refuse[0]!)], evidence, data: { kind: 'refuse-offered', buttons: controls } }
          : { key: `no-refuse${suffix}`, severity: 'problem', messageKey: secondLayer.length ? 'consent_refuseSecondLayer' : 'consent_noRefuse', params: secondLayer.length ? [text(secondLayer[0]!)] : [], evidence, data: { kind: 'no-refuse', buttons: controls, secondLayer } },
      );
    }

    // Trackers present while the banner still asks. Tag managers may wait for consent inside (consent mode), so a
    // person checks: re-inspect after refusing to see what stays (compareInspections).
    if (asking.length > 0) {
      const [{ trackerOf }, { loadTrackerData }] = await Promise.all([import('../trackers/classify'), import('../trackers/load')]);
      const db = await loadTrackerData();
      const trackers: Evidence[] = [];
      for (const s of [...snapshot.scripts.map((x) => ({ url: x.src, ref: x.ref })), ...snapshot.iframes.map((x) => ({ url: x.src, ref: x.ref }))]) {
        const tracker = trackerOf(db, s.url, snapshot.url);
        if (tracker) trackers.push({ selector: s.ref.selector, url: s.url, text: tracker.name });
      }
      if (trackers.length > 0) {
        const names = [...new Set(trackers.map((t) => t.text!))];
        out.push({
          key: 'trackers-before-consent',
          severity: 'review',
          messageKey: 'consent_trackersBeforeConsent',
          params: [texts(names)],
          evidence: trackers,
          data: { kind: 'trackers-before-consent', trackers: names },
        });
      }
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/consent/ (tarteaucitron without refuse, DSFR banner with
// "Tout refuser", Didomi script only, no banner).
