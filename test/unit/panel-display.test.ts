import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/detectors/finding';
import { formatMessage } from '../../lib/i18n/messages';
import { displayFindings, evidenceLines } from '../../lib/panel/display';
import { shownParams } from '../../lib/panel/localize';
import { countryName, formatBytes, formatDate } from '../../lib/i18n/format';
import axeHelpEn from '../../lib/i18n/axe-help-en.json';
import { axeEnglishHelp } from '../../scripts/gen-axe-en';
import { fr as frText } from '../helpers/params';

// What the panel lists and how it words it: the same fact once, in the panel's language.

// Hand-built findings: only the fields a rule reads are filled in, so the data is not a detector's complete shape.
function f(id: string, over: Record<string, unknown> = {}): Finding {
  const [detector] = id.split('/') as [string];
  return { id, detector, category: 'ads', severity: 'info', messageKey: 'x', params: [], message: '', evidence: [], ...over } as unknown as Finding;
}

describe('displayFindings', () => {
  it('lists the ad slots of several networks as one finding, each network named once, the slots added up', () => {
    const shown = displayFindings([
      f('ads/slot-google-ad-manager', { severity: 'blocking', messageKey: 'ads_slot', params: [{ text: 'Google Ad Manager (DoubleClick)' }, { count: 2 }], evidence: [{ selector: '#a', text: 'Google Ad Manager (DoubleClick)' }, { selector: '#b', text: 'Google Ad Manager (DoubleClick)' }] }),
      f('ads/slot-taboola', { severity: 'blocking', messageKey: 'ads_slot', params: [{ text: 'Taboola' }, { count: 1 }], evidence: [{ selector: '#t', text: 'Taboola' }] }),
      f('ads/label', { messageKey: 'ads_labelWithSlot', params: [{ text: 'Publicité' }] }),
    ]);
    expect(shown.map((s) => [s.id, frText(s.params), s.folded])).toEqual([
      ['ads/slot-google-ad-manager', ['Google Ad Manager (DoubleClick), Taboola', '3'], ['ads/slot-google-ad-manager', 'ads/slot-taboola']],
      ['ads/label', ['Publicité'], ['ads/label']],
    ]);
    // The evidence keeps every element, and each label is said once with its count.
    expect(shown[0]!.evidence.map((e) => e.selector)).toEqual(['#a', '#b', '#t']);
    expect(evidenceLines(shown[0]!.evidence)).toEqual([
      { text: 'Google Ad Manager (DoubleClick)', count: 2, code: false },
      { text: 'Taboola', count: 1, code: false },
    ]);
  });

  it('says autoplay once: axe’s rule is folded into Loupe’s check, with the worse severity and both references', () => {
    const shown = displayFindings([
      f('a11y-autoplay/sound', { category: 'accessibility', severity: 'problem', messageKey: 'a11yAutoplay_media', data: { rgaa: ['4.10'], wcag: ['1.4.2'] } }),
      f('axe/incomplete:no-autoplay-audio', { category: 'accessibility', severity: 'review', messageKey: 'a11y_axe_incomplete', data: { rule: 'no-autoplay-audio', rgaa: ['4.10', '13.8'], wcag: ['1.4.2'] } }),
      f('axe/summary', { category: 'accessibility' }),
    ]);
    expect(shown.map((s) => [s.id, s.severity, s.folded, s.refs?.rgaa])).toEqual([
      ['a11y-autoplay/sound', 'problem', ['a11y-autoplay/sound', 'axe/incomplete:no-autoplay-audio'], ['4.10', '13.8']],
    ]);
    // Without Loupe's own finding, axe's stays.
    expect(displayFindings([f('axe/incomplete:no-autoplay-audio', { category: 'accessibility', data: { rule: 'no-autoplay-audio' } })]).map((s) => s.id)).toEqual(['axe/incomplete:no-autoplay-audio']);
  });

  it('names an organisation once: its session recording and its cookies are said with it', () => {
    const org = f('trackers/org-hotjar', { category: 'trackers', severity: 'problem', messageKey: 'trackers_org_eu', data: { kind: 'organization', organization: 'Hotjar', organizationKey: 'hotjar', categories: ['site_analytics'] } });
    const shown = displayFindings([
      org,
      f('trackers/session-recording-hotjar', { category: 'trackers', severity: 'problem', messageKey: 'trackers_sessionRecording', params: [{ text: 'Hotjar' }], data: { kind: 'session-recording', tracker: 'Hotjar', organization: 'Hotjar' } }),
      f('storage/tracker-cookies', { category: 'trackers', severity: 'problem', messageKey: 'storage_trackerCookies', params: [{ text: '_hjSession_1 (Hotjar, Hotjar)' }], data: { kind: 'tracker-cookies', cookies: [{ organization: 'Hotjar' }] } }),
    ]);
    expect(shown.map((s) => s.id)).toEqual(['trackers/org-hotjar']);
    expect(shown[0]!.also?.map((a) => a.messageKey)).toEqual(['trackers_sessionRecording', 'storage_trackerCookies']);
    // Cookies of two organisations keep their own finding.
    const two = f('storage/tracker-cookies', { category: 'trackers', messageKey: 'storage_trackerCookies', data: { kind: 'tracker-cookies', cookies: [{ organization: 'Hotjar' }, { organization: 'Google' }] } });
    expect(displayFindings([org, two]).map((s) => s.id)).toEqual(['trackers/org-hotjar', 'storage/tracker-cookies']);
  });

  it('does not call a public content host a tracker, and names a French public service', () => {
    const [cdn, gar, ga] = displayFindings([
      f('trackers/org-pattern:jsdelivr', { category: 'trackers', severity: 'review', messageKey: 'trackers_org_unknownCountry', params: [{ text: 'jsDelivr' }, { list: [{ named: { text: 'jsDelivr' }, detail: { category: 'hosting' } }] }, { country: null }], data: { kind: 'organization', categories: ['hosting'] } }),
      f('trackers/unknown-education.fr', { category: 'trackers', messageKey: 'trackers_unknownThirdParty', params: [{ text: 'education.fr' }, { count: 1 }], data: { kind: 'unknown', site: 'education.fr' } }),
      f('trackers/org-google', { category: 'trackers', severity: 'blocking', messageKey: 'trackers_org_outsideEu', data: { kind: 'organization', categories: ['advertising', 'hosting'] } }),
    ]);
    expect([cdn!.messageKey, cdn!.severity]).toEqual(['trackers_contentHost', 'info']);
    expect(formatMessage('fr', gar!.messageKey, shownParams(gar!, 'fr').params)).toBe("education.fr : service du ministère de l'Éducation nationale (GAR, Éduscol…), pas un traceur.");
    expect(formatMessage('en', gar!.messageKey, shownParams(gar!, 'en').params)).toBe('education.fr: a service of the French Ministry of Education (GAR, Éduscol…), not a tracker.');
    // An organisation that also tracks stays a tracker.
    expect([ga!.messageKey, ga!.severity]).toEqual(['trackers_org_outsideEu', 'blocking']);
  });
});

