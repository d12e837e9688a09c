import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Evaluation } from '@/lib/detectors/finding';
import type { Screenshot, UseContext, Axis, Rating, VerdictLevel } from '@/lib/model/assessment';
import { confirm, decideVerdict, missingComments, rate, setComment, suggestedGrid } from '@/lib/grid/state';
import { loupeDb } from '@/lib/storage/db';
import type { StorageError } from '@/lib/storage/errors';
import { getEvaluation, historyOf, latestOf, saveEvaluation, type History } from '@/lib/storage/evaluations';
import type { StoredEvaluation } from '@/lib/storage/record';
import { withInspection } from '@/lib/model/evaluation';
import { academiePolicy } from './policy';

// One evaluation being filled in: started from an inspection (or resumed from its draft), or opened from
// "Mes évaluations". Every change is saved as a draft shortly after the person stops typing; a failed save keeps
// everything on screen and says why, and the next change tries again.

export type EvaluationSource = { kind: 'inspection'; evaluation: Evaluation } | { kind: 'stored'; id: string };

export interface SaveState {
  state: 'idle' | 'saving' | 'saved' | 'error';
  at?: number;
  error?: StorageError;
}

const SAVE_DELAY_MS = 400;

/** The grid and the verdict of a fresh evaluation: Loupe's suggestions only. */
export function startEvaluation(inspection: Evaluation, ctx: UseContext = {}): Evaluation {
  const grid = suggestedGrid(inspection, ctx);
  return { ...inspection, context: ctx, grid, verdict: decideVerdict(grid) };
}

/** The verdict follows the grid; the person's own verdict stays theirs. */
function withVerdict(e: Evaluation): Evaluation {
  const own = e.verdict?.source === 'person' ? { level: e.verdict.level, reason: e.verdict.reason } : undefined;
  return { ...e, verdict: decideVerdict(e.grid ?? [], own) };
}

