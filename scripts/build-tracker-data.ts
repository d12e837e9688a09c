// Builds lib/trackers/data/trackerdb-compact.json from the installed @ghostery/trackerdb (dist/trackerdb.json).
//   npx tsx scripts/build-tracker-data.ts
// test/unit/tracker-data.test.ts fails when the committed file differs from what this script would write, so run
// it after every trackerdb upgrade. Data: Ghostery Tracker Database, CC BY-NC-SA 4.0 (non-commercial, attribution).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { CompactTrackerData } from '../lib/trackers/compact';

export const OUT = resolve(import.meta.dirname, '../lib/trackers/data/trackerdb-compact.json');

interface TrackerDb {
  categories: Record<string, { name: string }>;
  organizations: Record<string, { name: string; country: string | null; privacy_policy_url: string | null }>;
  patterns: Record<string, { name: string; category: string; organization: string | null }>;
  domains: Record<string, string>;
  filters: Record<string, string>;
}

export function trackerDbDir(): string {
  const require = createRequire(import.meta.url);
  // The package's "exports" only list the SDK: find the folder through its package.json's neighbour.
  return dirname(require.resolve('@ghostery/trackerdb')).replace(/[/\\]dist[/\\](mjs|cjs)$/, '');
}

export function readInstalled(): { db: TrackerDb; version: string } {
  const dir = trackerDbDir();
  return {
    db: JSON.parse(readFileSync(join(dir, 'dist/trackerdb.json'), 'utf8')) as TrackerDb,
    version: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version,
  };
}

/** `||host^$opts` → host rule; `||host/path…` → path-prefix rule; wildcard hosts and regex filters are left out. */
function parseFilter(filter: string): { host: string; prefix?: string } | undefined {
  const m = /^\|\|([a-z0-9.-]+)([^$]*)/i.exec(filter);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (rest === '' || rest === '^') return { host };
  if (!/^[/?]/.test(rest)) return undefined; // e.g. `||revsci.*/gw.js`: a wildcard inside the host
  const prefix = rest.split(/[*^|]/)[0]!;
  return { host, prefix };
}

export function buildTrackerData(db: TrackerDb, version: string): CompactTrackerData {
  const hosts: Record<string, string> = {};
  const paths: Record<string, [string, string][]> = {};
  for (const host of Object.keys(db.domains).sort()) hosts[host.toLowerCase()] = db.domains[host]!;
  for (const filter of Object.keys(db.filters).sort()) {
    const f = parseFilter(filter);
    if (!f) continue;
    const key = db.filters[filter]!;
    if (f.prefix === undefined) {
      hosts[f.host] ??= key;
    } else if (hosts[f.host] !== key) {
      const list = (paths[f.host] ??= []);
      if (!list.some(([p]) => p === f.prefix)) list.push([f.prefix, key]);
    }
  }
  for (const list of Object.values(paths)) list.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));

  const usedPatterns = new Set([...Object.values(hosts), ...Object.values(paths).flatMap((l) => l.map(([, k]) => k))]);
  const patterns: CompactTrackerData['patterns'] = {};
  for (const key of [...usedPatterns].sort()) {
    const p = db.patterns[key]!;
    patterns[key] = [p.name, p.category, p.organization ?? ''];
  }
  const organizations: CompactTrackerData['organizations'] = {};
  for (const key of [...new Set(Object.values(patterns).map((p) => p[2]).filter(Boolean))].sort()) {
    const o = db.organizations[key]!;
    organizations[key] = [o.name, o.country ?? '', o.privacy_policy_url ?? ''];
  }
  return {
    source: '@ghostery/trackerdb',
    version,
    licence: 'Ghostery Tracker Database, © Ghostery GmbH, CC BY-NC-SA 4.0 (https://creativecommons.org/licenses/by-nc-sa/4.0/)',
    organizations,
    patterns,
    hosts: Object.fromEntries(Object.entries(hosts).sort(([a], [b]) => a.localeCompare(b))),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}

export function serialize(data: CompactTrackerData): string {
  return JSON.stringify(data) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { db, version } = readInstalled();
  const text = serialize(buildTrackerData(db, version));
  writeFileSync(OUT, text);
  console.log(`${OUT}: ${(text.length / 1024).toFixed(0)} kB, trackerdb ${version}`);
}
