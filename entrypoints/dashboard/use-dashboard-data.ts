import { useEffect, useMemo, useRef } from 'preact/hooks';
import { indexEvaluations } from '@/lib/consolidate/filter';
import { listConsolidations } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import { listSummaries } from '@/lib/storage/evaluations';
import type { StoredConsolidation } from '@/lib/storage/record';
import { gradedOf, type EvaluationSummary } from '@/lib/storage/read-model';
import { useLiveQuery } from '@/components/use-live-query';
import { useStorageError } from '@/components/use-storage-error';
import { markLoaded } from './paint-marks';

// What the dashboard reads: the finished evaluations' summaries (lib/storage/summary.ts, a few hundred bytes each)
// and the referent's decisions, read again by Dexie whenever an import, a decision, a deletion or another page
// changes them. Whole evaluations are read only for an opened resource and for the exports.

const readAll = async () => {
  const read = await Promise.all([listSummaries(loupeDb()), listConsolidations(loupeDb())]);
  if (read[0].ok && read[1].ok) markLoaded();
  return read;
};

export function useDashboardData() {
  const read = useLiveQuery(readAll, []);
  const [listing, decided] = read ?? [];
  // A failed read keeps what is on screen, with the error said above it.
  const shown = useRef<{ summaries: EvaluationSummary[]; decisions: StoredConsolidation[] }>({ summaries: [], decisions: [] });
  if (listing?.ok) shown.current.summaries = listing.value.summaries;
  if (decided?.ok) shown.current.decisions = decided.value;
  const { summaries, decisions: decisionList } = shown.current;
  const loaded = listing?.ok === true && decided?.ok === true;

  useEffect(() => {
    if (!listing?.ok) return;
    // Summaries rebuilt from their records (an older database) are written back by a read outside the live query,
    // where Dexie allows writes; the live query then reads them as they are.
    if (listing.value.rebuilt > 0) void listSummaries(loupeDb());
  }, [read]);

  const evaluations = useMemo(() => summaries.filter((s) => s.status === 'done').map(gradedOf), [summaries]);
  const index = useMemo(() => indexEvaluations(evaluations), [evaluations]);
  const byId = useMemo(() => new Map(evaluations.map((e) => [e.id, e])), [evaluations]);
  const decisions = useMemo(() => new Map(decisionList.map((d) => [d.url, d.consolidation])), [decisionList]);

  // The error of the last action (an import, a decision…), cleared by the next one that succeeds.
  const { error: actionError, settle } = useStorageError();
  const readError = listing && !listing.ok ? listing.error : decided && !decided.ok ? decided.error : undefined;
  return { loaded, index, byId, decisions, error: actionError ?? readError, settle };
}
