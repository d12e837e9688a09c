// Claims judged against a second reader (issue 22): the detectors run on real saved pages nobody on the project
// wrote (../shared/data/real-pages), and each claim of the categories below is judged right, wrong or unknown
// against labels written by readers who did not write the rules (test/fixtures/real-labels/, see its README).
// Precision per category and per severity (blocking, problem, review, "not found" = a claim of absence), recall for
// what a page carries (privacy link, legal notice, ads, a date), printed apart for the part tuned on ("tune") and
// the part set aside before tuning ("holdout"), next to the figures of the rules before issue 22
// (real-labels-before.json). A separate line scores the dates on every htmldate page with an expected date.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectorList } from '../../lib/detectors/registry';
import { runDetectors } from '../../lib/inspect/run-detectors';
import type { PageSnapshot } from '../../lib/snapshot/schema';
import { snapshotFromHtml } from '../../test/helpers/snapshot-from-html';
import type { EvalReport } from '../eval-detectors';

export const REAL_PAGES = resolve(process.env.LOUPE_REAL_PAGES ?? resolve(import.meta.dirname, '../../../shared/data/real-pages'));
export const LABELS_DIR = resolve(process.env.LOUPE_REAL_LABELS ?? resolve(import.meta.dirname, '../../test/fixtures/real-labels'));
export const BEFORE = resolve(import.meta.dirname, 'real-labels-before.json');
const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = resolve(ROOT, 'node_modules/.cache/loupe-real-pages');

export const CATEGORIES = ['trackers', 'ads', 'legal-links', 'licence', 'account', 'publisher-dates', 'access-model', 'consent'] as const;
export const GROUPS = ['blocking', 'problem', 'review', 'not-found', 'info'] as const;
type Category = (typeof CATEGORIES)[number];
type Group = (typeof GROUPS)[number];
type Verdict = 'right' | 'wrong' | 'unknown';
const GOAL: Record<Group, number | null> = { blocking: 0.95, problem: 0.95, review: 0.9, 'not-found': 0.9, info: null };
export const RECALLS = ['privacy link', 'legal notice', 'ads', 'dates shown'] as const;
const RECALL_GOAL = 0.9;

interface Presence {
  present: boolean | null;
  hrefs?: string[];
}
export interface Label {
  file: string;
  reader?: string;
  kind?: string;
  nearlyEmpty?: boolean | null;
  privacyLink?: Presence | null;
  legalNotice?: Presence | null;
  termsLink?: Presence | null;
  salesTerms?: Presence | null;
  cookiesLink?: Presence | null;
  ads?: { present: boolean | null; evidence?: string } | null;
  dateShown?: { published: string | null; updated: string | null; visible?: boolean | null; where?: string } | null;
  accountCreation?: { asked: boolean | null; evidence?: string } | null;
  newsletter?: { present: boolean | null } | null;
  login?: { present: boolean | null } | null;
  price?: { resourcePaid: boolean | null; evidence?: string } | null;
  copyright?: { notice: string | null; allRightsReserved?: boolean | null } | null;
  licence?: { open: boolean | null; evidence?: string } | null;
  consentBanner?: { present: boolean | null; platform?: string | null; refuseAtFirstLevel?: boolean | null } | null;
  thirdParties?: { host: string; what?: string; role?: string; sameGroup?: boolean }[] | null;
  note?: string;
}
interface PageEntry {
  file: string;
  lang?: string;
  split: 'tune' | 'holdout';
  expected_date?: string | null;
}
interface IndexEntry {
  file: string;
  page_url?: string;
  source_url?: string;
  sha1: string;
  expected_date?: string | null;
}

