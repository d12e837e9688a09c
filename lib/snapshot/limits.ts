// Caps of the snapshot's lists, shared by the schema and the gather so the gather cuts before the schema would refuse.
// Kept apart from schema.ts so the injected script does not bundle zod.
export const LIMITS = {
  links: 5000,
  forms: 100,
  buttons: 1000,
  scripts: 1000,
  inlineScripts: 500,
  iframes: 500,
  images: 3000,
  media: 200,
  marked: 1000,
  textSignals: 2000,
  resources: 5000,
  meta: 500,
  linkTags: 500,
  jsonLd: 50,
  microdata: 1000,
  rdfa: 1000,
  times: 200,
} as const;

/** Caps of the accessibility facts (lib/snapshot/a11y-facts.ts), kept apart from the lists above. */
export const A11Y_LIMITS = {
  links: 2000,
  fields: 500,
  tables: 200,
  duplicateIds: 100,
  pseudoContent: 100,
  media: 200,
  /** Characters of running text kept to check the page's language. */
  textSample: 3000,
  cssRules: 20_000,
  /** Selectors of ::before/::after rules with text looked up in the page. */
  pseudoQueries: 300,
  altTexts: 1000,
  typography: 200,
  blinking: 50,
  presentational: 200,
  focusTraps: 50,
  /** Characters of generated HTML given to the validator (RGAA 8.2): its cost grows with them. */
  generatedHtml: 300_000,
} as const;

/**
 * How long the gather reads a page before it stops and returns what it has read (lib/snapshot/collect.ts), the
 * snapshot naming what it did not reach (limits.notReached). Under the extension's bound on the whole gather call
 * (lib/inspect/with-timeout.ts BOUNDS.gather, 30 s), so that a huge page still gets a report: the rest of that bound is
 * left for handing the snapshot over.
 */
export const GATHER_BUDGET_MS = 15_000;
