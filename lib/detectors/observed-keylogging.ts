import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import { count, texts, type MessageKey } from '../model/message';
import { ENCODINGS, REQUEST_VIAS, type Encoding } from '../observe/schema';
import { defineDetector } from './types';

// Key logging, observed (issue 23). During the observed reload Loupe types made-up values into the page's visible
// fields and never submits a form (lib/observe/type-values.ts). Criteria:
// - a typed value leaves the page when one of its forms (lib/observe/encodings.ts: as typed, URL-encoded, base64,
//   md5, sha1, sha256 or sha512 in hex; each of the value as typed and lower-cased and trimmed) is found in a
//   request's address or body, whatever carried it: fetch, XHR, a beacon, an image, a WebSocket message, or any
//   request of the browser's log. Nothing was submitted, so the page's scripts sent it while it was typed;
// - sent to a third party: blocking ("Traceurs et tiers"), the field and the destination named;
// - sent to the site itself: a search box that suggests as you type is expected (no finding); any other field is
//   for a person to check;
// - third-party scripts listening to keys or input on the page are listed for a person to check, sent or not
//   (a script that checks isTrusted, or sends later, is not seen sending).

const ENCODING_KEYS: Record<Encoding, MessageKey> = {
  raw: 'observe_encoding_raw',
  url: 'observe_encoding_url',
  base64: 'observe_encoding_base64',
  md5: 'observe_encoding_md5',
  sha1: 'observe_encoding_sha1',
  sha256: 'observe_encoding_sha256',
  sha512: 'observe_encoding_sha512',
};
const KEY_EVENTS = new Set(['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change']);

export const observedKeyloggingData = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sent'),
    field: z.string(),
    label: z.string(),
    /** What the field asks (e-mail, password, search…), as the gather named it. */
    fieldKind: z.string(),
    destination: z.string(),
    thirdParty: z.boolean(),
    organization: z.string().optional(),
    country: z.string().nullable(),
    encodings: z.array(z.enum(ENCODINGS)),
    vias: z.array(z.enum(REQUEST_VIAS)),
    where: z.array(z.enum(['url', 'body'])),
    scripts: z.array(z.string()),
  }),
  z.strictObject({ kind: z.literal('key-listeners'), listeners: z.array(z.strictObject({ script: z.string(), types: z.array(z.string()) })) }),
]);

export const observedKeylogging = defineDetector({
  id: 'observed-keylogging',
  category: 'trackers',
  data: observedKeyloggingData,
  requires: ['url'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const pageUrl = o.url || snapshot.url;
    // tldts, the tracker table and the hashes stay out of the panel's first script: loaded when an observation is there.
    const [{ loadTrackerData }, { destinationOf, destinationParam, hostKey }, { isThirdParty }, { findValue, needlesOf }] = await Promise.all([
      import('../trackers/load'),
      import('../trackers/destination'),
      import('../net/site'),
      import('../observe/encodings'),
    ]);
    const data = await loadTrackerData();
    const out: DetectorOutput[] = [];
    o.typed.forEach((field, index) => {
      const needles = needlesOf(field.value);
      const byHost = new Map<string, { url: string; encodings: Set<Encoding>; vias: Set<(typeof REQUEST_VIAS)[number]>; where: Set<'url' | 'body'>; scripts: Set<string> }>();
      for (const r of o.requests) {
        const inUrl = findValue(r.url, needles);
        const inBody = r.body ? findValue(r.body, needles) : undefined;
        const enc = inUrl ?? inBody;
        if (!enc) continue;
        const d = destinationOf(data, r.url, pageUrl);
        const hit = byHost.get(d.host) ?? { url: r.url, encodings: new Set(), vias: new Set(), where: new Set(), scripts: new Set() };
        hit.encodings.add(enc);
        hit.vias.add(r.via);
        if (inUrl) hit.where.add('url');
        if (inBody) hit.where.add('body');
        if (r.script) hit.scripts.add(r.script.slice(0, 300));
        byHost.set(d.host, hit);
      }
      for (const [host, hit] of byHost) {
        const d = destinationOf(data, hit.url, pageUrl);
        if (!d.thirdParty && field.search) continue;
        out.push({
          key: `sent-${index}-${hostKey(host)}`,
          severity: d.thirdParty ? 'blocking' : 'review',
          messageKey: d.thirdParty ? 'observedKeylogging_thirdParty' : 'observedKeylogging_firstParty',
          params: [destinationParam(d), { quote: field.label || field.selector }, { list: [...hit.encodings].map((e) => ({ message: ENCODING_KEYS[e] })) }],
          evidence: [
            { selector: field.selector, text: field.label },
            { url: hit.url.slice(0, 500), text: [...hit.vias].join(', ') },
          ],
          data: {
            kind: 'sent',
            field: field.selector,
            label: field.label,
            fieldKind: field.kind,
            destination: host,
            thirdParty: d.thirdParty,
            ...(d.organization ? { organization: d.organization } : {}),
            country: d.country,
            encodings: [...hit.encodings],
            vias: [...hit.vias],
            where: [...hit.where],
            scripts: [...hit.scripts].slice(0, 10),
          },
        });
      }
    });
    // Third-party scripts that listen to what is typed, whether or not they were seen sending it.
    const listening = new Map<string, Set<string>>();
    for (const l of o.listeners) {
      if (!KEY_EVENTS.has(l.type) || !isThirdParty(l.script, pageUrl)) continue;
      listening.set(l.script, (listening.get(l.script) ?? new Set()).add(l.type));
    }
    if (listening.size > 0) {
      const scripts = [...listening].map(([script, types]) => ({ script: script.slice(0, 300), types: [...types] }));
      out.push({
        key: 'key-listeners',
        severity: 'review',
        messageKey: 'observedKeylogging_listeners',
        params: [count(scripts.length), texts(scripts.map((s) => hostOf(s.script)), 5)],
        evidence: scripts.slice(0, 20).map((s) => ({ url: s.script, text: s.types.join(', ') })),
        data: { kind: 'key-listeners', listeners: scripts },
      });
    }
    return out;
  },
});

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 100);
  }
}

// Pages vérifiées : test/fixtures/pages/observe/ (keylog-*.html and search-suggest.html), test/e2e/observe.spec.ts.
