import axe from 'axe-core';
import fr from 'axe-core/locales/fr.json';
import { AXE_LIMITS } from './limits';
import { cspSafeLocale } from './locale';
import { SLOW_RULES } from './slow-rules';

// Runs in the inspected page (isolated world), bundled into the axe content script only. No zod here: the result is
// cut to AXE_LIMITS and parsed again on arrival (lib/a11y/artifact.ts), since the page can tamper with it.

/** Rules off by default in axe that Loupe turns on: AAA contrast and refresh (shown as information), orientation. */
export const EXTRA_RULES = ['color-contrast-enhanced', 'meta-refresh-no-exceptions', 'css-orientation-lock'] as const;

function clipText(s: string | undefined, max: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

type Target = (string | string[])[];

function compactRule(r: axe.Result) {
  return {
    id: clipText(r.id, 100),
    impact: r.impact ?? null,
    tags: r.tags.slice(0, AXE_LIMITS.tags).map((t) => clipText(t, 60)),
    help: clipText(r.help, 500),
    nodeCount: r.nodes.length,
    nodes: r.nodes.slice(0, AXE_LIMITS.nodes).map((n) => ({
      target: (n.target as unknown as Target).slice(0, AXE_LIMITS.frameDepth).map((part) =>
        Array.isArray(part) ? part.slice(0, AXE_LIMITS.frameDepth).map((p) => clipText(p, AXE_LIMITS.selector)) : clipText(part, AXE_LIMITS.selector),
      ),
      html: clipText(n.html, AXE_LIMITS.html),
      failureSummary: clipText(n.failureSummary, AXE_LIMITS.summary),
      impact: n.impact ?? null,
    })),
  };
}


/** axe's refresh rules (RGAA 13.1): they judge every meta refresh of the document. */
const REFRESH_RULES = new Set(['meta-refresh', 'meta-refresh-no-exceptions']);

/**
 * The meta refresh a browser follows: the first one whose delay is a number (HTML's "will declaratively refresh";
 * the delay read as axe reads it). Any later one is never acted on, so it cannot make the page refresh.
 */
function followedRefresh(doc: Document): Element | null {
  for (const meta of Array.from(doc.querySelectorAll('meta[http-equiv][content]'))) {
    if (meta.getAttribute('http-equiv')!.toLowerCase() !== 'refresh') continue;
    if (/^[0-9.]+$/.test((meta.getAttribute('content') ?? '').trim().split(/[;,\s]/)[0]!)) return meta;
  }
  return null;
}

/** A refresh rule's result without the meta elements of this document that the browser never follows. */
export function withoutUnfollowedRefresh(r: axe.Result, doc: Document): axe.Result {
  if (!REFRESH_RULES.has(r.id)) return r;
  const followed = followedRefresh(doc);
  const nodes = r.nodes.filter((n) => {
    const target = n.target as unknown as Target;
    // In a frame: that frame's own document decides, as axe found it.
    if (target.length !== 1 || typeof target[0] !== 'string') return true;
    let el: Element | null = null;
    try {
      el = doc.querySelector(target[0]);
    } catch {
      return true;
    }
    return !el || el === followed;
  });
  return nodes.length === r.nodes.length ? r : { ...r, nodes };
}

export interface PageRunOptions {
  /** Origins of the frames Loupe injected axe into: only they may answer the top frame (never "any origin"). */
  allowedOrigins: string[];
  /** How long to wait for one frame's answer; past it, axe names the frame (rule frame-tested). */
  frameWaitMs: number;
}

type Compact = ReturnType<typeof compactRule>;
interface Partial {
  started: number;
  violations: Compact[];
  incomplete: Compact[];
  passes: number;
  inapplicable: number;
  /** Rules run so far; the others are "not checked" if the run is cut. */
  checked: string[];
}
let partial: Partial | undefined;

/** What the run has found so far: read by the extension when the run passed its bound. */
export function readPartial() {
  return partial ? artifactOf(partial, false) : null;
}

function artifactOf(p: Partial, complete: boolean) {
  return {
    engine: `axe-core ${axe.version}`,
    url: location.href,
    ms: Math.round(performance.now() - p.started),
    violations: p.violations.slice(0, AXE_LIMITS.rules),
    incomplete: p.incomplete.slice(0, AXE_LIMITS.rules),
    passes: p.passes,
    inapplicable: p.inapplicable,
    ...(complete ? {} : { checked: p.checked.slice(0, AXE_LIMITS.rules) }),
  };
}

/**
 * In a sub-frame, at injection: axe there answers its ancestors only (location.ancestorOrigins, given by the
 * browser), in French. Where the browser does not give them (Firefox), the same origin only.
 */
export function configureFrame() {
  const ancestors = Array.from((location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins ?? []).filter((o) => o !== 'null');
  axe.configure({ locale: cspSafeLocale(fr), allowedOrigins: ancestors.length ? ancestors : ['<same_origin>'] });
}

/** Whether axe, as configured here (allowedOrigins), may hear a frame message from `origin`. */
export function originAllowed(origin: string): boolean {
  const allowed = (axe as unknown as { _audit?: { allowedOrigins?: string[] } })._audit?.allowedOrigins ?? [];
  return allowed.includes('*') || allowed.includes(origin) || (allowed.includes('<same_origin>') && origin === location.origin);
}

/** axe's rules that need the page's style sheets read (its "cssom" asset): orientation locked by CSS (RGAA 13.9). */
const CSSOM_RULES = ['css-orientation-lock'] as const;

type AxeAudit = { rules: { id: string; enabled: boolean; tags: string[] }[]; tagExclude?: string[] };

/**
 * The rules Loupe runs: those a plain axe.run runs (enabled, and not tagged with what axe leaves out by default, its
 * tagExclude: experimental rules, which may give false alarms, such as table-fake-caption taking a header cell that
 * spans the table for a caption; deprecated ones), plus Loupe's extra ones. A list of rules given to axe.run runs
 * every rule named, experimental or not: hence the filter.
 */
export function rulesToRun(audit: AxeAudit, extra: ReadonlySet<string>): string[] {
  const excluded = audit.tagExclude ?? ['experimental', 'deprecated'];
  return audit.rules.filter((r) => extra.has(r.id) || (r.enabled && !r.tags.some((t) => excluded.includes(t)))).map((r) => r.id);
}

/**
 * Whether axe can read the document's style sheets without fetching anything. axe fetches again, from the page's
 * origin, every sheet it cannot read (another origin's), every @import and every style sheet link in a shadow root;
 * Loupe never lets it. A page whose sheets are all readable in place and import nothing is read as it stands.
 */
export function cssomReadableInPlace(doc: Document): boolean {
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList | null;
    try {
      rules = sheet.cssRules;
    } catch {
      return false;
    }
    if (!rules) {
      if (sheet.href) return false;
      continue;
    }
    for (const rule of Array.from(rules)) if (rule.type === CSSRule.IMPORT_RULE) return false;
  }
  const hosts = Array.from(doc.querySelectorAll('*')).filter((el) => el.shadowRoot);
  for (let i = 0; i < hosts.length; i++) {
    const root = hosts[i]!.shadowRoot!;
    if (root.querySelector('link[rel~="stylesheet" i]')) return false;
    if (Array.from(root.querySelectorAll('style')).some((s) => /@import/i.test(s.textContent ?? ''))) return false;
    hosts.push(...Array.from(root.querySelectorAll('*')).filter((el) => el.shadowRoot));
  }
  return true;
}

/**
 * Two passes over the same page: every rule but the slow ones, then the slow ones. If the second pass does not
 * end within the bound, the first pass's results stand and the slow rules are named as not checked. The rules that
 * read style sheets run in the first pass with the sheets read, in the top document, when that fetches nothing;
 * otherwise without them (axe then cannot tell, and says so).
 */
export async function runAxeInPage(opts: PageRunOptions) {
  axe.configure({ locale: cspSafeLocale(fr), allowedOrigins: opts.allowedOrigins });
  const p: Partial = (partial = { started: performance.now(), violations: [], incomplete: [], passes: 0, inapplicable: 0, checked: [] });
  const all = rulesToRun((axe as unknown as { _audit: AxeAudit })._audit, new Set<string>(EXTRA_RULES));
  const slow = new Set<string>(SLOW_RULES);
  const cssom = new Set<string>(cssomReadableInPlace(document) ? CSSOM_RULES.filter((id) => all.includes(id)) : []);
  const passes: { ids: string[]; sheets: boolean }[] = [
    { ids: all.filter((id) => !slow.has(id) && !cssom.has(id)), sheets: false },
    { ids: [...cssom], sheets: true },
    { ids: all.filter((id) => slow.has(id)), sheets: false },
  ];
  for (const { ids, sheets } of passes) {
    if (ids.length === 0) continue;
    const results = await axe.run(document, {
      // Style sheets are read in the top document only: a frame's own sheets are its origin's to fetch.
      iframes: !sheets,
      elementRef: false,
      // No fetch: with preload on, axe would fetch the page's cross-origin style sheets again, from the page's origin.
      preload: sheets ? { assets: ['cssom'] } : false,
      frameWaitTime: opts.frameWaitMs,
      pingWaitTime: 500,
      runOnly: { type: 'rule', values: ids },
    } as axe.RunOptions);
    const violations = results.violations.map((r) => withoutUnfollowedRefresh(r, document));
    const incomplete = results.incomplete.map((r) => withoutUnfollowedRefresh(r, document));
    p.violations.push(...violations.filter((r) => r.nodes.length > 0).map(compactRule));
    p.incomplete.push(...incomplete.filter((r) => r.nodes.length > 0).map(compactRule));
    // A violation left with no element is a rule the page passes.
    p.passes += results.passes.length + violations.filter((r) => r.nodes.length === 0).length;
    p.inapplicable += results.inapplicable.length;
    p.checked.push(...ids);
  }
  return artifactOf(p, true);
}
