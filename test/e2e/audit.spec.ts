import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import jsonld from 'jsonld';
import { exportFileSchema } from '../../lib/export/schema';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

async function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/audit.ts', ...args], { cwd: ROOT, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('the audit of the demo page exits 0 and writes an evaluation that validates against the schema', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-'));
  const r = await audit(['--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^\[bloquant\] http:\/\/127\.0\.0\.1:\d+\/demo\.html — \d+ bloquant\(s\), /m);
  const files = readdirSync(out);
  expect(files).toEqual(['01-demo.json']);
  // A newcomer's first run ends saying where the file is and how to open it in the panel.
  expect(r.stdout.trim().split('\n').slice(-2).join('\n')).toMatch(/^L’évaluation de la page de démonstration est dans .*01-demo\.json\.\n.*sidepanel\.html\?view=saved/);
  const file = exportFileSchema.parse(JSON.parse(readFileSync(join(out, files[0]!), 'utf8')));
  const ids = file.evaluations[0]!.findings.map((f) => f.id);
  expect(ids).toEqual(expect.arrayContaining(['legal-links/terms', 'legal-links/privacy', 'legal-links/missing-legal-notice']));
  // The audit waits for the accessibility check (axe), which the panel runs after the fast findings.
  expect(ids).toContain('axe/summary');
  expect(file.evaluations[0]!.detectors.find((d) => d.id === 'axe')?.status).toBe('ok');
  // The demo's AdSense slot, tarteaucitron banner without "Refuser" and pupil sign-up form (issue 3).
  expect(ids).toEqual(expect.arrayContaining(['ads/slot-adsense', 'consent/cmp-tarteaucitron', 'consent/no-refuse', 'account/signup-form', 'account/social-login', 'account/birth-date']));
  expect(file.evaluations[0]!.resource.title).toContain('Les Fractions');
  // A first reading on the grid: all of it suggested, none of it the person's; the ad and the sign-up block.
  const e = file.evaluations[0]!;
  expect(e.grid!.length).toBeGreaterThan(20);
  expect(e.grid!.every((c) => c.source === 'detector')).toBe(true);
  expect(e.verdict).toMatchObject({ source: 'detector', suggested: 'deconseillee', level: 'deconseillee' });
  expect(e.verdict!.blocking).toEqual(expect.arrayContaining(['no-ads', 'no-pupil-account']));
});

