// Kept apart from the schema (zod): the hooks in the page's world import these numbers and nothing else.

/** Caps on everything collected: the hooks stop keeping past them and count what they dropped. */
export const OBSERVE_LIMITS = {
  requests: 2000,
  /** Characters kept of one request body or WebSocket message. */
  body: 16_384,
  listeners: 500,
  canvases: 200,
  fonts: 200,
  audio: 100,
  webgl: 100,
  clicks: 20,
  recorders: 100,
  cookies: 1000,
  typed: 20,
} as const;

