import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import { count, texts } from '../model/message';
import type { ObservedRequest } from '../observe/schema';
import { defineDetector } from './types';

// Pixels, observed (issue 23): what the advertising pixels actually sent during the observed reload, read from their
// requests (address and body). Criteria:
// - Facebook (Meta) pixel: a request to facebook.com/tr with an `ev` parameter is an event (PageView, Lead…): the
//   events are listed (info, the trackers detector already weighs Meta); "advanced matching" fields `ud[em]`,
//   `ud[ph]`, `ud[fn]`… carry hashed personal data (e-mail, phone, name): a problem, the fields named;
// - Google remarketing: a hit to /pagead/viewthroughconversion/, /pagead/1p-user-list/ or /ads/ga-audiences on a
//   Google host adds the visitor to an advertising audience: listed (info).

/** Meta's advanced-matching keys: e-mail, phone, first and last name, gender, birth date, city, state, zip, country, external id. */
const AM_FIELDS = new Set(['em', 'ph', 'fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country', 'external_id']);

export const observedPixelsData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('facebook'), events: z.array(z.string()), matching: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('google-remarketing'), hits: z.number(), urls: z.array(z.string()) }),
]);

function paramsOf(r: ObservedRequest): URLSearchParams[] {
  const out: URLSearchParams[] = [];
  try {
    out.push(new URL(r.url).searchParams);
  } catch {
    // An address that does not parse carries nothing readable.
  }
  if (r.body && /^[\w%[\].-]+=/.test(r.body)) out.push(new URLSearchParams(r.body));
  return out;
}

const isFacebookPixel = (u: URL) => /(^|\.)facebook\.com$/.test(u.hostname) && /^\/tr\/?$/.test(u.pathname);
const isGoogleRemarketing = (u: URL) =>
  /(^|\.)(google\.[a-z.]+|doubleclick\.net|googleadservices\.com)$/.test(u.hostname) && /\/pagead\/(viewthroughconversion|1p-user-list)\/|\/ads\/ga-audiences/.test(u.pathname);

export const observedPixels = defineDetector({
  id: 'observed-pixels',
  category: 'trackers',
  data: observedPixelsData,
  requires: ['url'],
  needs: ['observation'],
  run(_snapshot, context): DetectorOutput[] {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const events = new Set<string>();
    const matching = new Set<string>();
    const fbUrls: string[] = [];
    const google: string[] = [];
    for (const r of o.requests) {
      let u: URL;
      try {
        u = new URL(r.url);
      } catch {
        continue;
      }
      if (isFacebookPixel(u)) {
        fbUrls.push(r.url);
        for (const p of paramsOf(r)) {
          const ev = p.get('ev');
          if (ev) events.add(ev.slice(0, 60));
          for (const [k, v] of p) {
            const m = /^ud\[(\w+)\]$/.exec(k);
            if (m && v && AM_FIELDS.has(m[1]!)) matching.add(m[1]!);
          }
        }
      } else if (isGoogleRemarketing(u)) google.push(r.url);
    }
    const out: DetectorOutput[] = [];
    if (events.size > 0) {
      out.push({
        key: 'facebook-events',
        severity: 'info',
        messageKey: 'observedPixels_facebookEvents',
        params: [texts([...events], 10)],
        evidence: [...new Set(fbUrls)].slice(0, 5).map((url) => ({ url: url.slice(0, 500) })),
        data: { kind: 'facebook', events: [...events], matching: [...matching] },
      });
    }
    if (matching.size > 0) {
      out.push({
        key: 'facebook-advanced-matching',
        severity: 'problem',
        messageKey: 'observedPixels_facebookMatching',
        // The field names as Meta writes them (ud[em]…): codes, not words.
        params: [texts([...matching].map((k) => `ud[${k}]`))],
        evidence: [...new Set(fbUrls)].slice(0, 5).map((url) => ({ url: url.slice(0, 500) })),
        data: { kind: 'facebook', events: [...events], matching: [...matching] },
      });
    }
    if (google.length > 0) {
      out.push({
        key: 'google-remarketing',
        severity: 'info',
        messageKey: 'observedPixels_googleRemarketing',
        params: [count(google.length)],
        evidence: [...new Set(google)].slice(0, 5).map((url) => ({ url: url.slice(0, 500) })),
        data: { kind: 'google-remarketing', hits: google.length, urls: [...new Set(google)].slice(0, 10).map((u) => u.slice(0, 500)) },
      });
    }
    return out;
  },
});

// Pages vérifiées : test/fixtures/observe/ (pixel-facebook.html), test/unit/observe.test.ts, test/e2e/observe.spec.ts.
