import { describe, expect, it } from 'vitest';
import { UsageError, expandTargets, parseArgs } from '../../scripts/audit';

describe('audit command line', () => {
  it('parses options', () => {
    expect(parseArgs(['--out', 'x', '--format', 'csv', '--browser-arg', '--proxy-server=p:3128', 'https://a.fr'])).toMatchObject({
      out: 'x', format: 'csv', browserArgs: ['--proxy-server=p:3128'], targets: ['https://a.fr'],
    });
  });
  it('refuses bad usage', () => {
    expect(() => parseArgs(['--format', 'xml'])).toThrow(UsageError);
    expect(() => parseArgs(['--nope'])).toThrow(UsageError);
    expect(() => parseArgs(['--out'])).toThrow(UsageError);
    expect(() => expandTargets(['does-not-exist.html'])).toThrow(UsageError);
  });
});
