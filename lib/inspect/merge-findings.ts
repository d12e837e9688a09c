import { AUTOPLAY_KEY_PREFIX } from '../detectors/a11y-autoplay';
import { isFrom, type Finding, type FindingOf } from '../detectors/finding';
import { worded } from '../i18n/format';
import { SEVERITY_RANK } from '../model/finding';

// When axe has run, one fault on one element is said once, not by Loupe and by axe: an autoplaying player judged by
// both keeps the more severe verdict (Loupe's per-element finding when equal, it carries the duration); duplicate
// ids that Loupe has already judged leave axe's "to check" on the same ids. The pipeline applies this to the axe
// phase (lib/inspect/pipeline.ts); what axe settles by key alone is the fast detectors' `supersededBy`.


type AxeRuleFinding = FindingOf<'axe'> & { data: Extract<FindingOf<'axe'>['data'], { kind: 'violation' | 'incomplete' }> };
type AxeNode = AxeRuleFinding['data']['nodes'][number];

const isAxeRule = (f: Finding, rule: string): f is AxeRuleFinding =>
  isFrom(f, 'axe') && f.data !== undefined && f.data.kind !== 'summary' && f.data.rule === rule;

const startTagOf = (html: string) => (/^<[^>]*>/.exec(html)?.[0] ?? html).replace(/\s+/g, ' ').trim();
const idOf = (html: string) => /^<[^>]*\sid="([^"]*)"/.exec(html)?.[1];

function sameElement(f: Finding, node: AxeNode): boolean {
  return f.evidence.some((e) => (e.selector !== undefined && e.selector === node.selector) || (e.snippet !== undefined && startTagOf(e.snippet) === startTagOf(node.html)));
}

/** An axe finding without some of its nodes, counted again; none left, no finding. */
function withoutNodes(f: AxeRuleFinding, drop: (n: AxeNode) => boolean): AxeRuleFinding | null {
  const nodes = f.data.nodes;
  const kept = nodes.filter((n) => !drop(n));
  if (kept.length === nodes.length) return f;
  if (kept.length === 0) return null;
  const keptSelectors = new Set(kept.map((n) => n.selector));
  const count = Math.max(kept.length, f.data.nodeCount - (nodes.length - kept.length));
  return {
    ...f,
    ...worded(f.messageKey, f.params.map((p, i) => (i === 1 ? { count } : p))),
    evidence: f.evidence.filter((e) => e.selector === undefined || keptSelectors.has(e.selector)),
    data: { ...f.data, nodes: kept, nodeCount: count },
  };
}

/**
 * The axe phase's findings with the elements Loupe already judged taken out, and the ids of the fast findings that
 * give way to axe's more severe verdict on their element.
 */
export function oneFindingPerElement(fast: readonly Finding[], later: readonly Finding[]): { later: Finding[]; dropped: Set<string> } {
  const players = fast.filter((f) => isFrom(f, 'a11y-autoplay') && f.id.startsWith(`a11y-autoplay/${AUTOPLAY_KEY_PREFIX}`));
  const dropped = new Set<string>();
  let out = later.flatMap((f): Finding[] => {
    if (!isAxeRule(f, 'no-autoplay-audio')) return [f];
    const merged = withoutNodes(f, (node) => {
      const mine = players.find((p) => sameElement(p, node));
      if (!mine) return false;
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[mine.severity]) {
        dropped.add(mine.id);
        return false;
      }
      return true;
    });
    return merged ? [merged] : [];
  });

  const judgedIds = new Set(fast.flatMap((f) => (isFrom(f, 'a11y-duplicate-id') && f.data ? f.data.ids : [])));
  if (judgedIds.size > 0) {
    out = out.flatMap((f): Finding[] => {
      if (!isAxeRule(f, 'duplicate-id-aria') || f.data.kind !== 'incomplete') return [f];
      const merged = withoutNodes(f, (n) => judgedIds.has(idOf(n.html) ?? ''));
      return merged ? [merged] : [];
    });
  }
  return { later: out, dropped };
}
