// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectorList } from '../../lib/detectors/registry';
import { inspectPage } from '../../lib/inspect/pipeline';
import { publishResult, readPanelResult, RESULT_ELEMENT_ID, type PanelPage } from '../../lib/inspect/result-channel';
import { makeSnapshot } from '../helpers/make-snapshot';

// The channel through which the audit, the ACT suite and the e2e tests read the panel's result: what the panel
// publishes is read back whole, and anything else is refused rather than cast.

// The driver's evaluate, here in the same document: the expression the reader sends, run as a browser would.
const thisPage: PanelPage = { evaluate: async (expression) => (0, eval)(expression) as unknown };

const inspected = () =>
  inspectPage(
    { url: 'https://www.editeur-exemple.fr/ressource', gather: async () => makeSnapshot({ lang: '' }), artifact: async () => ({}) },
    { detectors: detectorList, now: () => Date.UTC(2026, 10, 23), id: 'eval-0001', version: '0.1.0' },
  );

describe('the panel result channel', () => {
  beforeEach(() => document.getElementById(RESULT_ELEMENT_ID)?.remove());

  it('reads back the result the panel published, its evaluation and snapshot included', async () => {
    const result = await inspected();
    if (!result.ok) throw new Error(result.detail);
    publishResult({ tabId: 7, result });
    const read = await readPanelResult(thisPage);
    expect(read.tabId).toBe(7);
    expect(read.result).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('keeps only the latest result, in one data block that never runs', async () => {
    publishResult({ tabId: 1, result: { ok: false, reason: 'browser-page', detail: 'chrome://newtab' } });
    publishResult({ tabId: 2, result: { ok: false, reason: 'timeout', detail: 'gather', url: 'https://e.fr/' } });
    expect(document.querySelectorAll(`#${RESULT_ELEMENT_ID}`)).toHaveLength(1);
    expect(document.getElementById(RESULT_ELEMENT_ID)!.getAttribute('type')).toBe('application/json');
    expect(await readPanelResult(thisPage)).toEqual({ tabId: 2, result: { ok: false, reason: 'timeout', detail: 'gather', url: 'https://e.fr/' } });
  });

  it('refuses a missing result, and one that does not match the schemas', async () => {
    await expect(readPanelResult(thisPage)).rejects.toThrow(/no result/);
    publishResult({ tabId: 3, result: { ok: false, reason: 'failed', detail: 'x' } });
    const block = document.getElementById(RESULT_ELEMENT_ID)!;
    block.textContent = JSON.stringify({ tabId: 3, result: { ok: false, reason: 'some other reason', detail: 'x' } });
    await expect(readPanelResult(thisPage)).rejects.toThrow();
    block.textContent = JSON.stringify({ tabId: 3, result: { ok: true, evaluation: { id: 'x' }, snapshot: {} } });
    await expect(readPanelResult(thisPage)).rejects.toThrow();
  });
});
