import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs, shardOf } from '../../scripts/lib/audit/args';
import { navigationProblem, pageProblem } from '../../scripts/lib/audit/http';
import { addressWithoutScheme, readTargets } from '../../scripts/lib/audit/targets';

describe('audit command line', () => {
  it('parses options, with paths from the folder the command was typed in', () => {
    expect(parseArgs(['--out', 'x', '--format', 'csv', '--browser-arg', '--proxy-server=p:3128', '--jobs', '3', '--shard', '2/5', '--resume', '--lang', 'en', '--browser', 'firefox', 'https://a.fr'], '/home/doc')).toMatchObject({
      command: 'audit', out: '/home/doc/x', format: 'csv', browserArgs: ['--proxy-server=p:3128'], jobs: 3, shard: { index: 2, count: 5 },
      resume: true, lang: 'en', browser: 'firefox', targets: [{ arg: 'https://a.fr', list: false }],
    });
    expect(parseArgs(['--list', 'catalogue.csv', '--jobs=2'], '/d')).toMatchObject({ jobs: 2, targets: [{ arg: 'catalogue.csv', list: true }] });
    expect(parseArgs(['merge', 'a', 'b', '--out', 'lot.json'], '/d')).toEqual({ command: 'merge', dirs: ['/d/a', '/d/b'], out: '/d/lot.json', lang: 'fr' });
    expect(parseArgs(['x.html', '--help'])).toEqual({ command: 'help' });
    // Issue 23: the observed reload, 20 s after load unless told.
    expect(parseArgs(['--observe', 'a.html'])).toMatchObject({ observeMs: 20_000 });
    expect(parseArgs(['--observe-window', '5', '--observe', 'a.html'])).toMatchObject({ observeMs: 5_000 });
    expect(parseArgs(['a.html'])).toMatchObject({ observeMs: null });
  });
  it('refuses bad usage', () => {
    for (const bad of [['--format', 'xml'], ['--nope'], ['--out'], ['--jobs', '0'], ['--shard', '3/2'], ['--shard', '1'], ['--lang', 'de'], ['--browser', 'safari'], ['merge', 'a'], ['merge', '--out', 'x.json'], ['--observe-window', '0'], ['--observe-window', 'x']]) {
      expect(() => parseArgs(bad), bad.join(' ')).toThrow(UsageError);
    }
  });
  it('splits a list into N contiguous shards that cover it once', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((k) => shardOf(items, { index: k, count: 3 }));
    expect(parts.flat()).toEqual(items);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 4]);
    expect(shardOf(items, null)).toBe(items);
  });
});

describe('audit targets', () => {
  it('reads a web address without its scheme as https://, and a file name as a file', () => {
    expect(addressWithoutScheme('www.exemple.fr')).toBe('https://www.exemple.fr');
    expect(addressWithoutScheme('lumni.fr/primaire')).toBe('https://lumni.fr/primaire');
    expect(addressWithoutScheme('localhost:8080/x')).toBe('http://localhost:8080/x');
    expect(addressWithoutScheme('page.html')).toBeNull();
    expect(addressWithoutScheme('notes/page.htm')).toBeNull();
    expect(addressWithoutScheme('liste.txt')).toBeNull();
  });
  it('recognises a list by its content, resolves its lines from its folder, and names what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loupe-targets-'));
    writeFileSync(join(dir, 'a.html'), '<!doctype html><title>a</title>');
    writeFileSync(join(dir, 'page-without-extension'), '\n  <html><title>b</title></html>');
    writeFileSync(join(dir, 'catalogue'), '# ressources demandées\nwww.exemple.fr\na.html  # la page a\n\nhttps://b.fr/x#y\nabsent.html\na.html\n');
    const targets = readTargets([{ arg: 'catalogue', list: false }, { arg: 'page-without-extension', list: false }], dir);
    expect(targets).toEqual([
      { index: 0, input: 'www.exemple.fr', url: 'https://www.exemple.fr' },
      { index: 1, input: 'a.html', url: '', file: join(dir, 'a.html') },
      { index: 2, input: 'https://b.fr/x#y', url: 'https://b.fr/x#y' },
      { index: 3, input: 'absent.html', problem: { text: 'fileNotFound', params: [join(dir, 'absent.html')] } },
      { index: 4, input: 'page-without-extension', url: '', file: join(dir, 'page-without-extension') },
    ]);
    // --list reads any file as a list, even one whose name says page.
    writeFileSync(join(dir, 'export.html'), 'www.exemple.fr\n');
    expect(readTargets([{ arg: 'export.html', list: false }], dir)).toEqual([{ index: 0, input: 'export.html', url: '', file: join(dir, 'export.html') }]);
    expect(readTargets([{ arg: 'export.html', list: true }], dir)).toEqual([{ index: 0, input: 'www.exemple.fr', url: 'https://www.exemple.fr' }]);
  });
});

describe('pages that are not the resource', () => {
  it('reports HTTP errors and login walls, not clean pages', () => {
    expect(pageProblem('https://a.fr/x', 404, 'https://a.fr/x')).toEqual({ text: 'httpError', params: ['404'] });
    expect(pageProblem('https://a.fr/x', 410, 'https://a.fr/x')).toMatchObject({ text: 'httpError' });
    expect(pageProblem('https://a.fr/x', 503, 'https://a.fr/x')).toMatchObject({ text: 'httpError' });
    expect(pageProblem('https://a.fr/x', 401, 'https://a.fr/x')).toMatchObject({ text: 'loginWall' });
    expect(pageProblem('https://a.fr/cours', 200, 'https://a.fr/login?next=/cours')).toEqual({ text: 'loginWall', params: ['https://a.fr/login'] });
    expect(pageProblem('https://a.fr/cours', 200, 'https://sso.academie.fr/cas/login')).toMatchObject({ text: 'loginWall' });
  });
  it('lets real pages through, redirected or not', () => {
    expect(pageProblem('https://a.fr/x', 200, 'https://a.fr/x')).toBeNull();
    expect(pageProblem('http://a.fr/', 200, 'https://www.a.fr/')).toBeNull();
    expect(pageProblem('https://a.fr/login', 200, 'https://a.fr/login/')).toBeNull();
    expect(pageProblem('https://a.fr/authors', 200, 'https://a.fr/authors/list')).toBeNull();
    expect(pageProblem('about:blank', null, 'about:blank')).toBeNull();
  });
  it('names a network failure by the browser’s code', () => {
    expect(navigationProblem('page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/', 60_000)).toEqual({ text: 'unreachable', params: ['net::ERR_CONNECTION_REFUSED'] });
    expect(navigationProblem('NS_ERROR_UNKNOWN_HOST at https://x.invalid', 60_000)).toMatchObject({ text: 'unreachable' });
    expect(navigationProblem('Protocol error (browsingContext.navigate): unknown error Error: connectionFailure #onNavigationCommitted@chrome://remote/…', 1000)).toEqual({ text: 'unreachable', params: ['connectionFailure'] });
    expect(navigationProblem('page.goto: Timeout 30000ms exceeded.', 30_000)).toEqual({ text: 'timeout', params: ['30'] });
    expect(navigationProblem('something else', 1000)).toEqual({ locale: 'reason_failed', params: ['something else'] });
  });
});
