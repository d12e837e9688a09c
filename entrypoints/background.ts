import { browser } from 'wxt/browser';

// Glue only: open the panel from the toolbar and forward the re-inspect shortcut. No network, no listeners on pages.
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    const ff = browser as unknown as { browserAction: typeof browser.action; sidebarAction: { open(): Promise<void> } };
    ff.browserAction.onClicked.addListener(() => {
      void ff.sidebarAction.open();
    });
  } else {
    // Opening the panel from the toolbar button also grants activeTab on that tab.
    void (browser as unknown as { sidePanel: { setPanelBehavior(o: object): Promise<void> } }).sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
  browser.commands.onCommand.addListener((command) => {
    if (command === 'reinspect') void browser.runtime.sendMessage({ type: 'loupe:reinspect' }).catch(() => undefined);
  });
});
