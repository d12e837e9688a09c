// The pipeline's first phase (lib/inspect/pipeline.ts) on a gathered reply, timed as the panel runs it: run by the
// gather bench in a Node of its own started with --disallow-code-generation-from-strings, because the extension's
// pages forbid `new Function` (their CSP): zod then validates without its compiled fast path, as it does in the
// panel (the snapshot's parse excepted: its parser is generated at build time, lib/snapshot/fast-schema.ts). Measured
// in the bench's own Node (compiled validators), the snapshot's parse took half the time it takes in the extension.
//
// Usage: node --disallow-code-generation-from-strings --import tsx scripts/lib/first-phase.ts INPUT.json
// INPUT holds { raw, url, runs }; prints { ms: number[], snapshot } as JSON on stdout.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectorList } from '../../lib/detectors/registry';
import { inspectPage } from '../../lib/inspect/pipeline';
import type { PageSnapshot } from '../../lib/snapshot/schema';
import { assertNoCodeFromStrings } from './no-code-from-strings';

/**
 * The detectors of the first phase, the fast findings a person waits for: those that need no artifact and are not
 * deferred. RGAA 8.2's validator runs in the second phase while the page runs axe (its cost: the a11y-rules bench).
 */
const FIRST_PHASE = detectorList.filter((d) => !d.needs?.length && !d.deferred);

/** Schema parse of the untrusted reply, the first-phase detectors, the evaluation built: up to the "fast" event. */
async function firstPhase(raw: unknown, url: string): Promise<{ ms: number; snapshot: PageSnapshot }> {
  const t = performance.now();
  let ms = 0;
  const r = await inspectPage(
    { url, gather: async () => raw, artifact: async () => { throw new Error('not in this bench'); } },
    { detectors: FIRST_PHASE, now: Date.now, id: 'bench-first-phase', version: '0.1.0', onEvent: (e) => { if (e.phase === 'fast') ms = performance.now() - t; } },
  );
  if (!r.ok) throw new Error(`first phase failed: ${r.reason} ${r.detail}`);
  return { ms, snapshot: r.snapshot };
}

assertNoCodeFromStrings();
const { raw, url, runs } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { raw: unknown; url: string; runs: number };
const ms: number[] = [];
let snapshot: PageSnapshot | undefined;
for (let k = 0; k < runs; k++) {
  const run = await firstPhase(raw, url);
  ms.push(run.ms);
  snapshot = run.snapshot;
}
process.stdout.write(JSON.stringify({ ms, snapshot }));
