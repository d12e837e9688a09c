import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { adNetworkOf, loadDomainRules, NETWORK_BY_ID, type AdNetwork } from '../net/ad-networks';
import type { MarkedElement, NodeRef, PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput, type Evidence } from '../model/finding';
import { count, text } from '../model/message';

// Advertising shown to pupils: ad slots recognised by their markup (AdSense, Google Ad Manager, Taboola, …),
// iframes served by ad networks, ad-network code, and visible "Publicité" labels. A slot of a known network is
// blocking; what the code cannot attribute to an ad network (a generic "pub" container, a lone label, ad code
// without a slot) is left to a person ("review"): a publisher promoting its own products is not advertising.

/** Which network a marked slot belongs to, from the selector that matched and its start tag. */
function networkOfSlot(m: MarkedElement): AdNetwork | undefined {
  const s = m.matched;
  const tag = m.ref.snippet;
  if (/adsbygoogle|data-ad-client/.test(s) || /ca-pub-\d/.test(tag)) return NETWORK_BY_ID.adsense;
  // Issue 22: the element googletag.display() fills, whatever its id.
  if (/gpt-ad|google_ads|google-query-id|googletag\.display/.test(s)) return NETWORK_BY_ID['google-ad-manager'];
  if (/taboola|trc_/.test(s)) return NETWORK_BY_ID.taboola;
  if (/outbrain|OUTBRAIN|ob-widget/i.test(s)) return NETWORK_BY_ID.outbrain;
  if (/prebid/.test(s)) return NETWORK_BY_ID.prebid;
  if (/sas_/.test(s)) return NETWORK_BY_ID.smartadserver;
  if (s === 'amp-ad') {
    if (/type="(adsense)"/.test(tag)) return NETWORK_BY_ID.adsense;
    if (/type="(doubleclick)"/.test(tag)) return NETWORK_BY_ID['google-ad-manager'];
    if (/type="(criteo)"/.test(tag)) return NETWORK_BY_ID.criteo;
    if (/type="(smartadserver)"/.test(tag)) return NETWORK_BY_ID.smartadserver;
    if (/type="(taboola)"/.test(tag)) return NETWORK_BY_ID.taboola;
    if (/type="(outbrain)"/.test(tag)) return NETWORK_BY_ID.outbrain;
  }
  return undefined;
}

/** Inline tags that load or drive an ad network (their first characters are kept by the gather). */
const INLINE_CODE: [RegExp, string][] = [
  [/adsbygoogle/, 'adsense'],
  [/googletag\.(cmd|defineSlot|pubads)/, 'google-ad-manager'],
  [/\bpbjs\b/, 'prebid'],
  [/_taboola/, 'taboola'],
  [/\bOBR\b|outbrain/i, 'outbrain'],
  [/\bapstag\b/, 'amazon-ads'],
  [/\bsas\.cmd\b/, 'smartadserver'],
  [/\bCriteo\.|criteo_q/, 'criteo'],
  [/\b__ATA\.(cmd|initDynamicSlot|initSlot)/, 'wordads'],
  [/\bnitroAds\.(createAd|queue)|window\.nitroAds\b/, 'nitropay'],
  [/\bezstandalone\b/, 'ezoic'],
  [/\bfreestar\.(queue|config|newAdSlots)/, 'freestar'],
];

/** The usual IAB display sizes: a frame of one of them from an unknown host is an ad slot to check. */
const IAB_SIZES = new Set(['300x250', '728x90', '160x600', '300x600', '320x50', '320x100', '970x250', '970x90', '468x60', '120x600', '336x280', '250x250', '300x50', '980x120', '234x60']);

type Frame = PageSnapshot['iframes'][number];
const px = (v: string | undefined) => (v && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v) ? parseFloat(v) : undefined);
/** Declared size, else the laid-out one (a zero rect says nothing: no layout in tests, or not yet rendered). */
function sizeOf(f: Frame): { w: number; h: number } | undefined {
  const w = px(f.width);
  const h = px(f.height);
  if (w !== undefined && h !== undefined) return { w, h };
  return f.ref.rect && f.ref.rect.width > 0 ? { w: f.ref.rect.width, h: f.ref.rect.height } : undefined;
}
/** A 1×1 or hidden frame: a tracking pixel or a cookie sync, which the trackers detector reports. */
function isPixel(f: Frame): boolean {
  const s = sizeOf(f);
  return !!f.hiddenByPage || (!!s && s.w <= 2 && s.h <= 2);
}

interface Slot {
  ref: NodeRef;
  via: string;
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const adsData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('slot'), network: z.string(), networkId: z.string(), slots: z.number(), onScreen: z.number(), via: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('slot-unknown'), slots: z.number(), onScreen: z.number() }),
  z.strictObject({ kind: z.literal('code'), network: z.string(), networkId: z.string() }),
  z.strictObject({ kind: z.literal('label'), labels: z.number() }),
]);

/** tldts's modules once loaded: later runs use them without asking the module loader again. */
let domainModules: [typeof import('../net/site'), void] | undefined;

