import { accessModel } from './access-model';
import { garMark } from './gar-mark';
import { legalLinks } from './legal-links';
import { licence } from './licence';
import { pageWeight } from './page-weight';
import { publisherDates } from './publisher-dates';
import { storage } from './storage';
import { trackers } from './trackers';
import type { Detector } from './types';

// Every detector, by id. The id is also its file name (checked by test/unit/detectors.conventions.test.ts).
export const detectors = {
  trackers,
  storage,
  'legal-links': legalLinks,
  'page-weight': pageWeight,
  licence,
  'gar-mark': garMark,
  'publisher-dates': publisherDates,
  'access-model': accessModel,
} as const satisfies Record<string, Detector>;

export type DetectorId = keyof typeof detectors;
export const detectorList: readonly Detector[] = Object.values(detectors);
