import type { z } from 'zod';
import { axeArtifactSchema } from '../a11y/artifact';
import { oneFindingPerElement } from './merge-findings';
import { ARTIFACT_IDS, ON_REQUEST, type ArtifactId, type Artifacts, type Detector } from '../detectors/types';
import { observationSchema } from '../observe/schema';
import { axeCutMessages, buildEvaluation, observationMessages, withPhase } from './evaluation';
import type { Evaluation } from '../detectors/finding';
import { generatedCodeSchema, type PageSnapshot } from '../snapshot/schema';
import { fastPageSnapshotSchema } from '../snapshot/fast-schema';
import { reasonFromError, whyNotInspectable, type Uninspectable } from './inspectable';
import { addBrowserRequests } from './browser-requests';
import { notHtml, samePage } from './document-kind';
import { runDetectors } from './run-detectors';
import { TimeoutError } from './with-timeout';

// The inspection of one page, in two phases, for whoever listens: the side panel (lib/inspect/inspect-tab.ts binds
// it to a browser tab), the headless audit (which drives that panel) and tests (which hand it a fake page).
//   1. gather the snapshot, run the detectors that need nothing more → "fast" (the panel shows them, the badge counts);
//   2. fetch the artifacts (the generated code, axe's run in the page) → "accessibility"; run the detectors that need
//      them (RGAA 8.2's validator as soon as its code arrives, while axe runs), drop the fast findings they supersede
//      → "done". An artifact that fails marks its detectors as failed; the fast findings stay.

export type InspectFailure = { ok: false; reason: Uninspectable | 'no-permission' | 'failed' | 'invalid-snapshot' | 'timeout' | 'not-html'; detail: string; url?: string };
export type InspectSuccess = { ok: true; evaluation: Evaluation; snapshot: PageSnapshot };
export type InspectResult = InspectSuccess | InspectFailure;

/** The steps before the fast findings, reported as they start so the panel can say what it is doing. */
export type InspectStep = 'gather' | 'detectors';

export type InspectionEvent =
  | { phase: 'step'; step: InspectStep }
  /** The fast findings are ready; the artifacts are not asked for yet. */
  | { phase: 'fast'; result: InspectSuccess }
  /** The accessibility check (the artifacts and the detectors that need them) is running. */
  | { phase: 'accessibility'; result: InspectSuccess }
  /** Everything has run; an artifact that failed shows as its detectors' error status in the evaluation. */
  | { phase: 'done'; result: InspectSuccess }
  /** The page could not be inspected at all. */
  | { phase: 'failed'; result: InspectFailure };

/** How the pipeline reaches one page: the browser's scripting API in the extension, plain functions in tests. */
export interface PageAccess {
  url: string | undefined;
  /** Runs the gather in the page; its reply is untrusted. */
  gather(): Promise<unknown>;
  /** Produces one artifact in the page; its reply is untrusted. */
  artifact(id: ArtifactId): Promise<unknown>;
  /** The browser's own log of the page's requests, when the headless audit kept one (lib/inspect/browser-requests.ts). */
  browserRequests?: readonly string[];
  /** Artifacts made on request (ON_REQUEST) that this access can give: an observed reload's `observation`. */
  offers?: readonly ArtifactId[];
}

export interface InspectOptions {
  detectors: readonly Detector[];
  now: () => number;
  id: string;
  version: string;
  onEvent?: (event: InspectionEvent) => void;
}

/** What crosses from the page for each artifact, parsed on arrival. */
const ARTIFACT_SCHEMAS: { [K in ArtifactId]: z.ZodType<Artifacts[K]> } = { generated: generatedCodeSchema, axe: axeArtifactSchema, observation: observationSchema };

/** Whether a detector can run on this page: every artifact it needs is made for every page or offered by this one. */
const canRun = (page: PageAccess) => (d: Detector) => !d.needs?.some((id) => ON_REQUEST.includes(id) && !page.offers?.includes(id));

const issuesOf = (error: z.ZodError) => error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** lib/net/resource.ts once loaded: later inspections use it without asking the module loader again. */
let resourceModule: typeof import('../net/resource') | undefined;

