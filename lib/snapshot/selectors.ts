// Where the gather looks for known containers. Data, not verdicts: detectors decide what a match means.
// The selectors run through querySelectorAll once per page: ids, classes and tag-qualified prefixes are cheap;
// substring attribute selectors ([class*="…" i]) cost more than the whole DOM walk on a big page (npm run bench),
// so generic banners are found by the detectors from dialogs' text instead.

export const MARKED_SELECTORS: Record<string, readonly string[]> = {
  'ad-slot': [
    'ins.adsbygoogle',
    'div[id^="div-gpt-ad"]',
    'iframe[id^="google_ads_iframe"]',
    'div[id^="taboola-"]',
    '.trc_related_container',
    '.OUTBRAIN',
    'div[id^="prebid"]',
  ],
  consent: [
    '#tarteaucitronRoot',
    '#tarteaucitron',
    '#axeptio_overlay',
    '.axeptio_mount',
    '#didomi-host',
    '#didomi-notice',
    '#onetrust-banner-sdk',
    '#onetrust-consent-sdk',
    '#CybotCookiebotDialog',
    '#cmplz-cookiebanner-container',
    '.cmplz-cookiebanner',
    '.fr-consent-banner',
    '#cookie-law-info-bar',
    '#cookie-notice',
    '#usercentrics-root',
    '.qc-cmp2-container',
    '#sp_message_container',
    '#cookie-banner',
    '.cookie-banner',
    '#cookieBanner',
    '#cookie-consent',
    '.cookie-consent',
  ],
};