test('--format earl writes the demo page’s evaluation as EARL JSON-LD that expands offline and names every finding', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-earl-'));
  const r = await audit(['--format', 'earl', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(readdirSync(out)).toEqual(['01-demo.earl.jsonld']);
  const doc = JSON.parse(readFileSync(join(out, '01-demo.earl.jsonld'), 'utf8'));
  const documentLoader = async (url: string): Promise<never> => {
    throw new Error(`nothing may be fetched: ${url}`);
  };
  const EARL = 'http://www.w3.org/ns/earl#';
  type Node = Record<string, { '@id'?: string; '@value'?: string }[]>;
  const expanded = (await jsonld.expand(doc, { documentLoader })) as unknown as (Node & { '@type'?: string[] })[];
  const assertions = expanded.filter((n) => n['@type']?.includes(`${EARL}Assertion`));
  // As many assertions as the console line counts findings (the demo has no rating by a person).
  const counts = /— (\d+) bloquant\(s\), (\d+) problème\(s\), (\d+) à vérifier, (\d+) information\(s\)/.exec(r.stdout)!;
  expect(assertions).toHaveLength(counts.slice(1).reduce((n, c) => n + Number(c), 0));
  for (const a of assertions) {
    expect(a[`${EARL}subject`]?.[0]?.['@id']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo\.html$/);
    expect(a[`${EARL}test`]?.[0]?.['@id']).toBeTruthy();
    expect(a[`${EARL}mode`]?.[0]?.['@id']).toBe(`${EARL}automatic`);
    const result = a[`${EARL}result`]![0] as unknown as Node;
    expect(result[`${EARL}outcome`]?.[0]?.['@id']).toMatch(/#(passed|failed|cantTell|inapplicable|untested)$/);
  }
  const ids = assertions.map((a) => a['http://purl.org/dc/terms/identifier']?.[0]?.['@value']);
  expect(new Set(ids).size).toBe(assertions.length);
  expect(ids).toEqual(expect.arrayContaining(['ads/slot-adsense', 'account/signup-form', 'legal-links/terms', 'axe/summary', 'axe/violation:image-alt']));
  // axe's image-alt rule is ACT rule 23a2a8; the ad slot is Loupe's own check.
  const testOf = (id: string) => assertions.find((a) => a['http://purl.org/dc/terms/identifier']?.[0]?.['@value'] === id)![`${EARL}test`]![0]!['@id'];
  expect(testOf('axe/violation:image-alt')).toBe('https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/');
  expect(testOf('ads/slot-adsense')).toBe('tag:loupe-education.fr,2026:check/ads');
});

test('--report html writes, per page, the printable report with a screenshot of the page, as one file that needs no Loupe', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-report-'));
  const r = await audit(['--report', 'html', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['01-demo.json', '01-demo.rapport.html']);
  const html = readFileSync(join(out, '01-demo.rapport.html'), 'utf8');
  expect(html).toMatch(/^<!doctype html>/);
  // Self-contained: no script, no stylesheet to load from the extension; the styles are inlined.
  expect(html).not.toMatch(/<script|<link[^>]+stylesheet|chrome-extension:/);
  expect(html).toMatch(/<style>[^<]{200,}<\/style>/);
  expect(html).toContain('Les Fractions en s');
  expect(html).toContain('Projet de fiche pour le registre des traitements');
  // The page as the audit saw it, as a JPEG in the file.
  expect(html).toMatch(/<img[^>]+src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{10000,}"/);
  expect(html).toContain('Capture de la page par l’audit sans interface.');
  // Firefox has no such report yet: said at once, nothing run.
  const ff = await audit(['--report', 'html', '--browser', 'firefox', '--out', out]);
  expect(ff.code).toBe(2);
  expect(ff.stderr).toContain('Chromium seulement');
});

test('the audit names the pages it could not inspect and exits 1; CSV on request', async () => {
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-'));
  const list = join(out, 'pages.txt');
  writeFileSync(list, `# pages\n${resolve(ROOT, 'test/fixtures/pages/legal-links/none.html')}\nchrome://version\n`);
  const r = await audit(['--out', out, '--format', 'csv', list]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^\[non inspectée\] chrome:\/\/version — Cette page appartient au navigateur/m);
  expect(r.stdout).toMatch(/This page belongs to the browser/);
  const csv = readFileSync(join(out, '01-none.csv'), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFF"Identifiant de l\'évaluation";"Adresse";"Site";"Titre";"Inspectée le";"Identifiant du constat";"Catégorie";"Sévérité";"Constat";"Preuves";"Note de la personne"');
  expect(csv).toContain('legal-links/missing-privacy');
});

test('bad usage exits 2 with the usage text', async () => {
  const r = await audit(['--format', 'xml']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage');
});

test("the audit cross-checks the browser's request log: trackers a page erased from its timeline and its DOM are still named", async () => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'loupe-audit-'));
  const list = join(out, 'pages.txt');
  // Offline: the pixel and the hit are answered empty by the audit's own routing, nothing leaves the machine.
  writeFileSync(list, `${resolve(ROOT, 'test/fixtures/hostile/erased-trackers.html')}\n${resolve(ROOT, 'test/fixtures/hostile/no-trackers.html')}\n`);
  const r = await audit(['--offline', '--out', out, list]);
  expect(r.code, r.stderr).toBe(0);
  const read = (name: string) => exportFileSchema.parse(JSON.parse(readFileSync(join(out, name), 'utf8'))).evaluations[0]!;
  // Must flag: Meta's pixel and Google Analytics, though neither a tag nor a timeline entry is left in the page.
  const erased = read('01-erased-trackers.json');
  const trackers = JSON.stringify(erased.findings.filter((f) => f.category === 'trackers' && f.severity !== 'info'));
  expect(trackers).toMatch(/Facebook|Meta/);
  expect(trackers).toMatch(/Google/);
  const log = erased.limits.find((l) => l.messageKey === 'limit_browserLog');
  expect(log?.message).toMatch(/connect\.facebook\.net/);
  expect(log?.message).toMatch(/www\.google-analytics\.com/);
  // Must not flag: a page with no third party, which clears its timeline all the same, gets no tracker and no host.
  const clean = read('02-no-trackers.json');
  expect(clean.findings.filter((f) => f.category === 'trackers' && f.severity !== 'info')).toEqual([]);
  expect(clean.limits.find((l) => l.messageKey === 'limit_browserLog')?.message ?? '').not.toMatch(/facebook|google/);
});
