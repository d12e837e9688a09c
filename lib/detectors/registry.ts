import { accessModel } from './access-model';
import { garMark } from './gar-mark';
import { account } from './account';
import { ads } from './ads';
import { consent } from './consent';
import { legalLinks } from './legal-links';
import { licence } from './licence';
import { pageWeight } from './page-weight';
import { publisherDates } from './publisher-dates';
import { storage } from './storage';
import { trackers } from './trackers';
import { a11yAutoplay } from './a11y-autoplay';
import { a11yCaptions } from './a11y-captions';
import { a11yLang } from './a11y-lang';
import { a11yPdf } from './a11y-pdf';
import { a11yTextImages } from './a11y-text-images';
import { a11yZoom } from './a11y-zoom';
import { a11yLinkText } from './a11y-link-text';
import { a11yPlaceholderLabel } from './a11y-placeholder-label';
import { a11yFakeLink } from './a11y-fake-link';
import { a11yTables } from './a11y-tables';
import { a11yDuplicateId } from './a11y-duplicate-id';
import { a11yPseudoContent } from './a11y-pseudo-content';
import { a11yLangText } from './a11y-lang-text';
import { a11yAltText } from './a11y-alt-text';
import { a11yJustifiedText } from './a11y-justified-text';
import { a11yTinyText } from './a11y-tiny-text';
import { a11yCssBlink } from './a11y-css-blink';
import { a11yPresentationMarkup } from './a11y-presentation-markup';
import { a11yTableCells } from './a11y-table-cells';
import { a11yFocusTrap } from './a11y-focus-trap';
import { a11yHtmlValidity } from './a11y-html-validity';
import { axe } from './axe';
import { observedKeylogging } from './observed-keylogging';
import { observedSessionRecording } from './observed-session-recording';
import { observedCanvas } from './observed-canvas';
import { observedAudio } from './observed-audio';
import { observedWebgl } from './observed-webgl';
import { observedConsent } from './observed-consent';
import { observedCookies } from './observed-cookies';
import { observedPixels } from './observed-pixels';
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
  'a11y-zoom': a11yZoom,
  'a11y-lang': a11yLang,
  'a11y-captions': a11yCaptions,
  'a11y-autoplay': a11yAutoplay,
  'a11y-text-images': a11yTextImages,
  'a11y-pdf': a11yPdf,
  'a11y-link-text': a11yLinkText,
  'a11y-placeholder-label': a11yPlaceholderLabel,
  'a11y-fake-link': a11yFakeLink,
  'a11y-tables': a11yTables,
  'a11y-duplicate-id': a11yDuplicateId,
  'a11y-pseudo-content': a11yPseudoContent,
  'a11y-lang-text': a11yLangText,
  'a11y-alt-text': a11yAltText,
  'a11y-justified-text': a11yJustifiedText,
  'a11y-tiny-text': a11yTinyText,
  'a11y-css-blink': a11yCssBlink,
  'a11y-presentation-markup': a11yPresentationMarkup,
  'a11y-table-cells': a11yTableCells,
  'a11y-focus-trap': a11yFocusTrap,
  'a11y-html-validity': a11yHtmlValidity,
  ads,
  consent,
  account,
  axe,
  'observed-keylogging': observedKeylogging,
  'observed-session-recording': observedSessionRecording,
  'observed-canvas': observedCanvas,
  'observed-audio': observedAudio,
  'observed-webgl': observedWebgl,
  'observed-consent': observedConsent,
  'observed-cookies': observedCookies,
  'observed-pixels': observedPixels,
} as const satisfies Record<string, Detector>;

export type DetectorId = keyof typeof detectors;
export const detectorList: readonly Detector[] = Object.values(detectors);
