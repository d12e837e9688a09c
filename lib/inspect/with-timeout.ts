// Every call into the page is bounded: a page that never finishes loading, a frame that never answers or a rule
// that never ends must cost the inspection a known delay, never the whole report.

export class TimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what}: no answer within ${Math.round(ms / 1000)} s`);
    this.name = 'TimeoutError';
  }
}

/** The promise's outcome, or a TimeoutError after `ms`. The work itself is not cancelled (the browser cannot). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The bounds, in ms. The panel may be given shorter ones for the accessibility check (?axeMs=, the audit's --timeout). */
export const BOUNDS = {
  /** Loading Loupe's gather script into the page. */
  inject: 10_000,
  /** The gather itself (it yields to the page; 50,000 elements take well under a second). */
  gather: 30_000,
  /** Loading axe into every frame. */
  axeInject: 15_000,
  /** axe in the whole page, frames included. */
  axeRun: 60_000,
  /** How long axe waits for one frame's answer before naming it not checked. */
  axeFrame: 10_000,
} as const;
