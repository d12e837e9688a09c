import type { Severity, DetectorStatus } from '../model/finding';
import type { Param } from '../model/message';
import { isFrom, type Finding } from '../detectors/finding';
import { minorsLikely } from './context';
import type { UseContext, Rating } from '../model/assessment';
import { GRID, informs, type CriterionDef } from './grid';

// From findings and the context of use to a suggested rating per criterion, with the findings that support it.
// Pure: the panel, the headless audit and the tests call the same function. A suggestion is never final: the grid
// keeps it apart from the person's rating (lib/grid/state.ts).

export interface Reason {
  key: string;
  params: Param[];
}

export interface Suggestion {
  criterion: string;
  /** Absent for the person's criteria: Loupe has nothing to suggest there. */
  rating?: Rating;
  /** Ids of the findings the suggestion rests on: the person sees them one click away. */
  evidence: string[];
  reason: Reason;
  /** A blocking point: shown first, never averaged away, keeps the resource from "recommandée". */
  blocking: boolean;
}

export interface InspectionFacts {
  findings: readonly Finding[];
  detectors: readonly DetectorStatus[];
}

const reason = (key: string, ...params: Param[]): Reason => ({ key: `gridReason_${key}`, params });

/** From worst to best: the rating of several findings together is the worst one. */
const ORDER: readonly Rating[] = ['non-conforme', 'partiel', 'a-verifier', 'conforme', 'non-applicable'];
const worse = (a: Rating, b: Rating): Rating => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b);

/** Per criterion: what a problem weighs, and what silence means once its detectors ran. */
const PROBLEM: Partial<Record<string, Rating>> = { privacy: 'non-conforme', consent: 'non-conforme', 'no-pupil-account': 'non-conforme' };
const SILENT: Partial<Record<string, { rating: Rating; key: string }>> = {
  'access-model': { rating: 'a-verifier', key: 'noPrice' },
  captions: { rating: 'non-applicable', key: 'noMedia' },
};

const FROM_SEVERITY: Record<Severity, Rating> = { blocking: 'non-conforme', problem: 'partiel', review: 'a-verifier', info: 'conforme' };

/** The detectors' reading of a criterion, before any rule of its own. */
function generic(c: CriterionDef, found: readonly Finding[], checked: boolean): Suggestion {
  const evidence = found.map((f) => f.id);
  const blocking = !!c.blocks && found.some((f) => f.severity === 'blocking');
  if (found.some((f) => f.severity === 'blocking')) return { criterion: c.id, rating: 'non-conforme', evidence, reason: reason(blocking ? 'blocking' : 'problem'), blocking };
  let rating: Rating | undefined;
  for (const f of found) {
    const r = f.severity === 'problem' ? (PROBLEM[c.id] ?? 'partiel') : FROM_SEVERITY[f.severity];
    rating = rating ? worse(rating, r) : r;
  }
  if (!checked) {
    return { criterion: c.id, rating: rating ? worse(rating, 'a-verifier') : 'a-verifier', evidence, reason: reason('notChecked'), blocking };
  }
  if (!rating) {
    const silent = SILENT[c.id];
    return { criterion: c.id, rating: silent?.rating ?? 'conforme', evidence, reason: reason(silent?.key ?? 'silent'), blocking };
  }
  const key = { 'non-conforme': 'problem', partiel: 'problem', 'a-verifier': 'review', conforme: 'ok', 'non-applicable': 'silent' }[rating];
  return { criterion: c.id, rating, evidence, reason: reason(key), blocking };
}

const keyOf = (f: Finding) => f.id.slice(f.detector.length + 1);
/** Bytes of the page-weight summary; its data is typed by the detector's schema (lib/detectors/page-weight.ts). */
function bytesOf(f: Finding): number | undefined {
  return isFrom(f, 'page-weight') && f.data?.kind === 'weight' ? f.data.bytes : undefined;
}
function unknownSizesOf(f: Finding): number | undefined {
  return isFrom(f, 'page-weight') && f.data?.kind === 'unknown-sizes' ? f.data.unknownSize : undefined;
}
function ageDaysOf(f: Finding): number | undefined {
  return isFrom(f, 'publisher-dates') && (f.data?.kind === 'updated' || f.data?.kind === 'published') ? (f.data.ageDays ?? undefined) : undefined;
}

/** Per-page weight (all requests): a class of 30 loads it 30 times over the school's shared connection. */
export const WEIGHT_OK_BYTES = 3_000_000;
export const WEIGHT_HEAVY_BYTES = 10_000_000;
/** A resource not updated for five years may no longer match the programmes. */
export const OLD_DAYS = 5 * 365;