describe('shownParams and formats', () => {
  it('names countries, tracker categories, units and dates in the panel’s language', () => {
    const org = f('trackers/org-google', { messageKey: 'trackers_org_outsideEu', params: [{ text: 'Google' }, { list: [{ named: { text: 'Google Tag' }, detail: { category: 'advertising' } }] }, { country: 'US' }], data: { kind: 'organization', organizationKey: 'google', country: 'US', trackers: [{ name: 'Google Tag', category: 'advertising' }] } });
    expect(shownParams(org, 'en')).toEqual({ params: ['Google', 'Google Tag (advertising)', 'United States'], fromPage: [true, false, false] });
    expect(shownParams(org, 'fr').params).toEqual(['Google', 'Google Tag (publicité)', 'États-Unis']);
    expect(countryName('mt', 'en')).toBe('Malta');
    expect(formatBytes(918, 'fr')).toBe('918 octets');
    expect(formatBytes(918, 'en')).toBe('918 bytes');
    expect(formatBytes(1_500_000, 'fr')).toBe('1,5 Mo');
    expect(formatDate('2026-09-01', 'fr')).toBe('1 septembre 2026');
    expect(formatDate('2026-09-01', 'en')).toBe('1 September 2026');
    expect(formatDate('2026-09', 'fr')).toBe('septembre 2026');
    expect(formatDate('2026', 'en')).toBe('2026');
  });

  it('gives axe’s rules axe’s own English titles, and keeps its French ones in French', () => {
    const v = f('axe/violation:image-alt', { messageKey: 'a11y_axe_violation', params: [{ axeRule: 'image-alt' }, { count: 2 }, { list: [{ text: '1.1' }] }], data: { rule: 'image-alt' } });
    expect(shownParams(v, 'en').params[0]).toBe('Images must have alternative text');
    expect(shownParams(v, 'fr').params[0]).toBe('Les images doivent avoir une alternative textuelle');
  });

  it('has axe-core’s English titles as the installed axe-core gives them (npx tsx scripts/gen-axe-en.ts)', () => {
    expect(axeHelpEn).toEqual(axeEnglishHelp());
  });
});