export function useEvaluation(source: EvaluationSource | undefined, newId: () => string) {
  const [evaluation, setEvaluation] = useState<Evaluation | undefined>();
  const [status, setStatus] = useState<StoredEvaluation['status']>('draft');
  const [resumedFrom, setResumedFrom] = useState<number | undefined>();
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [history, setHistory] = useState<History>({ same: [], site: [] });
  const [loadError, setLoadError] = useState<StorageError | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<Evaluation | undefined>(undefined);

  const write = useCallback(async (e: Evaluation, as: StoredEvaluation['status']) => {
    setSave({ state: 'saving' });
    const r = await saveEvaluation(loupeDb(), e, as, Date.now());
    setSave(r.ok ? { state: 'saved', at: r.value.updatedAt } : { state: 'error', error: r.error });
    return r.ok;
  }, []);

  const flush = useCallback(() => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    if (latest.current) void write(latest.current, 'draft');
  }, [write]);

  // Load or start the evaluation for this source.
  const sourceKey = source?.kind === 'stored' ? `stored:${source.id}` : source ? `inspection:${source.evaluation.resource.url}` : '';
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    void (async () => {
      const db = loupeDb();
      let record: StoredEvaluation | undefined;
      if (source.kind === 'stored') {
        const r = await getEvaluation(db, source.id);
        if (!r.ok) return !cancelled && setLoadError(r.error);
        record = r.value;
      } else {
        const r = await latestOf(db, source.evaluation.resource.url);
        if (r.ok) record = r.value;
        else setLoadError(r.error);
      }
      if (cancelled) return;
      if (record) {
        setEvaluation(record.evaluation);
        latest.current = record.evaluation;
        setStatus(record.status);
        setResumedFrom(source.kind === 'inspection' ? record.updatedAt : undefined);
      } else if (source.kind === 'inspection') {
        // A new evaluation starts from the académie's default context of use, when its policy sets one.
        const { policy } = await academiePolicy();
        if (cancelled) return;
        const fresh = startEvaluation(source.evaluation, policy.defaultContext ?? {});
        setEvaluation(fresh);
        latest.current = fresh;
        setStatus('draft');
        void write(fresh, 'draft');
      }
    })();
    return () => {
      cancelled = true;
    };
    // Only sourceKey, on purpose: it names the source, while the inspection object changes when accessibility results
    // arrive (handled below, without starting over).
  }, [sourceKey]);

  // Accessibility results arrive after the fast findings: a draft of this same inspection takes them in.
  const inspection = source?.kind === 'inspection' ? source.evaluation : undefined;
  useEffect(() => {
    const e = latest.current;
    if (!inspection || !e || e.id !== inspection.id || e.findings === inspection.findings) return;
    // The inspection's part is replaced as a whole (lib/model/evaluation.ts); the person's part stays theirs.
    const next = withInspection(e, inspection);
    update({ ...next, grid: suggestedGrid(next, e.context ?? {}, e.grid) });
    // Only the inspection: the draft is read from a ref, so a person's edits do not run this again.
  }, [inspection]);

  const resourceUrl = evaluation?.resource.url;
  const evaluationId = evaluation?.id;
  useEffect(() => {
    if (!resourceUrl) return;
    void historyOf(loupeDb(), resourceUrl, evaluationId).then((r) => r.ok && setHistory(r.value));
  }, [resourceUrl, evaluationId, save.state === 'saved' && status]);

  // Leaving the page (closing the side panel) saves what the person just typed.
  useEffect(() => {
    const onHide = () => flush();
    addEventListener('pagehide', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      flush();
    };
  }, [flush]);

  function update(next: Evaluation) {
    const e = withVerdict(next);
    latest.current = e;
    setEvaluation(e);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void write(e, status === 'done' ? 'done' : 'draft');
    }, SAVE_DELAY_MS);
  }

  const current = () => latest.current!;
  const actions = {
    setContext(ctx: UseContext) {
      const e = current();
      update({ ...e, context: ctx, grid: suggestedGrid(e, ctx, e.grid) });
    },
    setAuthor(author: NonNullable<Evaluation['author']>) {
      const kept = Object.fromEntries(Object.entries(author).filter(([, v]) => v && v.trim() !== ''));
      const { author: _old, ...rest } = current();
      update(Object.keys(kept).length > 0 ? { ...rest, author: kept } : rest);
    },
    rate(id: string, rating: Rating) {
      update({ ...current(), grid: rate(current().grid ?? [], id, rating) });
    },
    confirm(id: string) {
      update({ ...current(), grid: confirm(current().grid ?? [], id) });
    },
    confirmAxis(axis: Axis) {
      let grid = current().grid ?? [];
      for (const c of grid) if (c.axis === axis && c.source === 'detector' && c.suggested) grid = confirm(grid, c.id);
      update({ ...current(), grid });
    },
    comment(id: string, text: string) {
      update({ ...current(), grid: setComment(current().grid ?? [], id, text) });
    },
    findingNote(findingId: string, text: string) {
      update({ ...current(), findingNotes: { ...current().findingNotes, [findingId]: text } });
    },
    addScreenshot(s: Screenshot) {
      update({ ...current(), screenshots: [...(current().screenshots ?? []), s] });
    },
    removeScreenshot(id: string) {
      update({ ...current(), screenshots: (current().screenshots ?? []).filter((s) => s.id !== id) });
    },
    setVerdict(level: VerdictLevel, reason: string) {
      const e = current();
      update({ ...e, verdict: { ...e.verdict!, level, reason, source: level === e.verdict?.suggested ? 'detector' : 'person' } });
    },
    /** Marks the evaluation done; refused (and said why) while an override lacks its comment. */
    async finish(): Promise<boolean> {
      clearTimeout(timer.current);
      timer.current = undefined;
      const ok = await write(current(), 'done');
      if (ok) setStatus('done');
      return ok;
    },
    /** A new evaluation from the current inspection, leaving the draft or the saved one in the history. */
    startNew() {
      if (source?.kind !== 'inspection') return;
      flush();
      // The same person starting again: their context and who they are carry over, their ratings do not.
      const author = current()?.author;
      const fresh = startEvaluation({ ...source.evaluation, id: newId(), ...(author ? { author } : {}) }, current()?.context ?? {});
      latest.current = fresh;
      setEvaluation(fresh);
      setStatus('draft');
      setResumedFrom(undefined);
      void write(fresh, 'draft');
    },
  };

  const pending = evaluation ? missingComments(evaluation.grid ?? []) : [];
  return { evaluation, status, resumedFrom, save, history, loadError, pending, actions };
}

export type EvaluationWork = ReturnType<typeof useEvaluation>;
export type EvaluationActions = EvaluationWork['actions'];
