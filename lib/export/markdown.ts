import { GRID } from '../grid/grid';
import { escapeMarkdown as md, markdownUrl } from '../text/markdown';
import { axisLabel, criterionLabel, fr, frenchDate, levelLabel, ratingLabel, severityLabel, verdictLabel } from './fr-labels';
import type { Evaluation } from '../detectors/finding';

// One evaluation as Markdown, to paste into an ENT message or a mail: the verdict and who gave it first, then what
// it rests on. In French, like every export. Everything that came from a page or a person goes through escapeMarkdown.

const MAX_PROBLEMS = 10;

export function evaluationMarkdown(e: Evaluation): string {
  const out: string[] = [`# ${fr('md_title', [md(e.resource.title || e.resource.site)])}`, ''];
  const url = markdownUrl(e.resource.url);
  out.push(`- ${fr('csv_url')} : ${url ?? fr('md_unsafeUrl')}`, `- ${fr('csv_site')} : ${md(e.resource.site)}`);
  if (e.resource.publisher) out.push(`- ${fr('csv_publisher')} : ${md(e.resource.publisher)}`);
  out.push(`- ${fr('csv_inspectedAt')} : ${frenchDate(e.inspectedAt)}`);
  const ctx = [e.context?.level ? levelLabel(e.context.level) : '', e.context?.subject ? md(e.context.subject) : ''].filter(Boolean);
  if (ctx.length) out.push(`- ${fr('md_context')} : ${ctx.join(', ')}`);
  out.push('');

  const v = e.verdict;
  if (v) {
    const by = fr(v.source === 'person' ? 'csv_verdictByPerson' : 'csv_verdictByLoupe');
    out.push(`**${fr('md_verdict', [verdictLabel(v.level), by])}**`);
    if (v.level !== v.suggested) out.push('', fr('eval_suggested', [verdictLabel(v.suggested)]));
    if (v.reason?.trim()) out.push('', `${fr('csv_verdictReason')} : ${md(v.reason)}`);
  } else out.push(`**${fr('md_noVerdict')}**`);
  out.push('');

  const blocking = v?.blocking ?? (e.grid ?? []).filter((c) => c.blocking).map((c) => c.id);
  out.push(`## ${fr('eval_blockingPoints')}`, '');
  out.push(...(blocking.length ? blocking.map((id) => `- ${criterionLabel(id)}`) : [fr('eval_noBlocking')]), '');

  if (v?.scores.length) {
    out.push(`## ${fr('eval_scores')}`, '');
    for (const s of v.scores) out.push(`- ${s.score === null ? fr('eval_scoreNone', [axisLabel(s.axis)]) : fr('eval_score', [axisLabel(s.axis), String(s.score), String(s.rated), String(s.total)])}`);
    out.push('');
  }

  const problems = e.findings.filter((f) => f.severity === 'blocking' || f.severity === 'problem').sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
  out.push(`## ${fr('md_mainProblems')}`, '');
  if (!problems.length) out.push(fr('md_noProblems'));
  for (const f of problems.slice(0, MAX_PROBLEMS)) {
    const note = e.findingNotes?.[f.id]?.trim();
    out.push(`- ${severityLabel(f.severity)} : ${md(f.message)}${note ? ` — ${fr('eval_findingNote')} : ${md(note)}` : ''}`);
  }
  if (problems.length > MAX_PROBLEMS) out.push(`- ${fr('panel_moreEvidence', [String(problems.length - MAX_PROBLEMS)])}`);
  out.push('');

  // The person's ratings that differ from Loupe's, with why: what a colleague most needs to read.
  const order = new Map(GRID.map((c, i) => [c.id, i]));
  const overrides = (e.grid ?? []).filter((c) => c.suggested !== undefined && c.rating !== c.suggested).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  if (overrides.length) {
    out.push(`## ${fr('md_overrides')}`, '');
    for (const c of overrides) {
      out.push(`- ${fr('md_override', [criterionLabel(c.id), ratingLabel(c.rating), ratingLabel(c.suggested!)])}${c.comment?.trim() ? ` — ${md(c.comment)}` : ''}`);
    }
    out.push('');
  }

  const who = [e.author?.name, e.author?.role, e.author?.school].filter((s): s is string => !!s?.trim()).map(md);
  if (who.length) out.push(`${fr('md_evaluatedBy')} : ${who.join(', ')}`, '');
  out.push(`_${fr('md_footer', [md(e.loupeVersion), frenchDate(e.inspectedAt)])}_`);
  return out.join('\n') + '\n';
}

/** Several evaluations, one after the other, separated by a rule. */
export function evaluationsMarkdown(list: readonly Evaluation[]): string {
  return list.map(evaluationMarkdown).join('\n---\n\n');
}
