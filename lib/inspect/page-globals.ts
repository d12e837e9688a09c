// Names (Symbol.for keys, in the isolated world: the page cannot see them) under which Loupe's injected scripts
// leave their entry points for the functions the extension runs next (scripting.executeScript({ func })).
export const INSPECTOR_GATHER = 'loupe.gather';
export const INSPECTOR_GENERATED = 'loupe.generated';
export const AXE_RUN = 'loupe.axe';
export const AXE_PARTIAL = 'loupe.axe.partial';
export const AXE_SEAL = 'loupe.axe.seal';
