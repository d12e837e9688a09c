// Resource timing, beyond its limits. performance.getEntriesByType('resource') holds 250 entries by default and
// then drops the rest (W3C Resource Timing), and a snapshot is one instant. So the first inspection installs, once
// per page, a PerformanceObserver that keeps every later entry (observers are not bound by the buffer); a later
// inspection ("Réinspecter", or the re-inspection after consent) then sees what loaded meanwhile. It only listens:
// the page's own buffer and timings are left untouched.

const STORE = Symbol.for('loupe.resourceObserver');

export interface ResourceEntryLike {
  name: string;
  initiatorType: string;
  transferSize?: number;
  encodedBodySize?: number;
  startTime: number;
}

interface Store {
  entries: Map<string, ResourceEntryLike>;
  /** Entries the page buffer held when the observer started: if it was full, earlier ones were lost for good. */
  bufferFullAtStart: boolean;
}

/** The parts of a window the observer uses; a fake in unit tests. */
export interface ResourceWindow {
  performance: { getEntriesByType(type: string): unknown[] };
  PerformanceObserver?: new (cb: (list: { getEntries(): unknown[] }) => void) => { observe(o: { type: string; buffered?: boolean }): void };
}

const RESOURCE_BUFFER_DEFAULT = 250;
const keyOf = (e: ResourceEntryLike) => `${e.startTime}|${e.name}`;

function install(win: ResourceWindow, max: number, initial: number): Store {
  const store: Store = { entries: new Map(), bufferFullAtStart: initial >= RESOURCE_BUFFER_DEFAULT };
  const Observer = win.PerformanceObserver;
  if (Observer) {
    try {
      new Observer((list) => {
        for (const e of list.getEntries() as ResourceEntryLike[]) {
          if (store.entries.size >= max) return;
          store.entries.set(keyOf(e), e);
        }
      }).observe({ type: 'resource', buffered: true });
    } catch {
      // Old engines without typed observers: the buffer alone is read.
    }
  }
  return store;
}

/** Every resource entry seen so far on this page: the buffer now, plus what the observer kept. */
export function readResources(win: ResourceWindow, max: number): { entries: ResourceEntryLike[]; bufferFull: boolean } {
  const buffered = win.performance.getEntriesByType('resource') as ResourceEntryLike[];
  const holder = win as unknown as Record<symbol, Store | undefined>;
  const store = (holder[STORE] ??= install(win, max, buffered.length));
  const all = new Map<string, ResourceEntryLike>();
  for (const e of buffered) all.set(keyOf(e), e);
  for (const [k, e] of store.entries) if (all.size < max || all.has(k)) all.set(k, e);
  const entries = [...all.values()].sort((a, b) => a.startTime - b.startTime).slice(0, max);
  // Full now and no observer from before: later entries were dropped; with an observer from the start, only what
  // was dropped before it started is missing.
  return { entries, bufferFull: store.bufferFullAtStart };
}