/** One cell of the table: claims judged right, wrong, unknown. */
export interface Cell {
  right: number;
  wrong: number;
  unknown: number;
}
export interface RecallCell {
  found: number;
  carried: number;
}
export interface SplitFigures {
  pages: number;
  /** Pages happy-dom could not parse whole, left out (cutShort). */
  cut?: string[];
  cells: Record<string, Cell>;
  recall: Record<string, RecallCell>;
  /** Wrong claims and misses, one line each: printed for the tuned part only. */
  wrong: string[];
}
export interface Figures {
  note?: string;
  tune: SplitFigures;
  holdout: SplitFigures;
  /** The dates detector on every htmldate page with an expected date. */
  dates: { pages: number; exact: number; anyDate: number; noDateClaims: number; noDateWrong: number };
}

/** The page's bytes decoded by its own charset (meta charset or http-equiv), windows-1252 when none is said. */
export function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  let charset = (m?.[1] ?? '').toLowerCase();
  if (!charset) charset = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  if (charset === 'iso-8859-1' || charset === 'latin1' || charset === 'us-ascii') charset = 'windows-1252';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

let index: Map<string, IndexEntry> | undefined;
function indexEntries(): Map<string, IndexEntry> {
  index ??= new Map((JSON.parse(readFileSync(join(REAL_PAGES, 'index.json'), 'utf8')) as { pages: IndexEntry[] }).pages.map((p) => [p.file, p]));
  return index;
}

