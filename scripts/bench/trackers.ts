// Tracker lookup cost per URL: Loupe's compact table (lib/trackers/compact.ts) against @ghostery/trackerdb's own
// matcher, on the same 10,000 URLs in the same run (two thirds on trackerdb hosts, one third elsewhere).
//   npx tsx scripts/bench/trackers.ts   (npm run bench runs every scripts/bench/*.ts)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import loadTrackerDB from '@ghostery/trackerdb';
import { matchUrl, type CompactTrackerData } from '../../lib/trackers/compact';
import { OUT, trackerDbDir } from '../build-tracker-data';

const N = 10_000;

/** Deterministic URLs: a tracker host (often under a subdomain) for 2 in 3, an ordinary site otherwise. */
function makeUrls(data: CompactTrackerData): string[] {
  const hosts = Object.keys(data.hosts);
  const subs = ['', 'www.', 'cdn.', 'static.', 'a1.b2.'];
  const urls: string[] = [];
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let i = 0; i < N; i++) {
    urls.push(i % 3 === 2
      ? `https://www.site-${rnd(5000)}.example.fr/js/app-${i}.js?v=${rnd(100)}`
      : `https://${subs[rnd(subs.length)]}${hosts[rnd(hosts.length)]}/tag/js?id=${i}`);
  }
  return urls;
}

export async function bench(): Promise<string[]> {
  let t = performance.now();
  const data = JSON.parse(readFileSync(OUT, 'utf8')) as CompactTrackerData;
  const loadCompact = performance.now() - t;
  t = performance.now();
  const engine = readFileSync(join(trackerDbDir(), 'dist/trackerdb.engine'));
  const db = await loadTrackerDB(engine);
  const loadEngine = performance.now() - t;
  const urls = makeUrls(data);
  const sourceUrl = 'https://www.editeur-exemple.fr/ressource';

  // Warm both up so neither pays its JIT in the timed loop.
  for (const url of urls.slice(0, 500)) {
    matchUrl(data, url);
    await db.matchUrl({ url, type: 'script', sourceUrl });
  }
  t = performance.now();
  const compact = urls.map((url) => matchUrl(data, url));
  const compactUs = ((performance.now() - t) * 1000) / N;
  t = performance.now();
  const reference = [];
  for (const url of urls) reference.push(await db.matchUrl({ url, type: 'script', sourceUrl }));
  const engineUs = ((performance.now() - t) * 1000) / N;

  let both = 0, onlyCompact = 0, onlyEngine = 0, sameOrg = 0;
  for (let i = 0; i < N; i++) {
    const a = compact[i];
    const b = reference[i]![0];
    if (a && b) {
      both++;
      if ((b.organization?.key ?? `pattern:${b.pattern.key}`) === a.organization) sameOrg++;
    } else if (a) onlyCompact++;
    else if (b) onlyEngine++;
  }
  const size = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return [
    `trackers: ${N} URLs (2/3 on trackerdb hosts), Node ${process.version}`,
    `  compact table   ${compactUs.toFixed(2)} µs/URL, load ${loadCompact.toFixed(0)} ms (${size(readFileSync(OUT).length)} JSON)`,
    `  trackerdb match ${engineUs.toFixed(2)} µs/URL, load ${loadEngine.toFixed(0)} ms (${size(engine.length)} engine)`,
    `  ratio           trackerdb / compact = ${(engineUs / compactUs).toFixed(1)}× per URL; load ${(loadEngine / loadCompact).toFixed(1)}×`,
    `  agreement       matched by both ${both} (same organisation ${sameOrg}), compact only ${onlyCompact}, trackerdb only ${onlyEngine}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await bench()) console.log(line);
}
