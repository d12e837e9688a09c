/**
 * The side panel has the fast findings and the accessibility check (axe) has ended, or cannot run on this page.
 * Waited for by the headless audit, the ACT suite and the tests before they read the panel's result
 * (lib/inspect/result-channel.ts).
 */
export const PANEL_FINISHED = '[data-testid="state:done"]:is([data-a11y="done"], [data-a11y="error"], [data-a11y="skipped"])';

/** The side panel shows its fast findings (the accessibility check may still be running). */
export const PANEL_HAS_FINDINGS = '[data-testid="state:done"]';
