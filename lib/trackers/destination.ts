import type { DetectorOutput } from '../model/finding';
import type { Param } from '../model/message';
import { isThirdParty } from '../net/site';
import { thirdPartyService } from './classify';
import type { CompactTrackerData } from './compact';
import { loadTrackerData } from './load';

// Who receives a request the observed reload saw (issue 23): its host, whether it is a third party, and the
// organisation and country trackerdb gives for it. Shared by the observation's detectors.

export interface Destination {
  host: string;
  thirdParty: boolean;
  organization?: string;
  country: string | null;
}

export function destinationOf(data: CompactTrackerData, url: string, pageUrl: string): Destination {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    host = url.slice(0, 100);
  }
  const thirdParty = isThirdParty(url, pageUrl);
  const match = thirdParty ? thirdPartyService(data, url, pageUrl) : undefined;
  return { host, thirdParty, ...(match ? { organization: match.organizationName } : {}), country: match?.country || null };
}

/** "host (organisation, country)" or "host". */
export function destinationParam(d: Destination): Param {
  if (!d.organization) return { text: d.host };
  return { named: { text: d.host }, detail: { list: [{ text: d.organization }, { country: d.country }] } };
}

/** A key part made of a host: the finding id allows letters, digits and ".:-_". */
export const hostKey = (host: string) => host.toLowerCase().replace(/[^\w.:-]/g, '_').slice(0, 100) || 'unknown';

/**
 * One finding per script host for a behaviour the observation ties to a script (a fingerprint): the first item seen
 * from each host makes it, keyed `<prefix>-<host>`, with its script's destination as a message parameter.
 */
export async function findingsPerScriptHost<T extends { script: string }>(
  prefix: string,
  items: readonly T[],
  pageUrl: string,
  make: (item: T, key: string, destination: Param) => DetectorOutput,
): Promise<DetectorOutput[]> {
  if (items.length === 0) return [];
  const data = await loadTrackerData();
  const out: DetectorOutput[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const d = destinationOf(data, item.script, pageUrl);
    const key = `${prefix}-${hostKey(d.host)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(make(item, key, destinationParam(d)));
  }
  return out;
}
