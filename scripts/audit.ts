// The headless audit: Loupe's main job for a machine without a person at it.
// It loads the built extension in headless Chromium (or Firefox), opens each page, opens Loupe's own side panel for
// that tab (the same inspection a person gets, no second implementation) and writes one evaluation file per page.
// `npm run audit -- --help` prints the options, the list format and the exit codes (scripts/lib/audit/args.ts).
//
// Exit codes: 0 every page inspected; 1 some pages could not be inspected (each named with the reason); 2 bad usage.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { findingRowsCsv } from '../lib/export/csv';
import { toEarl } from '../lib/export/earl';
import { toExportFile } from '../lib/export/export-file';
import { exportFileSchema } from '../lib/export/schema';
import { type Evaluation } from '../lib/detectors/finding';
import { withSuggestedGrid } from '../lib/grid/state';
import { formatMessage } from '../lib/i18n/messages';
import { formatWith } from '../lib/i18n/format';
import { REASON_KEYS, whyNotInspectable } from '../lib/inspect/inspectable';
import { CWD, USAGE, UsageError, parseArgs, shardOf, type AuditOptions, type MergeOptions } from './lib/audit/args';
import { navigationProblem, pageProblem } from './lib/audit/http';
import { mergeFolders } from './lib/audit/merge';
import { VERDICTS, countsLine, duration, reasonText, say, verdictOf, type Lang, type NotInspected, type Verdict } from './lib/audit/messages';
import { progress } from './lib/audit/progress';
import type { LoadedPage, Runner } from './lib/audit/runner';
import { readTargets, type PageTarget, type Target } from './lib/audit/targets';
import { ROOT, ensureAuditBuild } from './lib/chromium';
import { serveFolder, type StaticServer } from './lib/static-server';

type Inspected = { kind: 'done'; verdict: Verdict; line: string } | { kind: 'failed'; reason: NotInspected; url: string };
type Outcome = Inspected | { kind: 'skipped' };

