import { emptyA11yFacts } from './a11y-facts';
import type { PageSnapshot } from './schema';

/** A snapshot with every list empty: the gather fills one in, tests build theirs from it. No zod here (injected). */
export function emptySnapshot(page: Pick<PageSnapshot, 'url' | 'title' | 'lang' | 'capturedAt' | 'doctype'>): PageSnapshot {
  return {
    schemaVersion: 1,
    ...page,
    viewport: '',
    meta: [],
    linkTags: [],
    jsonLd: [],
    microdata: [],
    rdfa: [],
    times: [],
    links: [],
    forms: [],
    buttons: [],
    scripts: [],
    inlineScripts: [],
    iframes: [],
    images: [],
    media: [],
    marked: [],
    textSignals: [],
    resources: [],
    storage: { cookieNames: [], localStorageKeys: 0, sessionStorageKeys: 0 },
    limits: { elementCount: 0, truncated: [], resourceBufferFull: false, crossOriginFrames: 0, shadowRoots: 0, gatherMs: 0 },
    a11y: emptyA11yFacts(),
  };
}
