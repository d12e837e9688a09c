import type { Evaluation } from '../detectors/finding';
import { fold } from './fold';

// Who evaluated: the export's author is optional and typed by hand, so identity is the folded name and school.
// An evaluation whose author left both out cannot be tied to anyone else's: it counts as its own anonymous
// evaluator (counting it with another anonymous one would invent an agreement, or a disagreement, within one person).

export interface Evaluator {
  /** Stable key: `person:<name>|<school>` folded, or `anonymous:<evaluation id>`. */
  key: string;
  anonymous: boolean;
  /** As typed in the most recent evaluation seen by the caller (display only). */
  name?: string;
  school?: string;
}

// Folding and date parsing cost microseconds, and grouping, spreads, agreement and blocking points each ask again
// for the same evaluations: cached per evaluation object (evaluations are not mutated once loaded).
const keys = new WeakMap<object, string>();
const times = new WeakMap<object, number>();

export function evaluatorKey(e: Pick<Evaluation, 'id' | 'author'>): string {
  let k = keys.get(e);
  if (k === undefined) keys.set(e, (k = computeKey(e)));
  return k;
}

// And by what the author typed: a few hundred people write thousands of evaluations, so the same name and school
// come back to be folded; bounded, as a page may stay open while files are imported.
const personKeys = new Map<string, string>();

function computeKey(e: Pick<Evaluation, 'id' | 'author'>): string {
  const typed = `${e.author?.name ?? ''}\u0000${e.author?.school ?? ''}`;
  let person = personKeys.get(typed);
  if (person === undefined) {
    const name = fold(e.author?.name);
    const school = fold(e.author?.school);
    person = name || school ? `person:${name}|${school}` : '';
    if (personKeys.size >= 10_000) personKeys.clear();
    personKeys.set(typed, person);
  }
  return person || `anonymous:${e.id}`;
}

export function evaluatorOf(e: Pick<Evaluation, 'id' | 'author'>): Evaluator {
  const key = evaluatorKey(e);
  const name = e.author?.name?.trim() || undefined;
  const school = e.author?.school?.trim() || undefined;
  return { key, anonymous: key.startsWith('anonymous:'), ...(name ? { name } : {}), ...(school ? { school } : {}) };
}

export function inspectedTime(e: Pick<Evaluation, 'inspectedAt'>): number {
  let t = times.get(e);
  if (t === undefined) times.set(e, (t = Date.parse(e.inspectedAt)));
  return t;
}

/** Newest first; ties by id, so the order never depends on the input's. */
export function newestFirst<T extends Pick<Evaluation, 'id' | 'inspectedAt'>>(list: readonly T[]): T[] {
  return list
    .map((e) => ({ e, t: inspectedTime(e) }))
    .sort((a, b) => b.t - a.t || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0))
    .map((x) => x.e);
}

/**
 * The latest evaluation of each evaluator, newest first. A teacher who inspected the resource again has changed
 * their mind or the resource changed: their earlier ratings are history, not a second opinion, so agreement and
 * spreads read only the latest.
 */
export function latestPerEvaluator<T extends Pick<Evaluation, 'id' | 'inspectedAt' | 'author'>>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const e of newestFirst(list)) {
    const k = evaluatorKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}
