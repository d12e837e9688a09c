import { formatWith } from '../i18n/format';
import type { Criterion, EvaluationVerdict, UseContext, Rating, VerdictLevel } from '../model/assessment';
import type { Evaluation } from '../detectors/finding';
import { GRID } from './grid';
import { suggestGrid, type InspectionFacts, type Suggestion } from './suggest';
import { applyRules, axisScores, blockingPoints } from './verdict';

// The grid of one evaluation as it changes: built from the suggestions, re-suggested when the context changes,
// confirmed or overridden criterion by criterion. Pure functions over plain records, so the panel, the audit and
// the tests share them. The person's ratings survive a new suggestion; Loupe's do not.

const axisOf = new Map(GRID.map((c) => [c.id, c.axis]));

function fromSuggestion(s: Suggestion, previous?: Criterion): Criterion {
  const base = {
    id: s.criterion,
    axis: axisOf.get(s.criterion)!,
    ...(s.rating ? { suggested: s.rating } : {}),
    findingIds: s.evidence,
    reason: s.reason,
    reasonText: formatWith('fr', s.reason.key, s.reason.params),
    blocking: s.blocking,
  };
  if (previous?.source === 'person') {
    return { ...base, rating: previous.rating, source: 'person', ...(previous.comment ? { comment: previous.comment } : {}) };
  }
  return { ...base, rating: s.rating ?? 'a-verifier', source: 'detector', ...(previous?.comment ? { comment: previous.comment } : {}) };
}

/** Every criterion from the suggestions; with `previous`, the person's ratings and comments are kept. */
export function suggestedGrid(facts: InspectionFacts, ctx: UseContext, previous: readonly Criterion[] = []): Criterion[] {
  const byId = new Map(previous.map((c) => [c.id, c]));
  return suggestGrid(facts, ctx).map((s) => fromSuggestion(s, byId.get(s.criterion)));
}

/** The person's rating of one criterion. A rating other than the suggestion needs the comment saying why. */
export function rate(grid: readonly Criterion[], id: string, rating: Rating, comment?: string): Criterion[] {
  return grid.map((c) => (c.id === id ? { ...c, rating, source: 'person' as const, ...(comment !== undefined ? { comment } : {}) } : c));
}

export function setComment(grid: readonly Criterion[], id: string, comment: string): Criterion[] {
  return grid.map((c) => (c.id === id ? { ...c, comment } : c));
}

/** The person accepts Loupe's suggestion: it becomes theirs. */
export function confirm(grid: readonly Criterion[], id: string): Criterion[] {
  return grid.map((c) => (c.id === id && c.suggested ? { ...c, rating: c.suggested, source: 'person' as const } : c));
}

/** Criteria whose override still lacks a comment: the grid cannot be saved as final with them. */
export function missingComments(grid: readonly Criterion[]): string[] {
  return grid.filter((c) => c.source === 'person' && c.suggested !== undefined && c.rating !== c.suggested && !c.comment?.trim()).map((c) => c.id);
}

/** The suggested verdict from the rules; the person's own verdict, if any, is kept with its reason. */
export function decideVerdict(grid: readonly Criterion[], person?: { level: VerdictLevel; reason?: string }): EvaluationVerdict {
  const rule = applyRules(grid);
  const own = person && person.level !== rule.verdict ? person : undefined;
  return {
    suggested: rule.verdict,
    level: own?.level ?? rule.verdict,
    source: own ? 'person' : 'detector',
    rule: rule.id,
    blocking: blockingPoints(grid),
    ...(own?.reason ? { reason: own.reason } : person?.reason ? { reason: person.reason } : {}),
    scores: axisScores(grid),
  };
}

/** The headless audit's reading on the grid: every rating and the verdict are Loupe's suggestions, none the person's. */
export function withSuggestedGrid(evaluation: Evaluation, ctx: UseContext = {}): Evaluation {
  const grid = suggestedGrid(evaluation, ctx);
  return { ...evaluation, context: ctx, grid, verdict: decideVerdict(grid) };
}
