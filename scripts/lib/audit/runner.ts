import type { InspectResult } from '../../../lib/inspect/inspect-tab';

// One browser with Loupe, whichever it is: the audit opens pages in it, several at once, and asks the panel.

export interface LoadedPage {
  /** The HTTP status of the main document (null for pages without one, such as about: or data:). */
  status: number | null;
  /** Where the browser ended, after redirections. */
  finalUrl: string;
  /** Opens Loupe's panel bound to this page's tab and waits until it has finished, accessibility check included. */
  inspect(): Promise<InspectResult>;
  close(): Promise<void>;
}

export interface Runner {
  /** Loads a page; throws when no page could be reached (unreachable host, timeout). */
  open(url: string, timeoutMs: number): Promise<LoadedPage>;
  close(): Promise<void>;
}

export interface RunnerOptions {
  browserArgs: string[];
  /** Requests leaving 127.0.0.1 get an empty answer: the page's third-party tags stay visible, nothing goes out. */
  offline: boolean;
}

export const isLocal = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) || !/^https?:/.test(url);

/** Runs `task` once the previous holder is done: a tiny lock for steps that must not interleave. */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
