import { z } from 'zod';
import type { DetectorOutput } from '../model/finding';
import { REQUEST_VIAS, type ObservedRequest } from '../observe/schema';
import { defineDetector } from './types';

// Session recording, observed (issue 23): recognised by what a script does and sends, not by a list of hosts (the
// trackers detector names the known recorders from trackerdb: "script présent"; this one says "enregistrement
// envoyé"). Criteria, for one script:
// - it watches the whole document's changes (a MutationObserver on the document or its body, with subtree), and
// - it listens to the pointer or the keys (mousemove, click, scroll, keydown, input…), and
// - a request it sent (or, when the browser's log does not say who sent it, a request to its own host) carries
//   the page itself: a serialised DOM (both "childNodes" and "tagName" keys), or the page's title inside a body of
//   at least 2 kB.
// Sent to a third party: blocking ("Traceurs et tiers"); to the site itself: a problem. A script that records but
// was not seen sending (a compressed or binary payload, or sending after the window) is for a person to check.

const POINTER_OR_KEY = new Set(['mousemove', 'mousedown', 'mouseup', 'click', 'pointermove', 'pointerdown', 'touchstart', 'touchmove', 'scroll', 'wheel', 'keydown', 'keyup', 'keypress', 'input']);
const MIN_TITLE_BODY = 2_000;

export const observedSessionRecordingData = z.strictObject({
  script: z.string(),
  sent: z.boolean(),
  destination: z.string().optional(),
  thirdParty: z.boolean().optional(),
  organization: z.string().optional(),
  country: z.string().nullable().optional(),
  vias: z.array(z.enum(REQUEST_VIAS)),
  bytes: z.number(),
  listens: z.array(z.string()),
});

/** Whether a request's body is the page serialised: a DOM tree, or the page's own title in a large payload. */
export function carriesPage(body: string | undefined, title: string): boolean {
  if (!body) return false;
  if (/"childNodes"\s*:/.test(body) && /"tagName"\s*:/.test(body)) return true;
  return title.trim().length >= 8 && body.length >= MIN_TITLE_BODY && body.includes(title.trim());
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

export const observedSessionRecording = defineDetector({
  id: 'observed-session-recording',
  category: 'trackers',
  data: observedSessionRecordingData,
  requires: ['url', 'title'],
  needs: ['observation'],
  async run(snapshot, context): Promise<DetectorOutput[]> {
    const o = context.artifacts?.observation;
    if (!o || o.recorders.length === 0) return [];
    const pageUrl = o.url || snapshot.url;
    const [{ loadTrackerData }, { destinationOf, destinationParam, hostKey }] = await Promise.all([import('../trackers/load'), import('../trackers/destination')]);
    const data = await loadTrackerData();
    const out: DetectorOutput[] = [];
    for (const { script } of o.recorders) {
      const listens = [...new Set(o.listeners.filter((l) => l.script === script && POINTER_OR_KEY.has(l.type)).map((l) => l.type))];
      if (listens.length === 0) continue;
      const own = hostOf(script);
      const sent: ObservedRequest[] = o.requests.filter(
        (r) => (r.script === script || (!r.script && hostOf(r.url) === own)) && carriesPage(r.body, snapshot.title),
      );
      const sd = destinationOf(data, script, pageUrl);
      if (sent.length === 0) {
        out.push({
          key: `records-${hostKey(sd.host)}`,
          severity: 'review',
          messageKey: 'observedSessionRecording_notSent',
          params: [destinationParam(sd)],
          evidence: [{ url: script.slice(0, 500), text: listens.join(', ') }],
          data: { script: script.slice(0, 500), sent: false, vias: [], bytes: 0, listens },
        });
        continue;
      }
      const first = sent[0]!;
      const d = destinationOf(data, first.url, pageUrl);
      const bytes = sent.reduce((n, r) => n + (r.body?.length ?? 0), 0);
      out.push({
        key: `sent-${hostKey(d.host)}`,
        severity: d.thirdParty ? 'blocking' : 'problem',
        messageKey: d.thirdParty ? 'observedSessionRecording_sentThirdParty' : 'observedSessionRecording_sentFirstParty',
        params: [destinationParam(sd), destinationParam(d), { count: sent.length }],
        evidence: [
          { url: script.slice(0, 500), text: listens.join(', ') },
          { url: first.url.slice(0, 500), text: first.via },
        ],
        data: {
          script: script.slice(0, 500),
          sent: true,
          destination: d.host,
          thirdParty: d.thirdParty,
          ...(d.organization ? { organization: d.organization } : {}),
          country: d.country,
          vias: [...new Set(sent.map((r) => r.via))],
          bytes,
          listens,
        },
      });
    }
    return out;
  },
});

// Pages vérifiées : test/fixtures/pages/observe/ (recorder-third-party.html, widget-observer.html), test/e2e/observe.spec.ts.
