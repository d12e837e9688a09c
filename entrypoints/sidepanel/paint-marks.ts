import { useEffect } from 'preact/hooks';
import type { InspectionState } from './use-inspection';

// Performance marks for `npm run bench` (scripts/bench/audit-page.ts): when an inspection's result reached the panel
// (use-inspection.ts marks it) and when its findings were painted, the frame after the render that shows them.
export const MARK_RESULT = 'loupe:result';
export const MARK_PAINTED = 'loupe:painted';

export function markResult(phase: 'fast' | 'done'): void {
  performance.mark(`${MARK_RESULT}:${phase}`);
}

/** Marks the paint of the fast findings and of the finished evaluation. */
export function usePaintMarks(state: InspectionState): void {
  const phase = state.kind === 'done' && state.result.ok ? (state.running ? 'fast' : 'done') : undefined;
  useEffect(() => {
    if (!phase) return;
    // requestAnimationFrame runs before the paint; the task after it runs once the frame is on screen.
    const id = requestAnimationFrame(() => setTimeout(() => performance.mark(`${MARK_PAINTED}:${phase}`)));
    return () => cancelAnimationFrame(id);
  }, [state, phase]);
}
