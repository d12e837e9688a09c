import axe from 'axe-core';
import fr from 'axe-core/locales/fr.json';
import { AXE_LIMITS } from './limits';
import { cspSafeLocale } from './locale';

// Runs in the inspected page (isolated world), bundled into the axe content script only. No zod here: the result is
// cut to AXE_LIMITS and parsed again on arrival (lib/a11y/artifact.ts), since the page can tamper with it.

/** Rules off by default in axe that Loupe turns on: AAA contrast and refresh (shown as information), orientation. */
export const EXTRA_RULES = ['color-contrast-enhanced', 'meta-refresh-no-exceptions', 'css-orientation-lock'] as const;

let configured = false;

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

export async function runAxeInPage() {
  const started = performance.now();
  if (!configured) {
    axe.configure({ locale: cspSafeLocale(fr), allowedOrigins: ['<unsafe_all_origins>'] });
    configured = true;
  }
  const results = await axe.run(document, {
    iframes: true,
    elementRef: false,
    rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])),
  });
  return {
    engine: `axe-core ${results.testEngine.version}`,
    url: location.href,
    ms: Math.round(performance.now() - started),
    violations: results.violations.slice(0, AXE_LIMITS.rules).map(compactRule),
    incomplete: results.incomplete.slice(0, AXE_LIMITS.rules).map(compactRule),
    passes: results.passes.length,
    inapplicable: results.inapplicable.length,
  };
}
