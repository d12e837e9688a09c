import type { LoupeDb } from './db';
import { isCurrentSummary, type EvaluationSummary } from './read-model';
import { attempt, type StorageResult } from './result';

// The dashboard's first screen, read before the rest: the newest resources from the per-resource aggregates (table
// `resources`, read-model.ts ResourceAggregate) and the summaries of their finished evaluations only, so the first
// rows are painted after reading a few dozen rows instead of every summary. The page groups them as it groups the
// whole list (lib/consolidate/group.ts), so these rows are the whole list's first rows, with the same counts.

export interface FirstScreen {
  /** Finished evaluations' summaries of the newest resources (at least `rows` of them, when there are). */
  summaries: EvaluationSummary[];
  /** How many resources there are in all (the list's count, before the rest is read). */
  resources: number;
}

export function firstScreen(db: LoupeDb, rows: number): Promise<StorageResult<FirstScreen>> {
  return attempt(async () => {
    const [newest, resources] = await Promise.all([db.resources.orderBy('last').reverse().limit(rows).toArray(), db.resources.count()]);
    // Resources inspected at the same time as the last one read may come before it in the list (ties go by key):
    // they are read too, so the first rows are the list's whatever the ties.
    const boundary = newest.length === rows ? await db.resources.where('last').equals(newest[rows - 1]!.last).toArray() : [];
    const ids = new Set([...newest, ...boundary].flatMap((a) => a.ids));
    const summaries = (await db.summaries.bulkGet([...ids])).filter((s): s is EvaluationSummary => isCurrentSummary(s) && s.status === 'done');
    return { summaries, resources };
  });
}
