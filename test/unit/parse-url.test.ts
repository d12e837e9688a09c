import { describe, expect, it } from 'vitest';
import { fileNameOf, forgetParsedUrls, parseUrl } from '../../lib/net/parse-url';

describe('parseUrl: one parse per address, shared by the detectors', () => {
  it('gives the parts new URL gives, and null for what does not parse', () => {
    const u = parseUrl('https://Editeur.example.fr/cgu?x=1#haut');
    expect(u).toEqual({ href: 'https://editeur.example.fr/cgu?x=1#haut', protocol: 'https:', hostname: 'editeur.example.fr', pathname: '/cgu', search: '?x=1', hash: '#haut' });
    expect(parseUrl('/relative/sans-base')).toBeNull();
    expect(parseUrl('')).toBeNull();
  });

  it('returns the same frozen parts for the same address, until forgotten', () => {
    const a = parseUrl('https://a.example/x');
    expect(parseUrl('https://a.example/x')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    forgetParsedUrls();
    const b = parseUrl('https://a.example/x');
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('names the file of an address, decoded; a malformed escape is kept as written', () => {
    expect(fileNameOf('https://cdn.example/img/logo%20compatible%20GAR.png?v=2')).toBe('logo compatible GAR.png');
    expect(fileNameOf('https://cdn.example/img/100%.png')).toBe('100%.png');
    expect(fileNameOf('https://cdn.example/')).toBe('');
    expect(fileNameOf('pas une adresse')).toBe('');
  });
});
