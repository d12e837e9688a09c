import { axeData, axeOutputs, AXE_DETECTOR_ID } from '../a11y/axe-findings';
import { defineDetector } from './types';

// axe-core's verdicts as findings (lib/a11y/axe-findings.ts). axe runs in the page, after the fast findings: the
// pipeline hands its result over as the "axe" artifact, so this detector stays a pure function of what it is given.
export const axe = defineDetector({
  id: AXE_DETECTOR_ID,
  category: 'accessibility',
  requires: [],
  needs: ['axe'],
  data: axeData,
  run(_snapshot, context) {
    const artifact = context.artifacts?.axe;
    if (!artifact) throw new Error('the axe artifact is missing');
    return axeOutputs(artifact);
  },
});