/** The page's address: its canonical or test URL, else the site its file is named after. */
export function urlOf(file: string): string {
  const e = indexEntries().get(file);
  const u = e?.page_url ?? e?.source_url;
  if (u && /^https?:\/\//.test(u)) return u;
  const name = file.replace(/^[^/]+\//, '').replace(/\.html?\.gz$|\.gz$/, '').split('__')[0]!;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name) ? `https://${name}/` : 'https://page.invalid/';
}

// Snapshots are cached by the page's sha1 and the gather's source: a change to lib/snapshot/ makes new ones.
let gatherHash: string | undefined;
function gatherVersion(): string {
  if (gatherHash) return gatherHash;
  const h = createHash('sha1');
  const dir = resolve(ROOT, 'lib/snapshot');
  for (const f of readdirSync(dir).sort()) h.update(readFileSync(join(dir, f)));
  h.update(readFileSync(resolve(ROOT, 'test/helpers/snapshot-from-html.ts')));
  return (gatherHash = h.digest('hex').slice(0, 12));
}

/**
 * Whether happy-dom stopped parsing the page early (it gives up at some SVG markup a browser reads): fewer than half
 * the page's start tags (outside scripts) became elements. Such a page is left out and counted, not judged: its
 * "missing" claims would be the test harness's, not the extension's (which runs in a real browser).
 */
export async function cutShort(file: string, snap: PageSnapshot): Promise<boolean> {
  const html = decodePage(gunzipSync(readFileSync(join(REAL_PAGES, file))));
  const tags = (html.replace(/<script[\s\S]*?<\/script>/gi, '').match(/<[a-zA-Z]/g) ?? []).length;
  return snap.limits.elementCount < tags * 0.5;
}

export async function snapshotOf(file: string): Promise<PageSnapshot> {
  const e = indexEntries().get(file);
  const dir = join(CACHE, gatherVersion());
  const cached = e && join(dir, `${e.sha1}.json`);
  if (cached && existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as PageSnapshot;
  const html = decodePage(gunzipSync(readFileSync(join(REAL_PAGES, file))));
  const snap = await snapshotFromHtml(html, urlOf(file));
  if (cached) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(cached, JSON.stringify(snap));
  }
  return snap;
}

const ABSENCE = /^(not-found|not-stated|missing\b|no-)/;
interface Claim {
  id: string;
  key: string;
  detector: string;
  severity: string;
  data?: Record<string, unknown>;
}

function groupOf(c: Claim): Group {
  if (ABSENCE.test(c.key)) return 'not-found';
  return c.severity === 'info' ? 'info' : (c.severity as Group);
}

const siteOfHost = (h: string) => h.toLowerCase().replace(/^www\./, '').split('.').slice(-2).join('.');
const sameHost = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith('.' + y) || y.endsWith('.' + x) || siteOfHost(x) === siteOfHost(y);
};
const byPresence = (p: Presence | null | undefined, claimsPresent: boolean): Verdict =>
  p?.present == null ? 'unknown' : p.present === claimsPresent ? 'right' : 'wrong';
const TRACKING_ROLES = new Set(['advertising', 'analytics', 'session-recording', 'social', 'comments']);
const LEGAL_FIELD: Record<string, keyof Label> = { privacy: 'privacyLink', 'legal-notice': 'legalNotice', terms: 'termsLink', sales: 'salesTerms', cookies: 'cookiesLink' };
// A link to prices or a school licence offer is a fact about the site, not a claim that this resource is paid.
const PAID_KINDS = new Set(['paid', 'subscription', 'premium', 'freemium', 'trial', 'in-app']);

/** A claim judged against the page's labels; null when it is not a claim this evaluation judges. */
export function judge(c: Claim, l: Label): Verdict | null {
  const absence = ABSENCE.test(c.key);
  // "Missing" said of a page with almost nothing in it is a fact the page cannot support.
  if (absence && l.nearlyEmpty) return 'wrong';
  switch (c.detector) {
    case 'trackers': {
      if (!c.key.startsWith('org-') && !c.key.startsWith('session-recording-')) return null;
      const hosts = (c.data?.hosts as string[] | undefined) ?? [];
      const labelled = (l.thirdParties ?? []).filter((t) => hosts.some((h) => sameHost(h, t.host)));
      if (!l.thirdParties || labelled.length === 0) return 'unknown';
      if (c.key.startsWith('session-recording-')) return labelled.some((t) => t.role === 'session-recording') ? 'right' : 'wrong';
      const third = labelled.filter((t) => !t.sameGroup);
      if (c.severity === 'blocking') return third.some((t) => t.role === 'advertising') ? 'right' : 'wrong';
      if (c.severity === 'problem') return third.some((t) => TRACKING_ROLES.has(t.role ?? '')) ? 'right' : 'wrong';
      return third.length > 0 ? 'right' : 'wrong';
    }
    case 'ads':
      return c.severity === 'info' && c.key === 'label' ? null : byPresence(l.ads, true);
    case 'legal-links': {
      const kind = c.key.replace(/^missing-/, '');
      const field = LEGAL_FIELD[kind];
      if (!field) return null;
      return byPresence(l[field] as Presence | null | undefined, !absence);
    }
    case 'licence': {
      const cr = l.copyright;
      const open = l.licence?.open ?? null;
      if (c.key.startsWith('open-')) return open === true ? 'right' : 'wrong';
      if (c.key === 'rights-reserved') return cr?.allRightsReserved || open === false ? 'right' : 'wrong';
      if (c.key === 'copyright') return cr?.notice || cr?.allRightsReserved ? 'right' : 'wrong';
      if (c.key === 'not-stated') return open === null && !cr?.notice && !cr?.allRightsReserved ? 'right' : 'wrong';
      return null;
    }
    case 'account': {
      const asked = l.accountCreation?.asked ?? null;
      if (c.key === 'signup-form' || c.key === 'signup-link') return asked === null ? 'unknown' : asked ? 'right' : 'wrong';
      if (c.key === 'social-login') return l.login?.present || asked ? 'right' : l.login?.present === false && asked === false ? 'wrong' : 'unknown';
      // The labels do not say whether a form outside account creation asks a birth date.
      if (c.key === 'birth-date') return asked ? 'right' : 'unknown';
      if (c.key === 'login-form') return byPresence(l.login, true);
      return null;
    }
    case 'publisher-dates': {
      const d = l.dateShown;
      const dates = [d?.published, d?.updated].filter((x): x is string => !!x).map((x) => x.slice(0, 10));
      if (c.key === 'published' || c.key === 'updated') {
        if (!d) return 'unknown';
        const got = String(c.data?.date ?? '');
        return dates.some((x) => x === got || (got.length < 10 && x.startsWith(got))) ? 'right' : 'wrong';
      }
      if (c.key === 'no-date') return !d ? 'unknown' : dates.length === 0 ? 'right' : 'wrong';
      return null;
    }
    case 'access-model': {
      const paid = l.price?.resourcePaid ?? null;
      const kind = String(c.data?.kind ?? c.key);
      if (paid === null) return 'unknown';
      if (kind === 'free') return paid ? 'wrong' : 'right';
      if (PAID_KINDS.has(kind)) return paid ? 'right' : 'wrong';
      return null;
    }
    case 'consent': {
      const b = l.consentBanner;
      if (!b || b.present === null) return 'unknown';
      if (c.key.startsWith('cmp-')) {
        if (!b.platform || /^own$/i.test(b.platform)) return b.present ? 'unknown' : 'unknown';
        const name = String(c.data?.platform ?? '').toLowerCase();
        const p = b.platform.toLowerCase();
        return name.includes(p) || p.includes(name.split(' ')[0]!) ? 'right' : 'wrong';
      }
      if (c.key.startsWith('no-refuse')) return b.present && b.refuseAtFirstLevel === false ? 'right' : b.present && b.refuseAtFirstLevel == null ? 'unknown' : 'wrong';
      if (c.key.startsWith('refuse-offered')) return b.present && b.refuseAtFirstLevel ? 'right' : 'wrong';
      if (c.key === 'trackers-before-consent') return b.present ? 'right' : 'wrong';
      return null;
    }
  }
  return null;
}

/** Whether the page carries the thing (null: the label cannot tell) and whether the detectors found it. */
function recalls(claims: Claim[], l: Label): { name: string; carried: boolean; found: boolean; detail: string }[] {
  const out: { name: string; carried: boolean; found: boolean; detail: string }[] = [];
  const has = (detector: string, pred: (c: Claim) => boolean) => claims.some((c) => c.detector === detector && pred(c));
  if (l.privacyLink?.present != null) out.push({ name: 'privacy link', carried: l.privacyLink.present, found: has('legal-links', (c) => c.key === 'privacy'), detail: (l.privacyLink.hrefs ?? []).join(' ') });
  if (l.legalNotice?.present != null) out.push({ name: 'legal notice', carried: l.legalNotice.present, found: has('legal-links', (c) => c.key === 'legal-notice'), detail: (l.legalNotice.hrefs ?? []).join(' ') });
  if (l.ads?.present != null) out.push({ name: 'ads', carried: l.ads.present, found: has('ads', (c) => c.severity !== 'info' || c.key !== 'label'), detail: l.ads.evidence ?? '' });
  const d = l.dateShown;
  if (d) {
    const dates = [d.published, d.updated].filter((x): x is string => !!x).map((x) => x.slice(0, 10));
    const got = claims.filter((c) => c.detector === 'publisher-dates' && (c.key === 'published' || c.key === 'updated')).map((c) => String(c.data?.date ?? ''));
    out.push({ name: 'dates shown', carried: dates.length > 0, found: got.some((g) => dates.includes(g)), detail: `${dates.join('/')} got ${got.join('/') || 'none'}` });
  }
  return out;
}

function emptySplit(): SplitFigures {
  return { pages: 0, cells: {}, recall: {}, wrong: [] };
}
const cellKey = (cat: Category, g: Group) => `${cat} ${g}`;

function readLabels(): { labels: Map<string, Label>; pages: PageEntry[] } {
  const pages = JSON.parse(readFileSync(join(LABELS_DIR, 'pages.json'), 'utf8')) as PageEntry[];
  const labels = new Map<string, Label>();
  const dir = existsSync(join(LABELS_DIR, 'labels')) ? join(LABELS_DIR, 'labels') : LABELS_DIR;
  for (const p of pages) {
    const name = p.file.replace(/\.html?\.gz$|\.gz$/, '').replace(/\//g, '__') + '.json';
    const f = join(dir, name);
    if (existsSync(f)) labels.set(p.file, JSON.parse(readFileSync(f, 'utf8')) as Label);
  }
  return { labels, pages };
}

const NOW = Date.UTC(2026, 10, 23);
async function claimsOf(file: string): Promise<Claim[]> {
  const snap = await snapshotOf(file);
  const run = await runDetectors(snap, detectorList, { now: NOW });
  return run.findings.map((f) => ({ id: f.id, key: f.id.slice(f.id.indexOf('/') + 1), detector: f.detector, severity: f.severity, data: f.data as Record<string, unknown> | undefined }));
}

/** Measures the labelled pages of the chosen splits (all by default: LOUPE_REAL_SPLIT=tune to tune blind). */
export async function measureReal(splits: readonly ('tune' | 'holdout')[] = splitsWanted()): Promise<Figures> {
  const { labels, pages } = readLabels();
  const fig: Figures = { tune: emptySplit(), holdout: emptySplit(), dates: { pages: 0, exact: 0, anyDate: 0, noDateClaims: 0, noDateWrong: 0 } };
  for (const p of pages) {
    if (!splits.includes(p.split)) continue;
    const l = labels.get(p.file);
    if (!l) continue;
    const s = fig[p.split];
    s.pages++;
    let claims: Claim[];
    try {
      const snap = await snapshotOf(p.file);
      if (await cutShort(p.file, snap)) {
        s.pages--;
        (s.cut ??= []).push(p.file);
        continue;
      }
      claims = await claimsOf(p.file);
    } catch (e) {
      s.wrong.push(`${p.file}: not inspected (${String(e).slice(0, 120)})`);
      continue;
    }
    for (const c of claims) {
      if (!(CATEGORIES as readonly string[]).includes(c.detector)) continue;
      const v = judge(c, l);
      if (!v) continue;
      const k = cellKey(c.detector as Category, groupOf(c));
      const cell = (s.cells[k] ??= { right: 0, wrong: 0, unknown: 0 });
      cell[v]++;
      if (v === 'wrong') s.wrong.push(`${p.file}: wrong ${c.id} ${c.severity}${c.data?.date ? ` ${String(c.data.date)}` : ''}`);
    }
    for (const r of recalls(claims, l)) {
      if (!r.carried) continue;
      const cell = (s.recall[r.name] ??= { found: 0, carried: 0 });
      cell.carried++;
      if (r.found) cell.found++;
      else s.wrong.push(`${p.file}: missed ${r.name} (${r.detail.slice(0, 120)})`);
    }
  }
  if (process.env.LOUPE_REAL_DATES !== '0') fig.dates = await measureDates();
  return fig;
}

function splitsWanted(): ('tune' | 'holdout')[] {
  const s = process.env.LOUPE_REAL_SPLIT;
  return s === 'tune' ? ['tune'] : s === 'holdout' ? ['holdout'] : ['tune', 'holdout'];
}

/** The dates detector on every htmldate page with an expected date (index.json), labelled pages or not. */
export async function measureDates(): Promise<Figures['dates']> {
  const out = { pages: 0, exact: 0, anyDate: 0, noDateClaims: 0, noDateWrong: 0 };
  for (const e of indexEntries().values()) {
    if (!e.file.startsWith('htmldate/') || e.expected_date === undefined) continue;
    out.pages++;
    let claims: Claim[];
    try {
      const snap = await snapshotOf(e.file);
      const detector = detectorList.find((d) => d.id === 'publisher-dates')!;
      const run = await runDetectors(snap, [detector], { now: NOW });
      claims = run.findings.map((f) => ({ id: f.id, key: f.id.slice(f.id.indexOf('/') + 1), detector: f.detector, severity: f.severity, data: f.data as Record<string, unknown> | undefined }));
    } catch {
      continue;
    }
    const dated = claims.filter((c) => c.key === 'published' || c.key === 'updated');
    const pub = dated.find((c) => c.key === 'published') ?? dated[0];
    if (dated.length) out.anyDate++;
    if (e.expected_date && pub && String(pub.data?.date) === e.expected_date) out.exact++;
    if (claims.some((c) => c.key === 'no-date')) {
      out.noDateClaims++;
      if (e.expected_date) out.noDateWrong++;
    }
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
function precisionOf(c: Cell | undefined): number | null {
  if (!c || c.right + c.wrong === 0) return null;
  return c.right / (c.right + c.wrong);
}

export function report(now: Figures, before?: Figures): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  for (const split of ['tune', 'holdout'] as const) {
    const s = now[split];
    const b = before?.[split];
    if (s.pages === 0) {
      lines.push(`${split}: no labelled page measured`);
      continue;
    }
    lines.push(`${split} (${s.pages} labelled pages${split === 'holdout' ? ', set aside before tuning' : ''}; ${s.cut?.length ?? 0} more left out, cut short by happy-dom's parser): precision before → now (right/wrong/unknown now)`);
    lines.push(`| category | ${GROUPS.map((g) => g + (GOAL[g] ? ` (goal ${GOAL[g]! * 100} %)` : '')).join(' | ')} |`);
    lines.push(`| --- | ${GROUPS.map(() => '---').join(' | ')} |`);
    for (const cat of CATEGORIES) {
      const cols = GROUPS.map((g) => {
        const c = s.cells[cellKey(cat, g)];
        const p = precisionOf(c);
        const pb = precisionOf(b?.cells[cellKey(cat, g)]);
        if (!c && pb === null) return '';
        const miss = p !== null && GOAL[g] !== null && p < GOAL[g]!;
        if (miss && split === 'holdout') ok = false;
        return `${pb === null ? '–' : pct(pb)} → ${p === null ? '–' : pct(p)}${miss ? ' ✘' : ''} (${c?.right ?? 0}/${c?.wrong ?? 0}/${c?.unknown ?? 0})`;
      });
      lines.push(`| ${cat} | ${cols.join(' | ')} |`);
    }
    const rec = RECALLS.map((r) => {
      const c = s.recall[r];
      const cb = b?.recall[r];
      const v = c && c.carried ? c.found / c.carried : null;
      const miss = v !== null && v < RECALL_GOAL;
      if (miss && split === 'holdout') ok = false;
      return `${r} ${cb?.carried ? pct(cb.found / cb.carried) : '–'} → ${v === null ? '–' : pct(v)}${miss ? ' ✘' : ''} (${c?.found ?? 0}/${c?.carried ?? 0})`;
    });
    lines.push(`recall (goal ${RECALL_GOAL * 100} %) on pages that carry it: ${rec.join('; ')}`);
    if (process.env.LOUPE_REAL_VERBOSE) for (const w of s.wrong) lines.push(`    - ${w}`);
  }
  const d = now.dates;
  const db = before?.dates;
  if (d.pages) {
    const withDate = (x: Figures['dates']) => `${x.exact}/${x.pages} (${pct(x.exact / x.pages)}) exact publication date, ${pct(x.anyDate / x.pages)} with some date, ${x.noDateWrong} "no date" claims on dated pages`;
    lines.push(`dates on every htmldate page with an expected date: ${db?.pages ? `${withDate(db)} → ` : ''}${withDate(d)}`);
  }
  return { lines, ok };
}

export async function evaluate(): Promise<EvalReport> {
  if (!existsSync(join(LABELS_DIR, 'pages.json')) || !existsSync(REAL_PAGES)) {
    return { name: 'Real pages judged by a second reader (issue 22)', lines: [`no labels (${LABELS_DIR}) or no real pages (${REAL_PAGES})`], ok: true };
  }
  const now = await measureReal();
  if (process.env.LOUPE_REAL_SAVE_BEFORE) writeFileSync(BEFORE, JSON.stringify({ ...now, note: process.env.LOUPE_REAL_SAVE_BEFORE }, null, 1) + '\n');
  const before = existsSync(BEFORE) ? (JSON.parse(readFileSync(BEFORE, 'utf8')) as Figures) : undefined;
  const { lines, ok } = report(now, before);
  if (before?.note) lines.unshift(`before: ${before.note}`);
  return { name: 'Real pages judged by a second reader (issue 22)', lines, ok };
}
