import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>;
  open(o: { windowId: number }): Promise<void>;
}

// Glue only: open the panel from the toolbar and forward the re-inspect shortcut. No network, no listeners on pages.
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    const ff = browser as unknown as { browserAction: typeof browser.action; sidebarAction: { open(): Promise<void> } };
    ff.browserAction.onClicked.addListener(() => {
      void ff.sidebarAction.open();
    });
  } else {
    const sidePanel = (browser as unknown as { sidePanel: ChromeSidePanel }).sidePanel;
    // With openPanelOnActionClick, Chrome opens the panel without firing action.onClicked and so never grants
    // activeTab: Loupe could then read no page. The click is handled here instead, and that grants it.
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
    browser.action.onClicked.addListener((tab) => {
      // open() must run in the click's own task: an await before it would lose the user gesture.
      if (tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
      // A panel already open inspects again, now that the click has given access to this tab.
      void browser.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined);
    });
  }
  browser.commands.onCommand.addListener((command) => {
    if (command === 'reinspect') void browser.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined);
  });
});
