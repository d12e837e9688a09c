import { z } from 'zod';
import type { DetectorOutput, Evidence } from '../model/finding';
import { text, texts } from '../model/message';
import type { Observation } from '../observe/schema';
import { consentAnswerOf } from './consent';
import { defineDetector } from './types';

// Before and after consent, observed (issue 23): the comparison of lib/inspect/compare.ts, which needs two
// inspections and the person's word on what they answered, gains what the observed reload saw flow. The person
// answers the page's cookie banner during the observation window; the hooks record their trusted clicks (Loupe never
// clicks), and:
// - the answer is the first click that consentAnswerOf (consent.ts) reads as a refusal or an acceptance of a
//   recognisable banner, at its time;
// - "envoyé avant votre réponse au bandeau": requests to a tracker (trackerdb, a category that follows visitors, a
//   third party) made before that answer: a problem, the CNIL asks that trackers wait for consent;
// - "encore envoyé après un refus": requests to a tracker after a refusal (up to a later acceptance, if any): a
//   problem. A consent platform recording the refusal on its own host is not a tracker (trackerdb's "consent"
//   category is not one that follows visitors), so it does not count;
// - a refusal after which no tracker was sent anything: said, as information;
// - no answer during the window, while a banner is shown: said, and nothing is claimed about before or after.
// Times: the hooks' requests and the clicks share the page's clock, in whole ms; Loupe's click listener runs before
// any of the page's, so a request of the same ms as the refusal is the refusal's own handler at work: after it. The browser's request log (frames, every kind)
// has the observation's clock, which runs ahead of the page's by the time from the reload to the page's start, at
// most the time to "load": a request of that log counts before the answer when its time is before it, after when
// it comes later than the answer plus that time; in between it is not placed. Cookies are not split: the cookie
// store has no time of setting (observed-cookies says which tracker cookies were set while the banner waited).

const tracker = z.strictObject({ host: z.string(), organization: z.string(), requests: z.number() });
export const observedConsentData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('before-answer'), answer: z.enum(['accept', 'refuse']), button: z.string(), at: z.number(), trackers: z.array(tracker) }),
  z.strictObject({ kind: z.literal('after-refusal'), button: z.string(), at: z.number(), trackers: z.array(tracker) }),
  z.strictObject({ kind: z.literal('refusal-honoured'), button: z.string(), at: z.number() }),
  z.strictObject({ kind: z.literal('no-answer'), clicks: z.number() }),
]);

export interface ConsentSplit {
  /** The first answer; the first refusal (it may follow an acceptance). */
  answer?: { kind: 'accept' | 'refuse'; button: string; t: number };
  refusal?: { kind: 'accept' | 'refuse'; button: string; t: number };
  /** Tracker requests before the answer, and after a refusal (until a later acceptance). */
  before: Observation['requests'];
  afterRefusal: Observation['requests'];
}

/** Splits an observation's requests around the person's answer to the banner (pure; `isTracker` from trackerdb). */
export function splitAtConsent(o: Pick<Observation, 'clicks' | 'requests' | 'loadMs'>, isTracker: (url: string) => boolean): ConsentSplit {
  const answers = o.clicks.flatMap((c) => {
    const kind = consentAnswerOf(c);
    return kind ? [{ kind, button: c.text, t: c.t }] : [];
  });
  const answer = answers[0];
  if (!answer) return { before: [], afterRefusal: [] };
  const lag = o.loadMs ?? Infinity;
  const refusal = answers.find((a) => a.kind === 'refuse');
  const until = refusal ? (answers.find((a) => a.kind === 'accept' && a.t > refusal.t)?.t ?? Infinity) : -Infinity;
  const tracked = o.requests.filter((r) => isTracker(r.url));
  const before = tracked.filter((r) => r.t < answer.t);
  const afterRefusal = refusal ? tracked.filter((r) => (r.via === 'browser' ? r.t > refusal.t + lag : r.t >= refusal.t) && r.t < until) : [];
  return { answer, ...(refusal ? { refusal } : {}), before, afterRefusal };
}

export const observedConsent = defineDetector({
  id: 'observed-consent',
  category: 'consent',
  data: observedConsentData,
  requires: ['url', 'marked'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o) return [];
    const pageUrl = o.url || snapshot.url;
    const [{ loadTrackerData }, { trackerOf }] = await Promise.all([import('../trackers/load'), import('../trackers/classify')]);
    const data = await loadTrackerData();
    const split = splitAtConsent(o, (url) => !!trackerOf(data, url, pageUrl));
    if (!split.answer) {
      // Said only where a banner asks: a page without one has nothing to answer.
      if (!snapshot.marked.some((m) => m.kind === 'consent' && !m.ref.hidden)) return [];
      return [{ key: 'no-answer', severity: 'info', messageKey: 'observedConsent_noAnswer', params: [], evidence: [], data: { kind: 'no-answer', clicks: o.clicks.length } }];
    }
    const group = (requests: Observation['requests']) => {
      const byHost = new Map<string, { host: string; organization: string; requests: number; url: string }>();
      for (const r of requests) {
        let host = r.url;
        try {
          host = new URL(r.url).host;
        } catch {
          // Kept whole: an address that does not parse still names where it went.
        }
        const g = byHost.get(host) ?? { host, organization: trackerOf(data, r.url, pageUrl)?.organizationName || host, requests: 0, url: r.url };
        g.requests++;
        byHost.set(host, g);
      }
      return [...byHost.values()];
    };
    const evidence = (groups: ReturnType<typeof group>): Evidence[] => groups.slice(0, 20).map((g) => ({ url: g.url.slice(0, 500), text: `${g.organization} (${g.host}) × ${g.requests}` }));
    const strip = (groups: ReturnType<typeof group>) => groups.slice(0, 50).map(({ host, organization, requests }) => ({ host, organization, requests }));
    const a = split.answer;
    const r = split.refusal;
    const out: DetectorOutput[] = [];
    const before = group(split.before);
    if (before.length > 0) {
      out.push({
        key: 'before-answer',
        severity: 'problem',
        messageKey: 'observedConsent_beforeAnswer',
        params: [texts([...new Set(before.map((g) => g.organization))])],
        evidence: evidence(before),
        data: { kind: 'before-answer', answer: a.kind, button: a.button, at: a.t, trackers: strip(before) },
      });
    }
    if (r) {
      const after = group(split.afterRefusal);
      out.push(
        after.length > 0
          ? {
              key: 'after-refusal',
              severity: 'problem',
              messageKey: 'observedConsent_afterRefusal',
              params: [text(r.button), texts([...new Set(after.map((g) => g.organization))])],
              evidence: evidence(after),
              data: { kind: 'after-refusal', button: r.button, at: r.t, trackers: strip(after) },
            }
          : { key: 'refusal-honoured', severity: 'info', messageKey: 'observedConsent_refusalHonoured', params: [text(r.button)], evidence: [], data: { kind: 'refusal-honoured', button: r.button, at: r.t } },
      );
    }
    return out;
  },
});

// Pages vérifiées : test/fixtures/observe/ (consent-leaky.html, consent-honest.html), test/e2e/observe.spec.ts.
