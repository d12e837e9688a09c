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
} as const;
