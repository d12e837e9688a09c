import { useEffect } from 'preact/hooks';

// Performance marks for `npm run bench` (scripts/bench/dashboard-page.ts): when the stored evaluations were read, when
// the resource list was painted after the load or after a filter changed it, and where an import's time went.
export const MARK_LOADED = 'loupe:dashboard:loaded';
export const MARK_PAINTED = 'loupe:dashboard:painted';
/** The list painted from every summary (after its first screen, lib/storage/first-screen.ts). */
export const MARK_WHOLE = 'loupe:dashboard:whole';

/** An import's end, with where its time went (lib/import/import-files.ts ImportProgress.spent). */
export const MARK_IMPORTED = 'loupe:dashboard:imported';

export function markImported(spent: { readMs: number; checkMs: number; writeMs: number }): void {
  performance.mark(MARK_IMPORTED, { detail: spent });
}

export function markLoaded(): void {
  performance.mark(MARK_LOADED);
}

/** Marks the paint of the list each time its resources change, once the stored evaluations are read (and once the
 * whole list is painted, `whole`). */
export function useListPaintMark(loaded: boolean, resources: readonly unknown[], whole = true): void {
  useEffect(() => {
    if (!loaded) return;
    // requestAnimationFrame runs before the paint; the task after it runs once the frame is on screen.
    const id = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(MARK_PAINTED, { detail: { rows: resources.length } });
        if (whole && performance.getEntriesByName(MARK_WHOLE).length === 0) performance.mark(MARK_WHOLE, { detail: { rows: resources.length } });
      }),
    );
    return () => cancelAnimationFrame(id);
  }, [loaded, resources, whole]);
}
