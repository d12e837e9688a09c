// The two event names of the hand-over between Loupe's hooks in the page's world and its isolated world
// (entrypoints/observer-main.ts). They are fired once, at document_start, before the page has any script.
export const BRIDGE_HELLO = 'loupe-observe-hello';
export const BRIDGE_READY = 'loupe-observe-ready';
/** The runtime port from the bridge to the panel. */
export const OBSERVE_PORT = 'loupe:observe';
