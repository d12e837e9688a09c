// The headless audit: Loupe's main job for a machine without a person at it.
// It loads the built extension in headless Chromium, opens each page, opens Loupe's own side panel for that tab
// (the same inspection a person gets, no second implementation) and writes one evaluation file per page.
//
//   npm run audit -- [--out DIR] [--format json|csv] [--browser-arg ARG]... [--offline] <url | file.html | list.txt>...
//
// Exit codes: 0 every page inspected; 1 some pages could not be inspected (each named with the reason); 2 bad usage.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { toCsv, toExportFile } from '../lib/export/export-file';
import { exportFileSchema, type Evaluation } from '../lib/export/schema';
import { withSuggestedGrid } from '../lib/grid/state';
import { formatMessage } from '../lib/i18n/messages';
import type { InspectResult } from '../lib/inspect/inspect-tab';
import { REASON_KEYS, whyNotInspectable } from '../lib/inspect/inspectable';
import { camel } from '../lib/panel/verdict';
import { ROOT, ensureAuditBuild, launchWithLoupe, tabIdOf, type LoupeBrowser } from './lib/chromium';
import { serveFolder, type StaticServer } from './lib/static-server';
import { PANEL_FINISHED } from './lib/panel';

const USAGE = `Usage : npm run audit -- [options] [adresse | fichier.html | liste.txt]...
  Sans adresse, inspecte la page de démonstration (examples/demo.html).
  --out DIR            dossier des évaluations (défaut : audit-out)
  --format json|csv    format des fichiers écrits (défaut : json)
  --browser-arg ARG    argument passé à Chromium (répétable), ex. --proxy-server=…
  --offline            ne laisse sortir aucune requête vers Internet (tiers servis vides)
  --timeout SECONDES   délai par page (défaut : 60)
Usage: npm run audit -- [options] [url | file.html | list.txt]...  (no argument: the bundled demo page)`;


