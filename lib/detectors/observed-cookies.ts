import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import { count, texts } from '../model/message';
import type { ObservedCookie } from '../observe/schema';
import { defineDetector } from './types';

// Every cookie, observed (issue 23). With the cookies permission the browser's cookie store is read before and after
// the observed reload, for the page and every host it sent requests to: first- and third-party cookies, HttpOnly
// ones and partitioned (CHIPS) ones, which no script of the page can see. Without it, only the cookies the page's
// scripts wrote (document.cookie) are known, and the report says so. Criteria:
// - summary (info): the cookies set or changed during the observation, first / third party, HttpOnly, partitioned;
// - lifetime over 13 months (the CNIL's limit for audience-measurement and tracker cookies, délibération
//   2020-091): a problem, each named;
// - set before any consent: a tracker's cookie (trackerdb's cookie names, or a cookie of a third-party tracker's
//   domain) set during the observation, while Loupe answered nothing and the page's consent banner was still shown
//   at the end (or no banner asked at all): a problem. A person who had already answered the banner in this browser
//   keeps that answer during the reload; a banner still shown means no answer was recorded.

export const CNIL_MONTHS = 13;

export const observedCookiesData = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('summary'),
    set: z.number(),
    firstParty: z.number(),
    thirdParty: z.number(),
    httpOnly: z.number(),
    partitioned: z.number(),
    source: z.enum(['store', 'script']),
    names: z.array(z.string()),
  }),
  z.strictObject({ kind: z.literal('over-13-months'), cookies: z.array(z.strictObject({ name: z.string(), domain: z.string(), months: z.number() })) }),
  z.strictObject({ kind: z.literal('before-consent'), consentBanner: z.boolean(), cookies: z.array(z.strictObject({ name: z.string(), domain: z.string(), tracker: z.string() })) }),
]);

/** Over the CNIL's 13 months: its end is past the same day 13 months on. */
export function overThirteenMonths(c: ObservedCookie, nowS: number): boolean {
  if (c.expires === undefined) return false;
  const limit = new Date(nowS * 1000);
  limit.setUTCMonth(limit.getUTCMonth() + CNIL_MONTHS);
  return c.expires * 1000 > limit.getTime() + 24 * 3600 * 1000;
}

const cookieUrl = (c: ObservedCookie) => `https://${c.domain.replace(/^\./, '')}${c.path || '/'}`;

export const observedCookies = defineDetector({
  id: 'observed-cookies',
  category: 'trackers',
  data: observedCookiesData,
  requires: ['url', 'marked'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const pageUrl = o.url || snapshot.url;
    const during = o.cookies.filter((c) => c.setDuring);
    if (during.length === 0) return [];
    const [{ loadTrackerData }, { isThirdParty }, { trackerOf }, { trackerCookiePattern }, { describePattern }] = await Promise.all([
      import('../trackers/load'),
      import('../net/site'),
      import('../trackers/classify'),
      import('../trackers/cookies'),
      import('../trackers/compact'),
    ]);
    const data = await loadTrackerData();
    const third = during.filter((c) => isThirdParty(cookieUrl(c), pageUrl));
    const source = o.cookies.some((c) => c.source === 'store') ? 'store' : 'script';
    const out: DetectorOutput[] = [
      {
        key: 'summary',
        severity: 'info',
        messageKey: source === 'store' ? 'observedCookies_summary' : 'observedCookies_summaryScripts',
        params: [count(during.length), count(during.length - third.length), count(third.length), count(during.filter((c) => c.httpOnly).length), count(during.filter((c) => c.partitioned).length)],
        evidence: [],
        data: {
          kind: 'summary',
          set: during.length,
          firstParty: during.length - third.length,
          thirdParty: third.length,
          httpOnly: during.filter((c) => c.httpOnly).length,
          partitioned: during.filter((c) => c.partitioned).length,
          source,
          names: during.slice(0, 50).map((c) => `${c.name} (${c.domain})`),
        },
      },
    ];
    const nowS = Math.round(o.startedAt / 1000);
    const long = during.filter((c) => overThirteenMonths(c, nowS));
    if (long.length > 0) {
      out.push({
        key: 'over-13-months',
        severity: 'problem',
        messageKey: 'observedCookies_over13Months',
        params: [count(long.length), texts(long.map((c) => c.name), 10)],
        evidence: long.slice(0, 20).map((c) => ({ text: `${c.name} (${c.domain})`, url: cookieUrl(c) })),
        data: { kind: 'over-13-months', cookies: long.slice(0, 50).map((c) => ({ name: c.name, domain: c.domain, months: Math.floor(((c.expires! - nowS) / (365.25 * 24 * 3600)) * 12) })) },
      });
    }
    const trackerCookies = during
      .map((c) => {
        const byName = describePattern(data, trackerCookiePattern(c.name) ?? '');
        const byDomain = isThirdParty(cookieUrl(c), pageUrl) ? trackerOf(data, cookieUrl(c), pageUrl) : undefined;
        const m = byName ?? byDomain;
        return m ? { name: c.name, domain: c.domain, tracker: m.name } : undefined;
      })
      .filter((x): x is { name: string; domain: string; tracker: string } => !!x);
    if (trackerCookies.length > 0) {
      const banner = snapshot.marked.some((m) => m.kind === 'consent' && !m.ref.hidden);
      out.push({
        key: 'before-consent',
        severity: 'problem',
        messageKey: banner ? 'observedCookies_beforeConsent' : 'observedCookies_noConsentAsked',
        params: [count(trackerCookies.length), texts(trackerCookies.map((c) => `${c.name} (${c.tracker})`), 10)],
        evidence: trackerCookies.slice(0, 20).map((c) => ({ text: `${c.name} (${c.domain})` })),
        data: { kind: 'before-consent', consentBanner: banner, cookies: trackerCookies.slice(0, 50) },
      });
    }
    return out;
  },
});

// Pages vérifiées : test/fixtures/pages/observe/ (cookies-long.html, cookies-six-months.html), test/e2e/observe.spec.ts.