function fileName(t: Target, width: number, format: string): string {
  const name = 'file' in t && t.file ? basename(t.file).replace(/\.html?$/i, '') : 'url' in t ? t.url : t.input;
  const s = name.replace(/^[a-z]+:\/\//i, '').replace(/[?#].*$/, '').replace(/[^a-zA-Z0-9.-]+/g, '_').replace(/^_+|_+$/g, '');
  // The position in the whole list, not in the shard: the names stay the same however the list is split.
  return `${String(t.index + 1).padStart(width, '0')}-${s.slice(0, 80) || 'page'}.${format === 'earl' ? 'earl.jsonld' : format}`;
}

const notInspectedLine = (lang: Lang, url: string, r: NotInspected) => {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  // Named in both languages: the person who reads the log may not be the one who ran it.
  return `[${say(lang, 'notInspected')}] ${url} — ${reasonText(lang, r)} (${reasonText(other, r)})`;
};

/** An error's message and its cause's (puppeteer's "Waiting failed" says why only there). */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

async function inspectOne(runner: Runner, url: string, o: AuditOptions, path: string): Promise<Inspected> {
  let page;
  try {
    page = await runner.open(url, o.timeoutMs);
  } catch (error) {
    return { kind: 'failed', url, reason: navigationProblem(errorText(error), o.timeoutMs) };
  }
  try {
    const http = pageProblem(url, page.status, page.finalUrl);
    if (http) return { kind: 'failed', url, reason: http };
    // Browser pages hide their address from extensions; the audit knows it and names the reason precisely.
    const why = whyNotInspectable(url);
    const result = why && why !== 'pdf-viewer' ? ({ ok: false, reason: why, detail: url } as const) : await page.inspect();
    if (!result.ok) return { kind: 'failed', url, reason: { locale: REASON_KEYS[result.reason] ?? 'reason_failed', params: [result.detail] } };
    // A first reading on the ministry's grid: every rating and the verdict are Loupe's suggestions (source
    // "detector"), with the most careful reading of an unknown context; a person confirms them in the panel.
    const evaluation = withSuggestedGrid(result.evaluation);
    const file = exportFileSchema.parse(toExportFile([evaluation], { now: Date.now(), version: evaluation.loupeVersion }));
    const text =
      o.format === 'json' ? JSON.stringify(file, null, 2) + '\n'
      : o.format === 'earl' ? JSON.stringify(toEarl(file.evaluations, { actIdsOfAxeRule: await axeActIds() }), null, 2) + '\n'
      : findingRowsCsv(file);
    writeFileSync(path, text);
    if (o.report) {
      const report = path.replace(/\.(json|csv|earl\.jsonld)$/, '.rapport.html');
      writeFileSync(report, await runner.reportHtml!(await withPageScreenshot(evaluation, page)));
    }
    const verdict = verdictOf(result.evaluation);
    return { kind: 'done', verdict, line: [
        `[${say(o.lang, verdict)}] ${url} — ${countsLine(o.lang, result.evaluation)} → ${path}`,
        // What was not checked is said with the result, never left for the reader of the file to find.
        ...result.evaluation.limits.map((l) => `    (${say(o.lang, 'limit')}) ${formatWith(o.lang, l.messageKey, l.params)}`),
      ].join('\n') };
  } catch (error) {
    return { kind: 'failed', url, reason: navigationProblem(errorText(error), o.timeoutMs) };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The evaluation with a capture of the page as the audit saw it, the evidence the printable report shows. */
async function withPageScreenshot(e: Evaluation, page: LoadedPage): Promise<Evaluation> {
  if (!page.screenshot) return e;
  // The export format keeps captures under 400,000 characters: a busy page gets a second, coarser try.
  let jpeg = await page.screenshot(60);
  if (jpeg.length * 4 / 3 > 390_000) jpeg = await page.screenshot(30);
  if (jpeg.length * 4 / 3 > 390_000) return e;
  // JPEG's header gives the size: SOF0/SOF2 marker, then height and width.
  let i = 2;
  while (i < jpeg.length && !(jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2))) i += 2 + jpeg.readUInt16BE(i + 2);
  const [height, width] = [jpeg.readUInt16BE(i + 5), jpeg.readUInt16BE(i + 7)];
  const shot = { id: 'audit-page', takenAt: new Date().toISOString(), dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width, height, note: 'Capture de la page par l’audit sans interface.' };
  return { ...e, screenshots: [...(e.screenshots ?? []), shot] };
}

/** axe-core's ACT rule ids by axe rule, for the EARL export's tests (axe-core is loaded only for that format). */
async function axeActIds(): Promise<(rule: string) => readonly string[]> {
  const { default: axe } = await import('axe-core');
  const ids = new Map(axe.getRules().map((r) => [r.ruleId, (r as { actIds?: string[] }).actIds ?? []]));
  return (rule) => ids.get(rule) ?? [];
}

async function startRunner(o: AuditOptions): Promise<Runner> {
  const opts = { browserArgs: o.browserArgs, offline: o.offline, observeMs: o.observeMs };
  if (o.browser === 'firefox') return (await import('./lib/audit/runner-firefox')).firefoxRunner(opts);
  return (await import('./lib/audit/runner-chromium')).chromiumRunner(opts);
}

export async function audit(o: AuditOptions): Promise<number> {
  const started = Date.now();
  const demo = o.targets.length === 0;
  if (demo) o = { ...o, offline: true, targets: [{ arg: join(ROOT, 'examples/demo.html'), list: false }] };
  const all = readTargets(o.targets, CWD);
  const mine = shardOf(all, o.shard);
  const width = Math.max(2, String(all.length).length);
  mkdirSync(o.out, { recursive: true });

  const show = progress(mine.length, o.lang);
  const outcomes: Outcome[] = [];
  const todo: { t: PageTarget; path: string }[] = [];
  for (const t of mine) {
    const path = join(o.out, fileName(t, width, o.format));
    if ('problem' in t) outcomes.push({ kind: 'failed', url: t.input, reason: t.problem });
    else if (o.resume && existsSync(path)) outcomes.push({ kind: 'skipped' });
    else todo.push({ t, path });
  }
  for (const x of outcomes) {
    if (x.kind === 'failed') show.line(notInspectedLine(o.lang, x.url, x.reason));
    show.tick(x.kind === 'failed', false);
  }

  if (todo.length) {
    ensureAuditBuild((s) => console.error(s), o.browser === 'firefox' ? 'firefox' : 'chrome');
    // Local files are served over http on 127.0.0.1: an extension may not read file:// pages without a manual switch.
    const servers = new Map<string, StaticServer>();
    for (const { t } of todo) {
      if (!t.file) continue;
      const dir = dirname(t.file);
      if (!servers.has(dir)) servers.set(dir, await serveFolder(dir));
      t.url = `${servers.get(dir)!.origin}/${encodeURIComponent(basename(t.file))}`;
    }
    const runner = await startRunner(o);
    try {
      let next = 0;
      const worker = async () => {
        while (next < todo.length) {
          const { t, path } = todo[next++]!;
          const x = await inspectOne(runner, t.url, o, path);
          outcomes.push(x);
          show.line(x.kind === 'done' ? x.line : notInspectedLine(o.lang, x.url, x.reason));
          show.tick(x.kind === 'failed');
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.jobs, todo.length) }, worker));
    } finally {
      await runner.close();
      await Promise.all([...servers.values()].map((s) => s.close()));
    }
  }
  show.end();

  const count = (k: Outcome['kind']) => outcomes.filter((x) => x.kind === k).length;
  const levels = VERDICTS.map((v) => `${outcomes.filter((x) => x.kind === 'done' && x.verdict === v).length} ${say(o.lang, v)}`).join(', ');
  console.log(say(o.lang, 'tally', [mine.length, count('done'), levels, count('failed'), count('skipped'), duration(Date.now() - started)]));
  // A newcomer's first run ends with where the file is and how to look at it, not with a bare tally.
  const demoFile = demo && o.format === 'json' && todo.find(({ path }) => existsSync(path))?.path;
  if (demoFile) console.log(`\n${say(o.lang, 'demoNext', [relative(CWD, demoFile).startsWith('..') ? demoFile : relative(CWD, demoFile)])}`);
  return count('failed') > 0 ? 1 : 0;
}

export function merge(o: MergeOptions): number {
  const r = mergeFolders(o.dirs, o.out);
  for (const u of r.unreadable) console.log(say(o.lang, 'unreadable', [u.path, u.why]));
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(r.bundle, null, 2) + '\n');
  console.log(say(o.lang, 'merged', [r.bundle.evaluations.length, r.files, o.out, r.duplicates]));
  return r.unreadable.length > 0 || r.files === 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  if (parsed.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  return parsed.command === 'merge' ? merge(parsed) : audit(parsed);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