interface Options {
  out: string;
  format: 'json' | 'csv';
  browserArgs: string[];
  offline: boolean;
  timeoutMs: number;
  targets: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Options {
  const o: Options = { out: 'audit-out', format: 'json', browserArgs: [], offline: false, timeoutMs: 60_000, targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} : valeur manquante / missing value`);
      return v;
    };
    if (a === '--out') o.out = value();
    else if (a === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'csv') throw new UsageError(`--format ${f} : json ou csv / json or csv`);
      o.format = f;
    } else if (a === '--browser-arg') o.browserArgs.push(value());
    else if (a.startsWith('--browser-arg=')) o.browserArgs.push(a.slice('--browser-arg='.length));
    else if (a === '--offline') o.offline = true;
    else if (a === '--timeout') {
      const s = Number(value());
      if (!(s > 0)) throw new UsageError('--timeout : un nombre de secondes / a number of seconds');
      o.timeoutMs = s * 1000;
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`option inconnue / unknown option: ${a}`);
    else o.targets.push(a);
  }
  return o;
}

/** Expands list files (one address per line, # for comments) and checks local files exist. */
export function expandTargets(targets: string[]): string[] {
  const out: string[] = [];
  for (const t of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(t)) out.push(t);
    else if (t.endsWith('.txt')) {
      if (!existsSync(t)) throw new UsageError(`liste introuvable / list not found: ${t}`);
      const lines = readFileSync(t, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      out.push(...expandTargets(lines.map((l) => (/^[a-z][a-z0-9+.-]*:/i.test(l) ? l : resolve(dirname(t), l)))));
    } else {
      if (!existsSync(t) || !statSync(t).isFile()) throw new UsageError(`fichier introuvable / file not found: ${t}`);
      out.push(resolve(t));
    }
  }
  return out;
}

function slug(target: string, i: number): string {
  const local = !/^[a-z][a-z0-9+.-]*:/i.test(target);
  const url = local ? basename(target).replace(/\.html?$/i, '') : target;
  const s = url.replace(/^[a-z]+:\/\//i, '').replace(/[?#].*$/, '').replace(/[^a-zA-Z0-9.-]+/g, '_').replace(/^_+|_+$/g, '');
  return `${String(i + 1).padStart(2, '0')}-${s.slice(0, 80) || 'page'}`;
}

export function summaryLine(e: Evaluation): string {
  const s = e.summary;
  return `${s.blocking} bloquant(s), ${s.problem} problème(s), ${s.review} à vérifier, ${s.info} information(s)`;
}

async function inspectWithPanel(b: LoupeBrowser, page: Page, timeoutMs: number): Promise<InspectResult> {
  const tabId = await tabIdOf(b, page);
  const panel = await b.context.newPage();
  try {
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}`);
    // The fast findings come first; the accessibility check (axe) then adds its own: wait until it has finished too.
    await panel.waitForSelector(PANEL_FINISHED, { timeout: timeoutMs });
    return (await panel.evaluate(() => globalThis.__loupe?.result)) as InspectResult;
  } finally {
    await panel.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  let targets: string[];
  try {
    opts = parseArgs(argv);
    targets = expandTargets(opts.targets.length ? opts.targets : [join(ROOT, 'examples/demo.html')]);
    if (opts.targets.length === 0) opts.offline = true;
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      return 2;
    }
    throw error;
  }

  ensureAuditBuild((s) => console.error(s));
  mkdirSync(opts.out, { recursive: true });
  // Local files are served over http on 127.0.0.1: an extension may not read file:// pages without a manual switch.
  const servers = new Map<string, StaticServer>();
  const urls: string[] = [];
  for (const t of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(t)) {
      urls.push(t);
      continue;
    }
    const dir = dirname(t);
    if (!servers.has(dir)) servers.set(dir, await serveFolder(dir));
    urls.push(`${servers.get(dir)!.origin}/${encodeURIComponent(basename(t))}`);
  }

  const b = await launchWithLoupe({ browserArgs: opts.browserArgs });
  if (opts.offline) {
    // Nothing leaves the machine: third-party requests get an empty answer, so the page's tags stay visible.
    await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 204, body: '' }));
  }
  let failures = 0;
  try {
    for (const [i, url] of urls.entries()) {
      const page = await b.context.newPage();
      let result: InspectResult;
      try {
        await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs }).catch((error: Error) => {
          // Browser pages (chrome://) and data: URLs load without a "load" Playwright can always see.
          if (!/^(chrome|about|data|edge):/i.test(url)) throw error;
        });
        // Browser pages hide their address from extensions; the audit knows it and names the reason precisely.
        const why = whyNotInspectable(url);
        result = why && why !== 'pdf-viewer' ? { ok: false, reason: why, detail: url, url } : await inspectWithPanel(b, page, opts.timeoutMs);
      } catch (error) {
        result = { ok: false, reason: 'failed', detail: error instanceof Error ? error.message.split('\n')[0]! : String(error), url };
      } finally {
        await page.close();
      }
      if (!result.ok) {
        failures++;
        const key = REASON_KEYS[result.reason] ?? 'reason_failed';
        console.log(`✘ ${url} — ${formatMessage('fr', key, [result.detail])}`);
        console.log(`  (${formatMessage('en', key, [result.detail])})`);
        continue;
      }
      // A first reading on the ministry's grid: every rating and the verdict are Loupe's suggestions (source
      // "detector"), with the most careful reading of an unknown context; a person confirms them in the panel.
      const evaluation = withSuggestedGrid(result.evaluation);
      const file = exportFileSchema.parse(toExportFile([evaluation], { now: Date.now(), version: evaluation.loupeVersion }));
      const path = join(opts.out, `${slug(targets[i]!, i)}.${opts.format}`);
      writeFileSync(path, opts.format === 'json' ? JSON.stringify(file, null, 2) + '\n' : toCsv(file));
      console.log(`✔ ${url} — ${summaryLine(evaluation)} → ${path}`);
      const v = evaluation.verdict!;
      console.log(`    verdict suggéré : ${formatMessage('fr', `gridVerdict_${camel(v.suggested)}`)} (${formatMessage('fr', `gridRule_${camel(v.rule)}`)})`);
      for (const f of result.evaluation.findings.filter((x) => x.severity !== 'info')) {
        console.log(`    [${f.severity}] ${f.message}`);
      }
    }
  } finally {
    await b.close();
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
  return failures > 0 ? 1 : 0;
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
