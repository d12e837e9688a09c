import type { Finding } from '../export/schema';
import { AXE_DETECTOR_ID } from './axe-findings';

// Once axe has run, Loupe's fast accessibility findings and axe's are merged so that one fault on one element is
// said once: the fast guesses axe decides with more nuance give way; an autoplaying player judged by both keeps
// the more severe verdict (Loupe's per-element finding when equal, it carries the duration); duplicate ids that
// Loupe has already judged leave axe's "to check" on the same ids.

/** Fast findings that an axe rule decides with more nuance: once axe has run, its verdict (and evidence) stands. */
const DECIDED_BY_AXE = new Set(['a11y-lang/missing', 'a11y-zoom/blocked']);
const RANK = { blocking: 3, problem: 2, review: 1, info: 0 } as const;

interface AxeNode {
  selector: string;
  inFrame: boolean;
  html: string;
}

const startTagOf = (html: string) => (/^<[^>]*>/.exec(html)?.[0] ?? html).replace(/\s+/g, ' ').trim();
const idOf = (html: string) => /^<[^>]*\sid="([^"]*)"/.exec(html)?.[1];

function sameElement(f: Finding, node: AxeNode): boolean {
  return f.evidence.some((e) => (e.selector !== undefined && e.selector === node.selector) || (e.snippet !== undefined && startTagOf(e.snippet) === startTagOf(node.html)));
}

/** An axe finding without some of its nodes; none left, no finding. */
function withoutNodes(f: Finding, drop: (n: AxeNode) => boolean): Finding | null {
  const nodes = (f.data?.nodes as AxeNode[] | undefined) ?? [];
  const kept = nodes.filter((n) => !drop(n));
  if (kept.length === nodes.length) return f;
  if (kept.length === 0) return null;
  const keptSelectors = new Set(kept.map((n) => n.selector));
  const count = Math.max(kept.length, Number(f.data?.nodeCount ?? 0) - (nodes.length - kept.length));
  return {
    ...f,
    params: f.params.map((p, i) => (i === 1 ? String(count) : p)),
    evidence: f.evidence.filter((e) => e.selector === undefined || keptSelectors.has(e.selector)),
    data: { ...f.data, nodes: kept, nodeCount: count },
  };
}

export function mergeWithAxe(fast: readonly Finding[], axe: readonly Finding[]): Finding[] {
  let loupe = fast.filter((f) => !DECIDED_BY_AXE.has(f.id));
  let fromAxe: Finding[] = [...axe];

  const players = loupe.filter((f) => f.detector === 'a11y-autoplay' && f.id.startsWith('a11y-autoplay/sound:'));
  const dropPlayers = new Set<string>();
  fromAxe = fromAxe.flatMap((f) => {
    if (f.detector !== AXE_DETECTOR_ID || f.data?.rule !== 'no-autoplay-audio') return [f];
    const merged = withoutNodes(f, (node) => {
      const mine = players.find((p) => sameElement(p, node));
      if (!mine) return false;
      if (RANK[f.severity] > RANK[mine.severity]) {
        dropPlayers.add(mine.id);
        return false;
      }
      return true;
    });
    return merged ? [merged] : [];
  });
  loupe = loupe.filter((f) => !dropPlayers.has(f.id));

  const judgedIds = new Set(loupe.filter((f) => f.id === 'a11y-duplicate-id/referenced').flatMap((f) => (f.data?.ids as string[] | undefined) ?? []));
  if (judgedIds.size > 0) {
    fromAxe = fromAxe.flatMap((f) => {
      if (f.id !== `${AXE_DETECTOR_ID}/incomplete:duplicate-id-aria`) return [f];
      const merged = withoutNodes(f, (n) => judgedIds.has(idOf(n.html) ?? ''));
      return merged ? [merged] : [];
    });
  }
  return [...loupe, ...fromAxe];
}
