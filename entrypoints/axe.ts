import { configureFrame, originAllowed, readPartial, runAxeInPage } from '@/lib/a11y/page-run';
import { sealAxeMessages } from '@/lib/a11y/sealed-messenger';
import { AXE_PARTIAL, AXE_RUN, AXE_SEAL } from '@/lib/inspect/page-globals';

// axe-core, injected only when the accessibility check runs (lib/a11y/run-axe.ts), in every frame Loupe may reach:
// the copy in the top frame asks the copies in sub-frames for their results (axe's own frame messaging, limited to
// the origins of the frames Loupe injected). Never part of the inspector script: it weighs ~600 kB and the fast
// findings must not wait for it. An unlisted script, for the same reason as the inspector: no announcement to the page.
export default defineUnlistedScript(() => {
  const w = globalThis as unknown as Record<symbol, unknown>;
  if (w[Symbol.for(AXE_RUN)]) return;
  w[Symbol.for(AXE_RUN)] = runAxeInPage;
  w[Symbol.for(AXE_PARTIAL)] = readPartial;
  // The inspection's key arrives next (lib/inspect/inspect-tab.ts): from then on only sealed messages are heard.
  w[Symbol.for(AXE_SEAL)] = (secret: string) => sealAxeMessages(secret, originAllowed);
  if (window !== window.top) configureFrame();
});
