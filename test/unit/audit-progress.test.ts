import { describe, expect, it } from 'vitest';
import { progress } from '../../scripts/lib/audit/progress';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (s: string) => chunks.push(s) };
}

describe('audit progress', () => {
  it('piped: verdict lines on stdout, one plain progress line per page on stderr, no terminal codes', () => {
    const out = stream(false);
    const err = stream(false);
    const p = progress(2, 'fr', out, err);
    p.line('[ok] a');
    p.tick(false);
    p.line('[non inspectée] b');
    p.tick(true);
    p.end();
    expect(out.chunks.join('')).toBe('[ok] a\n[non inspectée] b\n');
    expect(err.chunks.join('')).toMatch(/^1\/2 pages, 0 échec\(s\), reste ≈ \d+ s\n2\/2 pages, 1 échec\(s\), reste ≈ 0 s\n$/);
  });

  it('on a terminal: one progress line rewritten in place, cleared at the end', () => {
    const out = stream(true);
    const err = stream(true);
    const p = progress(2, 'en', out, err);
    p.tick(true, false);
    p.line('[ok] a');
    p.tick(false);
    p.end();
    const e = err.chunks.join('');
    expect(e.startsWith('0/2 pages, 0 failure(s), ≈ ? left')).toBe(true);
    expect(e).toContain('\r\x1b[2K1/2 pages, 1 failure(s)');
    expect(e.endsWith('\r\x1b[2K')).toBe(true);
    expect(e).not.toContain('\n');
  });
});