export async function inspectPage(page: PageAccess, opts: InspectOptions): Promise<InspectResult> {
  const emit = opts.onEvent ?? (() => {});
  const fail = (f: Omit<InspectFailure, 'ok' | 'url'>): InspectFailure => {
    const result: InspectFailure = { ok: false, ...f, url: page.url };
    emit({ phase: 'failed', result });
    return result;
  };
  const why = whyNotInspectable(page.url);
  if (why) return fail({ reason: why, detail: page.url ?? '' });

  emit({ phase: 'step', step: 'gather' });
  let raw: unknown;
  try {
    raw = await page.gather();
  } catch (error) {
    if (error instanceof TimeoutError) return fail({ reason: 'timeout', detail: String(Math.round(error.ms / 1000)) });
    return fail({ reason: reasonFromError(messageOf(error), page.url), detail: messageOf(error) });
  }
  // The gather said what went wrong in the page: that, not the schema's complaint about an empty reply.
  const pageError = (raw as { loupeError?: unknown } | null)?.loupeError;
  if (typeof pageError === 'string') return fail({ reason: 'failed', detail: pageError.slice(0, 500) });
  // the build-time compiled parse: the snapshot of a large page is the first thing the panel waits on
  const parsed = fastPageSnapshotSchema.safeParse(raw);
  if (!parsed.success) return fail({ reason: 'invalid-snapshot', detail: issuesOf(parsed.error) });
  const snapshot = parsed.data;
  const kind = notHtml(snapshot.limits.contentType);
  if (kind) return fail({ reason: 'not-html', detail: kind });
  // The page went elsewhere between the request and the gather: the report is of where it went, and says so.
  if (page.url && !samePage(page.url, snapshot.url)) snapshot.limits.navigatedFrom = page.url.slice(0, 4096);
  if (page.browserRequests?.length) {
    // tldts stays out of the panel's first script (lib/net/site.ts): loaded only when the audit gave a log.
    const { isThirdParty } = await import('../net/site');
    addBrowserRequests(snapshot, page.browserRequests, (u) => isThirdParty(u, snapshot.url));
  }

  emit({ phase: 'step', step: 'detectors' });
  const now = opts.now();
  const fastDetectors = opts.detectors.filter((d) => !d.needs?.length && !d.deferred);
  const run = await runDetectors(snapshot, fastDetectors, { now });
  // The resource's site (lib/net/resource.ts) needs tldts, a lazy chunk the trackers check has already loaded.
  const { resourceSite } = (resourceModule ??= await import('../net/resource'));
  const site = resourceSite(snapshot.url);
  let result: InspectSuccess = { ok: true, snapshot, evaluation: buildEvaluation(snapshot, run, { now, id: opts.id, version: opts.version, site }) };
  emit({ phase: 'fast', result });

  const later = opts.detectors.filter((d) => d.needs?.length || d.deferred).filter(canRun(page));
  if (later.length > 0) {
    emit({ phase: 'accessibility', result });
    result = { ...result, evaluation: await secondPhase(page, result, opts.detectors.filter(canRun(page)), now) };
  }
  emit({ phase: 'done', result });
  return result;
}

async function secondPhase(page: PageAccess, fast: InspectSuccess, all: readonly Detector[], now: number): Promise<Evaluation> {
  const later = all.filter((d) => d.needs?.length || d.deferred);
  const wanted = ARTIFACT_IDS.filter((id) => later.some((d) => d.needs?.includes(id)));
  const artifacts: Partial<Artifacts> = {};
  const failures = new Map<ArtifactId, string>();
  const took = new Map<ArtifactId, number>();
  const timedOut = new Map<ArtifactId, number>();
  // Asked for together, in ARTIFACT_IDS's order (the generated code's request leaves first); each awaited by what
  // needs it.
  const arrival = new Map(
    wanted.map((id) => [
      id,
      (async () => {
        const started = performance.now();
        try {
          const parsed = ARTIFACT_SCHEMAS[id].safeParse(await page.artifact(id));
          if (parsed.success) (artifacts as Record<ArtifactId, unknown>)[id] = parsed.data;
          else failures.set(id, issuesOf(parsed.error));
        } catch (error) {
          failures.set(id, messageOf(error));
          if (error instanceof TimeoutError) timedOut.set(id, Math.round(error.ms / 1000));
        }
        took.set(id, Math.round(performance.now() - started));
      })(),
    ]),
  );
  /** Runs `group` once the artifacts it needs have arrived; a detector whose artifact failed gets its error. */
  const runOnArrival = async (group: readonly Detector[]) => {
    await Promise.all(group.flatMap((d) => (d.needs ?? []).map((id) => arrival.get(id))));
    const ready = group.filter((d) => (d.needs ?? []).every((id) => artifacts[id]));
    const run = await runDetectors(fast.snapshot, ready, { now, artifacts });
    // A detector's time includes the artifacts it waited for (axe's run in the page is most of it).
    for (const status of run.detectors) {
      const d = ready.find((x) => x.id === status.id)!;
      status.ms += (d.needs ?? []).reduce((sum, id) => sum + (took.get(id) ?? 0), 0);
    }
    for (const d of group) {
      if (ready.includes(d)) continue;
      const id = d.needs!.find((a) => failures.has(a))!;
      run.detectors.push({ id: d.id, status: 'error', error: failures.get(id)!.slice(0, 500), ms: took.get(id) ?? 0 });
    }
    return run;
  };
  // The deferred detectors (RGAA 8.2's validator) run while the page runs axe, as soon as what they need is there:
  // one task first, so that the artifacts' requests have left for the page before the panel's thread is busy.
  const deferred = later.filter((d) => d.deferred);
  let early: Awaited<ReturnType<typeof runDetectors>> | undefined;
  if (deferred.length) {
    await new Promise((r) => setTimeout(r, 0));
    early = await runOnArrival(deferred);
  }
  const run = await runOnArrival(later.filter((d) => !d.deferred));
  if (early) {
    run.findings.unshift(...early.findings);
    run.detectors.unshift(...early.detectors);
  }
  const arrived = new Set(Object.keys(artifacts) as ArtifactId[]);
  const superseded = new Set([...arrived].flatMap((a) => all.flatMap((d) => (d.supersededBy?.[a] ?? []).map((key) => `${d.id}/${key}`))));
  // An element both Loupe and axe judged is reported once (the autoplaying player, the duplicated id).
  const perElement = oneFindingPerElement(fast.evaluation.findings, run.findings);
  const evaluation = withPhase(fast.evaluation, { ...run, findings: perElement.later }, (f) => superseded.has(f.id) || perElement.dropped.has(f.id));
  // A check cut at its bound says what it did not reach.
  const cut = artifacts.axe?.cut ?? (timedOut.has('axe') ? { seconds: timedOut.get('axe')!, rulesNotChecked: ['*'] } : undefined);
  const limits = [...evaluation.limits, ...(cut ? axeCutMessages(cut) : []), ...(artifacts.observation ? observationMessages(artifacts.observation) : [])];
  return limits.length > evaluation.limits.length ? { ...evaluation, limits } : evaluation;
}
