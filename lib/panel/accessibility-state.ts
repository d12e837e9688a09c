import { AXE_DETECTOR_ID } from '../a11y/axe-findings';
import type { Evaluation } from '../detectors/finding';

/** Where the accessibility check (axe) stands, as the panel's accessibility block and `data-a11y` show it. */
export type AccessibilityState = 'idle' | 'running' | 'done' | 'error' | 'skipped';

/**
 * Read from the evaluation alone once the inspection has ended, so a saved evaluation shows the same block as the
 * live one: axe's status says whether it ran, failed (with why) or was never asked for.
 */
export function accessibilityState(evaluation: Evaluation | undefined, running = false): { state: AccessibilityState; error?: string } {
  if (!evaluation) return { state: 'skipped' };
  if (running) return { state: 'running' };
  const status = evaluation.detectors.find((d) => d.id === AXE_DETECTOR_ID);
  if (!status) return { state: 'skipped' };
  return status.status === 'ok' ? { state: 'done' } : { state: 'error', error: status.error ?? '' };
}