type Rule = (s: Suggestion, found: readonly Finding[], ctx: UseContext) => Suggestion;

/** Rules of their own, where the context or a finding's data changes the reading. */
const RULES: Partial<Record<string, Rule>> = {
  'no-pupil-account': (s, found, ctx) => {
    const signup = found.filter((f) => /^(signup-form|signup-link|social-login|birth-date|age-gate)$/.test(keyOf(f))).map((f) => f.id);
    if (ctx.users === 'teacher') return { ...s, rating: 'non-applicable', blocking: false, evidence: signup, reason: reason('teacherOnly') };
    if (ctx.access === 'ent-gar') return { ...s, rating: 'non-applicable', blocking: false, evidence: signup, reason: reason('entGar') };
    if (ctx.access === 'school-accounts') {
      return { ...s, rating: signup.length > 0 ? 'a-verifier' : 'conforme', blocking: false, evidence: signup, reason: reason('schoolAccounts') };
    }
    if (!minorsLikely(ctx)) return { ...s, rating: signup.length > 0 ? 'a-verifier' : s.rating, blocking: false, reason: reason('adults') };
    // "Il est dans tous les cas interdit de demander aux élèves mineurs de créer un compte sur un site" (seed 000):
    // when the person says pupils would create the account, it blocks even if the page offers a class code.
    if (ctx.access === 'pupil-accounts') return { ...s, rating: 'non-conforme', blocking: true, evidence: signup, reason: reason('pupilAccounts') };
    return s;
  },
  gar: (s, found, ctx) => garReading(s, found, ctx),
  connector: (s, found, ctx) => garReading(s, found, ctx),
  weight: (s, found) => {
    const summary = found.find((f) => bytesOf(f) !== undefined);
    const bytes = summary && bytesOf(summary);
    if (bytes === undefined) return s;
    const rating: Rating = bytes <= WEIGHT_OK_BYTES ? 'conforme' : bytes <= WEIGHT_HEAVY_BYTES ? 'partiel' : 'non-conforme';
    // Sizes the browser did not give (cross-origin resources without Timing-Allow-Origin) may hide the weight.
    const unknown = found.map(unknownSizesOf).find((n) => n !== undefined) ?? 0;
    if (rating === 'conforme' && unknown > 0) {
      return { ...s, rating: 'a-verifier', evidence: found.map((f) => f.id), reason: reason('weightUnknown', { bytes }, { count: unknown }) };
    }
    return { ...s, rating, evidence: [summary!.id], reason: reason(rating === 'conforme' ? 'weightLight' : 'weightHeavy', { bytes }) };
  },
  dates: (s, found) => {
    const ages = found.map(ageDaysOf).filter((d): d is number => d !== undefined);
    if (ages.length === 0 || Math.min(...ages) <= OLD_DAYS) return s;
    return { ...s, rating: 'partiel', reason: reason('old', { count: Math.floor(Math.min(...ages) / 365) }) };
  },
};

function garReading(s: Suggestion, found: readonly Finding[], ctx: UseContext): Suggestion {
  const strong = found.filter((f) => /^(mark|access)$/.test(keyOf(f)));
  if (strong.length > 0) return { ...s, rating: 'conforme', evidence: strong.map((f) => f.id), reason: reason('garFound') };
  const mention = found.filter((f) => keyOf(f) === 'mention');
  if (mention.length > 0) return { ...s, rating: 'a-verifier', evidence: mention.map((f) => f.id), reason: reason('garMention') };
  return { ...s, rating: 'a-verifier', reason: reason(ctx.access === 'ent-gar' ? 'garNotFoundEnt' : 'garNotFound') };
}

export function suggestCriterion(c: CriterionDef, facts: InspectionFacts, ctx: UseContext): Suggestion {
  if (c.person) return { criterion: c.id, evidence: [], reason: reason('person'), blocking: false };
  const found = facts.findings.filter((f) => informs(c, f));
  const ran = new Set(facts.detectors.filter((d) => d.status === 'ok').map((d) => d.id));
  const checked = c.informedBy.every((i) => i.onRequest || ran.has(i.detector));
  const base = generic(c, found, checked);
  return RULES[c.id]?.(base, found, ctx) ?? base;
}

/** The whole grid's suggestions, in the grid's order. */
export function suggestGrid(facts: InspectionFacts, ctx: UseContext): Suggestion[] {
  return GRID.map((c) => suggestCriterion(c, facts, ctx));
}
