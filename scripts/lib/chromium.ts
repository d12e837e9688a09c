import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// Shared by the headless audit, the e2e tests and the benchmarks: one way to start Chromium with Loupe loaded.

export const ROOT = resolve(import.meta.dirname, '../..');
export const AUDIT_BUILD = join(ROOT, '.output/chrome-mv3-audit');
export const FIREFOX_AUDIT_BUILD = join(ROOT, '.output/firefox-mv2-audit');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** A browser named by an environment variable, or else found at its usual places. */
export function findBrowser(name: string, envVar: string, debianPackage: string, candidates: string[]): string {
  const named = process.env[envVar];
  if (named) {
    if (!existsSync(named)) throw new Error(`${envVar}=${named} : fichier introuvable / file not found`);
    return named;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `${name} introuvable : installez-le (apt-get install ${debianPackage}) ou indiquez son chemin dans ${envVar}.\n` +
        `${name} not found: install it (apt-get install ${debianPackage}) or set ${envVar}.`,
    );
  }
  return found;
}

export const findChromium = () => findBrowser('Chromium', 'CHROMIUM_PATH', 'chromium', CANDIDATES);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the audit variant (for Chromium, or for Firefox) when it is missing or older than the sources. */
export function ensureAuditBuild(log: (s: string) => void = () => {}, browser: 'chrome' | 'firefox' = 'chrome'): void {
  const manifest = join(browser === 'firefox' ? FIREFOX_AUDIT_BUILD : AUDIT_BUILD, 'manifest.json');
  const sources = ['entrypoints', 'lib', 'components', 'public'].map((d) => newestMtime(join(ROOT, d)));
  const configTime = statSync(join(ROOT, 'wxt.config.ts')).mtimeMs;
  if (existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(configTime, ...sources)) return;
  log(`Construction de l’extension (variante audit, ${browser})… / Building the extension (audit variant, ${browser})…`);
  // The bundler's timing and chunk-size chatter would land in the middle of Loupe's own output: it is kept, and
  // shown only when the build fails.
  const r = spawnSync('npx', ['wxt', 'build', '--mode', 'audit', '-b', browser], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`La construction de l’extension a échoué (npx wxt build --mode audit -b ${browser}). / The extension build failed.`);
  }
}

export interface LoupeBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithLoupe(
  opts: { extensionDir?: string; browserArgs?: string[]; headless?: boolean; uiLang?: 'fr' | 'en' } = {},
): Promise<LoupeBrowser> {
  const ext = opts.extensionDir ?? AUDIT_BUILD;
  const lang = opts.uiLang ?? (process.env.LOUPE_UI_LANG === 'en' ? 'en' : 'fr');
  const region = lang === 'en' ? 'en-GB' : 'fr-FR';
  const profile = mkdtempSync(join(tmpdir(), 'loupe-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${region}`,
      ...(opts.browserArgs ?? []),
    ],
    locale: region,
    // The extension's UI language follows the browser's, which on Linux follows these variables (--lang is ignored
    // there); Debian needs chromium-l10n for any language but en-US.
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'en' ? 'en_GB.UTF-8' : 'fr_FR.UTF-8' },
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The tab id of a Playwright page. Tabs without host access (chrome://, data:) hide their URL from the extension,
 * so the page is brought to the front and the active tab is taken.
 */
export async function tabIdOf(b: LoupeBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await b.worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string; active: boolean }[]> } } }).chrome;
    const same = (await api.tabs.query({})).filter((t) => t.url === u);
    if (same.length === 1) return same[0]!.id ?? -1;
    const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id ?? -1;
  }, page.url());
  if (id < 0) throw new Error(`no tab shows ${page.url()}`);
  return id;
}
