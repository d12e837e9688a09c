import { z } from 'zod';
import { evaluationSchema } from '../detectors/finding';
import { pageSnapshotSchema } from '../snapshot/schema';
import type { InspectFailure, InspectResult } from './pipeline';

// The side panel's latest result, for the programs that drive it: the headless audit (scripts/lib/audit/runner.ts),
// the ACT suite (scripts/lib/act.ts) and the e2e tests (test/e2e/fixtures.ts). The panel writes it, as JSON, in a
// data block of its page (<script type="application/json" id="loupe-result">, never run); a reader takes that text
// with its browser driver and parses it here, so what it gets is checked, not cast. It is the panel's own result,
// not a second run: the driver waits for the panel to show it (scripts/lib/panel.ts) and then reads this.

export const RESULT_ELEMENT_ID = 'loupe-result';

const FAILURE_REASONS = ['browser-page', 'store-page', 'data-url', 'file-no-permission', 'pdf-viewer', 'no-url', 'no-permission', 'failed', 'invalid-snapshot', 'timeout', 'not-html'] as const;
// Fails to compile when the pipeline gains a reason this list lacks (or loses one it has).
type SameReasons = [InspectFailure['reason']] extends [(typeof FAILURE_REASONS)[number]] ? ([(typeof FAILURE_REASONS)[number]] extends [InspectFailure['reason']] ? true : never) : never;
const sameReasons: SameReasons = true;
void sameReasons;

const inspectResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), evaluation: evaluationSchema, snapshot: pageSnapshotSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(FAILURE_REASONS), detail: z.string(), url: z.string().optional() }),
]);

/** What the panel publishes: the tab it inspects and its latest result (the fast findings, then the finished one). */
const panelResultSchema = z.object({ tabId: z.number().int(), result: inspectResultSchema });
export interface PanelResult {
  tabId: number;
  result: InspectResult;
}

/** Called by the panel each time its result changes, before it renders it. */
export function publishResult(published: PanelResult, doc: Document = document): void {
  let block = doc.getElementById(RESULT_ELEMENT_ID);
  if (!block) {
    block = doc.createElement('script');
    block.setAttribute('type', 'application/json');
    block.id = RESULT_ELEMENT_ID;
    doc.body.append(block);
  }
  block.textContent = JSON.stringify(published);
}

/** A page of the panel as Playwright and puppeteer both see it: enough to evaluate an expression in it. */
export interface PanelPage {
  evaluate(expression: string): Promise<unknown>;
}

/** The panel's published result, parsed; throws when the panel has published none or something else. */
export async function readPanelResult(panel: PanelPage): Promise<PanelResult> {
  const text = await panel.evaluate(`document.getElementById(${JSON.stringify(RESULT_ELEMENT_ID)})?.textContent ?? null`);
  if (typeof text !== 'string') throw new Error('The panel has published no result (#loupe-result is missing)');
  return panelResultSchema.parse(JSON.parse(text));
}
