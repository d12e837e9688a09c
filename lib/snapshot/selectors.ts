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
    // Added for the ads detector (cheap selectors only: tags, classes, tag-qualified prefixes): AMP ads, GPT
    // slots once rendered, Smart AdServer, more sponsored widgets, and generic ad containers left to a person.
    'amp-ad',
    'div[data-google-query-id]',
    'div[id^="sas_"]',
    'div[id^="outbrain"]',
    '.ob-widget',
    '.trc_rbox_container',
    '.pub-container',
    '.ad-container',
    '.advertisement',
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
    // Added for the consent detector: Osano cookieconsent, consentmanager.net, iubenda, TrustArc, Borlabs.
    '.cc-window',
    '#cmpbox',
    '#iubenda-cs-banner',
    '#truste-consent-track',
    '#BorlabsCookieBox',
  ],
};
