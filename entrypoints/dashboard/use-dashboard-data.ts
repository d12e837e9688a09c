import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { indexEvaluations } from '@/lib/consolidate/filter';
import { listConsolidations } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import { listSummaries } from '@/lib/storage/evaluations';
import { firstScreen } from '@/lib/storage/first-screen';
import type { StoredConsolidation } from '@/lib/storage/record';
import { gradedOf, type EvaluationSummary } from '@/lib/storage/read-model';
import { useLiveQuery } from '@/components/use-live-query';
import { useStorageError } from '@/components/use-storage-error';
import { markLoaded } from './paint-marks';

// What the dashboard reads: first its first screen (lib/storage/first-screen.ts: the newest resources' aggregates and
// their evaluations' summaries), painted at once; then, once that is on screen, every finished evaluation's summary
// (a few hundred bytes each) for the filters, the search and the rest of the list; and the referent's decisions. Both
// are read again by Dexie whenever an import, a decision, a deletion or another page changes them; while an import
// runs, the whole read waits for its end (re-reading 10,000 summaries after each file would hold the page), and the
// list shows what it showed. Whole evaluations are read only for an opened resource and for the exports.

/** Resources read for the first screen: more than the list shows in its first view (12 rows with its overscan). */
const FIRST_ROWS = 20;

const readFirst = async () => {
  const read = await Promise.all([firstScreen(loupeDb(), FIRST_ROWS), listConsolidations(loupeDb())]);
  if (read[0].ok && read[1].ok) markLoaded();
  return read;
};
const readAll = () => Promise.all([listSummaries(loupeDb()), listConsolidations(loupeDb())]);

export function useDashboardData(importing = false) {
  const [wantAll, setWantAll] = useState(false);
  const all = useLiveQuery(wantAll && !importing ? readAll : undefined, [wantAll, importing]);
  const whole = all?.[0]?.ok === true;
  // The first screen is read until the whole list is there (then it would only read again what is already shown).
  const first = useLiveQuery(whole ? undefined : readFirst, [whole]);
  useEffect(() => {
    if (!first || wantAll) return;
    // After the first screen's paint: requestAnimationFrame runs before it, the task after it once it is on screen;
    // one task later still, so the list's paint mark (paint-marks.ts, queued in the same frame) comes first.
    const id = requestAnimationFrame(() => setTimeout(() => setTimeout(() => setWantAll(true))));
    return () => cancelAnimationFrame(id);
  }, [first, wantAll]);

  const [listing, decided] = whole ? all! : [undefined, (first ?? all)?.[1]];
  const screen = whole ? undefined : first?.[0];
  // A failed read keeps what is on screen, with the error said above it.
  const shown = useRef<{ summaries: EvaluationSummary[]; decisions: StoredConsolidation[]; resources?: number }>({ summaries: [], decisions: [] });
  if (listing?.ok) shown.current = { ...shown.current, summaries: listing.value.summaries, resources: undefined };
  else if (screen?.ok) shown.current = { ...shown.current, summaries: screen.value.summaries, resources: screen.value.resources };
  if (decided?.ok) shown.current.decisions = decided.value;
  const { summaries, decisions: decisionList, resources } = shown.current;
  const loaded = (listing?.ok === true || screen?.ok === true) && decided?.ok === true;

  useEffect(() => {
    if (!listing?.ok) return;
    // Summaries rebuilt from their records (an older database) are written back by a read outside the live query,
    // where Dexie allows writes; the live query then reads them as they are.
    if (listing.value.rebuilt > 0) void listSummaries(loupeDb());
  }, [all]);

  const evaluations = useMemo(() => summaries.filter((s) => s.status === 'done').map(gradedOf), [summaries]);
  const index = useMemo(() => indexEvaluations(evaluations), [evaluations]);
  const byId = useMemo(() => new Map(evaluations.map((e) => [e.id, e])), [evaluations]);
  const decisions = useMemo(() => new Map(decisionList.map((d) => [d.url, d.consolidation])), [decisionList]);

  // The error of the last action (an import, a decision…), cleared by the next one that succeeds.
  const { error: actionError, settle } = useStorageError();
  const failed = [listing, screen, decided].find((r) => r && !r.ok);
  const readError = failed && !failed.ok ? failed.error : undefined;
  /** Set while only the first screen is read: how many resources the whole list has. */
  const partial = resources === undefined ? undefined : { resources };
  return { loaded, index, byId, decisions, partial, error: actionError ?? readError, settle };
}
