import { test, expect } from './fixtures';

// Headless Chromium has no toolbar to click, so the click itself cannot be tested here; what decides whether a
// click grants activeTab can: Chrome grants it only when action.onClicked fires, which openPanelOnActionClick skips.
test('the toolbar button is handled by action.onClicked (which grants activeTab), not by openPanelOnActionClick', async ({ loupe }) => {
  const state = await loupe.worker.evaluate(async () => {
    const c = (globalThis as unknown as {
      chrome: {
        sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
        action: { onClicked: { hasListeners(): boolean } };
      };
    }).chrome;
    return { behavior: await c.sidePanel.getPanelBehavior(), listening: c.action.onClicked.hasListeners() };
  });
  expect(state.behavior.openPanelOnActionClick).toBe(false);
  expect(state.listening).toBe(true);
});
