import { runAxeInPage } from '@/lib/a11y/page-run';

// axe-core, injected only when the accessibility check runs (lib/inspect/inspect-tab.ts), in every frame Loupe may reach:
// the copy in the top frame asks the copies in sub-frames for their results (axe's own frame messaging).
// Never part of the inspector script: it weighs ~600 kB and the fast findings must not wait for it.
const LOADED = Symbol.for('loupe.axe');

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const w = globalThis as unknown as Record<symbol, unknown>;
    if (!w[LOADED]) w[LOADED] = runAxeInPage;
    return true;
  },
});
