import { describe, expect, it } from 'vitest';
import { decodePage, judge, type Label } from '../../scripts/eval/real-labels';

// How scripts/eval/real-labels.ts judges a claim against a second reader's label (issue 22).
const label = (l: Partial<Label>): Label => ({ file: 'x.html.gz', ...l });
const claim = (detector: string, key: string, severity: string, data?: Record<string, unknown>) => ({ id: `${detector}/${key}`, key, detector, severity, data });

describe('real-page labels: judging a claim', () => {
  it('an advertising tracker is right only on a host the reader calls advertising, not the publisher’s own group', () => {
    const c = claim('trackers', 'org-google', 'blocking', { hosts: ['securepubads.g.doubleclick.net'] });
    expect(judge(c, label({ thirdParties: [{ host: 'securepubads.g.doubleclick.net', role: 'advertising' }] }))).toBe('right');
    expect(judge(c, label({ thirdParties: [{ host: 'securepubads.g.doubleclick.net', role: 'analytics' }] }))).toBe('wrong');
    expect(judge(c, label({ thirdParties: [{ host: 'securepubads.g.doubleclick.net', role: 'advertising', sameGroup: true }] }))).toBe('wrong');
    expect(judge(c, label({ thirdParties: [{ host: 'www.example.org', role: 'cdn' }] }))).toBe('unknown');
  });
  it('a missing link is wrong where the reader found one, and on a nearly empty page', () => {
    const c = claim('legal-links', 'missing-privacy', 'review');
    expect(judge(c, label({ privacyLink: { present: false } }))).toBe('right');
    expect(judge(c, label({ privacyLink: { present: true } }))).toBe('wrong');
    expect(judge(c, label({ privacyLink: { present: false }, nearlyEmpty: true }))).toBe('wrong');
    expect(judge(c, label({ privacyLink: { present: null } }))).toBe('unknown');
  });
  it('a date is right when it is one the reader saw; "no date" is wrong on a dated page', () => {
    const d = label({ dateShown: { published: '2019-06-27', updated: null } });
    expect(judge(claim('publisher-dates', 'published', 'info', { date: '2019-06-27' }), d)).toBe('right');
    expect(judge(claim('publisher-dates', 'published', 'info', { date: '2019-07-03' }), d)).toBe('wrong');
    expect(judge(claim('publisher-dates', 'no-date', 'info'), d)).toBe('wrong');
    expect(judge(claim('publisher-dates', 'no-date', 'info'), label({ dateShown: { published: null, updated: null } }))).toBe('right');
  });
  it('a price claim follows whether the resource itself is paid; a pricing link is not judged', () => {
    expect(judge(claim('access-model', 'paid', 'review', { kind: 'paid' }), label({ price: { resourcePaid: false } }))).toBe('wrong');
    expect(judge(claim('access-model', 'paid', 'review', { kind: 'paid' }), label({ price: { resourcePaid: true } }))).toBe('right');
    expect(judge(claim('access-model', 'pricing-link', 'info', { kind: 'pricing-link' }), label({ price: { resourcePaid: false } }))).toBeNull();
  });
  it('an account claim follows whether an account is asked; a © claim needs a notice', () => {
    expect(judge(claim('account', 'signup-link', 'review'), label({ accountCreation: { asked: false } }))).toBe('wrong');
    expect(judge(claim('account', 'signup-form', 'blocking'), label({ accountCreation: { asked: true } }))).toBe('right');
    expect(judge(claim('licence', 'copyright', 'review'), label({ copyright: { notice: null, allRightsReserved: false } }))).toBe('wrong');
    expect(judge(claim('licence', 'not-stated', 'review'), label({ copyright: { notice: '© 2020 BBC', allRightsReserved: false } }))).toBe('wrong');
  });
});

describe('real pages: decoding', () => {
  it('reads the page by its own charset, windows-1252 when it declares none and is not UTF-8', () => {
    expect(decodePage(Buffer.from('<meta charset="iso-8859-1"><p>Publi\xe9 le</p>', 'latin1'))).toContain('Publié le');
    expect(decodePage(Buffer.from('<p>Publi\xe9 le</p>', 'latin1'))).toContain('Publié le');
    expect(decodePage(Buffer.from('<meta charset="utf-8"><p>Publié le</p>', 'utf8'))).toContain('Publié le');
  });
});