export const ads = defineDetector({
  id: 'ads',
  category: 'ads',
  data: adsData,
  requires: ['marked', 'iframes', 'scripts', 'inlineScripts', 'textSignals', 'links', 'url', 'linkTags'],
  async run(snapshot: PageSnapshot): Promise<DetectorOutput[]> {
    // tldts loads with the first detector that needs it (lib/net/site.ts), not with the panel's first script.
    const [{ isThirdParty }] = (domainModules ??= await Promise.all([import('../net/site'), loadDomainRules()]));
    const slots = new Map<string, Slot[]>();
    const unknownSlots: Slot[] = [];
    const code = new Map<string, Evidence[]>();
    const seen = new Set<string>();
    const addSlot = (network: AdNetwork | undefined, slot: Slot) => {
      if (seen.has(slot.ref.selector)) return;
      seen.add(slot.ref.selector);
      if (!network) unknownSlots.push(slot);
      else slots.set(network.id, [...(slots.get(network.id) ?? []), slot]);
    };
    const addCode = (network: AdNetwork, e: Evidence) => code.set(network.id, [...(code.get(network.id) ?? []), e]);

    for (const m of snapshot.marked) {
      if (m.kind === 'ad-slot') addSlot(networkOfSlot(m), { ref: m.ref, via: m.matched });
    }
    // An iframe served by an ad network is an ad being displayed.
    for (const f of snapshot.iframes) {
      if (isPixel(f)) continue;
      const network = adNetworkOf(f.src, snapshot.url);
      if (network) addSlot(network, { ref: f.ref, via: 'iframe' });
      else if (/^https?:/i.test(f.src) && isThirdParty(f.src, snapshot.url)) {
        const s = sizeOf(f);
        if (s && IAB_SIZES.has(`${Math.round(s.w)}x${Math.round(s.h)}`)) addSlot(undefined, { ref: f.ref, via: 'iframe (IAB size)' });
      }
    }
    for (const s of snapshot.scripts) {
      const network = adNetworkOf(s.src, snapshot.url);
      if (network) addCode(network, { selector: s.ref.selector, url: s.src, text: network.name });
    }
    for (const s of snapshot.inlineScripts) {
      for (const [re, id] of INLINE_CODE) {
        if (re.test(s.head)) addCode(NETWORK_BY_ID[id]!, { snippet: s.head.slice(0, 120), text: NETWORK_BY_ID[id]!.name });
      }
      // Issue 22: an ad stack's loader names its ad server's host anywhere in its code.
      for (const h of s.hosts ?? []) {
        const network = adNetworkOf(`https://${h}/`, snapshot.url);
        if (network) addCode(network, { snippet: s.head.slice(0, 120), text: network.name });
      }
    }
    // Issue 22: a page that prepares its connection to an ad server (preconnect, dns-prefetch, preload) runs ad code.
    for (const t of snapshot.linkTags) {
      if (!/(^|\s)(preconnect|dns-prefetch|preload)(\s|$)/i.test(t.rel)) continue;
      const network = adNetworkOf(t.href, snapshot.url);
      if (network) addCode(network, { url: t.href, text: network.name });
    }

    // Visible labels such as "Publicité": the gather keeps only texts that are the label alone, so a sentence like
    // "un site sans publicité" is not one. Footer and menu links named "Publicité" (the publisher's ad sales) are not.
    // The links' selectors gathered only for a page with such a label.
    let linkSelectors: Set<string> | undefined;
    const labels = snapshot.textSignals.filter(
      (t) => t.pattern === 'ad-label' && !t.ref.inFooter && !(linkSelectors ??= new Set(snapshot.links.map((l) => l.ref.selector))).has(t.ref.selector),
    );

    const out: DetectorOutput[] = [];
    for (const [id, list] of slots) {
      const network = NETWORK_BY_ID[id]!;
      const onScreen = list.filter((s) => !s.ref.hidden).length;
      out.push({
        key: `slot-${id}`,
        severity: 'blocking',
        messageKey: 'ads_slot',
        params: [text(network.name), count(list.length)],
        evidence: [
          ...list.slice(0, 10).map((s) => elementEvidence(s.ref, network.name)),
          ...(code.get(id) ?? []).slice(0, 5),
        ],
        data: { kind: 'slot', network: network.name, networkId: id, slots: list.length, onScreen, via: [...new Set(list.map((s) => s.via))] },
      });
    }
    if (unknownSlots.length > 0) {
      out.push({
        key: 'slot-unknown',
        severity: 'review',
        messageKey: 'ads_slotUnknown',
        params: [count(unknownSlots.length)],
        evidence: unknownSlots.map((s) => elementEvidence(s.ref, s.via)),
        data: { kind: 'slot-unknown', slots: unknownSlots.length, onScreen: unknownSlots.filter((s) => !s.ref.hidden).length },
      });
    }
    for (const [id, evidence] of code) {
      if (slots.has(id)) continue;
      const network = NETWORK_BY_ID[id]!;
      out.push({
        key: `code-${id}`,
        severity: 'review',
        messageKey: 'ads_code',
        params: [text(network.name)],
        evidence: evidence,
        data: { kind: 'code', network: network.name, networkId: id },
      });
    }
    if (labels.length > 0) {
      out.push({
        key: 'label',
        severity: slots.size > 0 ? 'info' : 'review',
        messageKey: slots.size > 0 ? 'ads_labelWithSlot' : 'ads_label',
        params: [text(labels[0]!.ref.label || labels[0]!.text)],
        evidence: labels.map((t) => elementEvidence(t.ref, t.ref.label || t.text)),
        data: { kind: 'label', labels: labels.length },
      });
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/ads/ (AdSense, GPT, Taboola, first-party promotion, an
// article about advertising, a clean page).
