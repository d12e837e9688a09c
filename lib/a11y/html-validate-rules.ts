// RGAA 8.2 (lib/detectors/a11y-html-validity.ts): the html-validate rules Loupe runs on the generated code, by the
// finding they feed, and the one configuration built from them. It lives apart from the detector because the build
// reads it too (scripts/lib/html-validate-precompiled.ts precompiles the JSON schemas this configuration makes
// html-validate compile), and imports nothing so that the build can load it before html-validate.

/** html-validate's rules, by the finding they feed. Everything else the validator knows is left off. */
export const HTML_VALIDITY_KINDS = {
  /** The content model forbids it (a button in a link, a div as a list's child): the accessibility tree changes. */
  nesting: ['element-permitted-content', 'element-permitted-parent', 'element-permitted-occurrences', 'element-required-ancestor'],
  /** The same attribute twice on one element: which one a browser or a screen reader keeps is not certain. */
  'duplicate-attribute': ['no-dup-attr'],
  /** Elements HTML no longer defines (acronym, center, font…). */
  obsolete: ['deprecated'],
  /**
   * An element closed by another one, or an end tag that closes nothing. The generated code writes every end tag,
   * so this is a tree that markup cannot give back (a div put in a p by script): read again, it is another tree.
   */
  unclosed: ['close-order', 'no-implicit-close'],
} as const;
export type HtmlValidityKind = keyof typeof HTML_VALIDITY_KINDS;

/** The configuration: html5 elements, these rules only, no preset (root). */
export const HTML_VALIDATE_CONFIG = {
  root: true,
  extends: [] as string[],
  elements: ['html5'],
  rules: Object.fromEntries(Object.values(HTML_VALIDITY_KINDS).flatMap((rules) => rules.map((r) => [r, 'error' as const]))),
};
