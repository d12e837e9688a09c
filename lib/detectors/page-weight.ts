import { z } from 'zod';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { count } from '../model/message';

// Network weight for the grid's technical criterion (school networks are slow and shared): requests and bytes the
// Performance API recorded, split between the site itself and third parties. Bytes are a lower bound: the browser
// reports 0 for cross-origin resources without Timing-Allow-Origin and for resources served from its cache.

interface Part {
  requests: number;
  bytes: number;
  unknownSize: number;
}

const weightPart = z.strictObject({ requests: z.number(), bytes: z.number(), unknownSize: z.number() });
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const pageWeightData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weight'), requests: z.number(), bytes: z.number(), firstParty: weightPart, thirdParty: weightPart, resourceBufferFull: z.boolean() }),
  z.strictObject({ kind: z.literal('unknown-sizes'), unknownSize: z.number(), thirdPartyUnknownSize: z.number() }),
]);

/** tldts's module once loaded: later runs use it without asking the module loader again. */
let requestsModule: typeof import('../trackers/requests') | undefined;

export const pageWeight = defineDetector({
  id: 'page-weight',
  category: 'metadata',
  data: pageWeightData,
  requires: ['url', 'resources', 'limits'],
  async run(snapshot: PageSnapshot): Promise<DetectorOutput[]> {
    const { siteOf } = (requestsModule ??= await import('../trackers/requests'));
    const page = siteOf(snapshot.url);
    const first: Part = { requests: 0, bytes: 0, unknownSize: 0 };
    const third: Part = { requests: 0, bytes: 0, unknownSize: 0 };
    for (const r of snapshot.resources) {
      const s = siteOf(r.url);
      const part = s && page && s.site === page.site ? first : third;
      part.requests++;
      part.bytes += r.transferSize;
      if (r.transferSize === 0) part.unknownSize++;
    }
    // The document itself is not a resource-timing entry.
    const total = first.requests + third.requests;
    const bytes = first.bytes + third.bytes;
    const out: DetectorOutput[] = [
      {
        key: 'weight',
        severity: 'info',
        messageKey: 'pageWeight_summary',
        params: [count(total), { bytes }, count(first.requests), { bytes: first.bytes }, count(third.requests), { bytes: third.bytes }],
        evidence: [],
        data: { kind: 'weight', requests: total, bytes, firstParty: first, thirdParty: third, resourceBufferFull: snapshot.limits.resourceBufferFull },
      },
    ];
    const unknown = first.unknownSize + third.unknownSize;
    if (unknown > 0) {
      out.push({
        key: 'unknown-sizes',
        severity: 'info',
        messageKey: 'pageWeight_unknownSizes',
        params: [count(unknown), count(third.unknownSize)],
        evidence: [],
        data: { kind: 'unknown-sizes', unknownSize: unknown, thirdPartyUnknownSize: third.unknownSize },
      });
    }
    return out;
  },
});

// Pages vérifiées : test/unit/page-weight.test.ts (hand-built resources); fixtures in test/fixtures/pages/page-weight/.
