import { z } from 'zod';
import { trackerCategorySchema } from '../trackers/categories';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput, type Severity, worstSeverity } from '../model/finding';
import { SEVERITY_BY_CATEGORY } from './trackers';
import { count, list, text, texts } from '../model/message';

// What the page stored in the browser: cookie names readable by the page (HttpOnly and third-party cookies are
// invisible to it; reading those would need the cookies permission, which Loupe does not ask for) and the number
// of localStorage / sessionStorage keys. Known tracker cookies (_ga, _fbp, _hjSession…) are named with their owner
// and weigh as that tracker does: a first-party analytics set-up, or a tracker proxied through the site's own domain,
// sends no request to a third party, and its cookie is the only trace of it. The cookies may have been left by other
// pages of the same site: they are "present", not necessarily set by this page.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const storageData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['cookies', 'none']), cookies: z.array(z.string()) }),
  z.strictObject({
    kind: z.literal('tracker-cookies'),
    cookies: z.array(z.strictObject({ name: z.string(), tracker: z.string(), category: trackerCategorySchema, organization: z.string(), country: z.string().nullable() })),
  }),
  z.strictObject({ kind: z.literal('web-storage'), localStorageKeys: z.number(), sessionStorageKeys: z.number() }),
]);

export const storage = defineDetector({
  id: 'storage',
  category: 'trackers',
  data: storageData,
  requires: ['storage'],
  async run(snapshot: PageSnapshot): Promise<DetectorOutput[]> {
    const { cookieNames, localStorageKeys, sessionStorageKeys } = snapshot.storage;
    const out: DetectorOutput[] = [];
    const names = [...new Set(cookieNames.map((n) => n.trim()).filter(Boolean))];
    if (names.length > 0) {
      out.push({
        key: 'cookies',
        severity: 'info',
        messageKey: 'storage_cookies',
        params: [count(names.length), texts(names.slice(0, 20))],
        evidence: [],
        data: { kind: 'cookies', cookies: names },
      });
      const [{ trackerCookiePattern }, { loadTrackerData }, { describePattern }] = await Promise.all([
        import('../trackers/cookies'),
        import('../trackers/load'),
        import('../trackers/compact'),
      ]);
      const data = await loadTrackerData();
      const known = names
        .map((name) => ({ name, match: describePattern(data, trackerCookiePattern(name) ?? '') }))
        .filter((x) => x.match);
      if (known.length > 0) {
        out.push({
          key: 'tracker-cookies',
          severity: worstSeverity(known.map((k) => ({ severity: SEVERITY_BY_CATEGORY[k.match!.category] ?? ('review' as Severity) })))!,
          messageKey: 'storage_trackerCookies',
          params: [list(known.map((k) => ({ named: text(k.name), detail: list([text(k.match!.name), text(k.match!.organizationName)]) })))],
          evidence: [],
          data: {
            kind: 'tracker-cookies',
            cookies: known.map((k) => ({ name: k.name, tracker: k.match!.name, category: k.match!.category, organization: k.match!.organizationName, country: k.match!.country || null })),
          },
        });
      }
    }
    if (localStorageKeys + sessionStorageKeys > 0) {
      out.push({
        key: 'web-storage',
        severity: 'info',
        messageKey: 'storage_webStorage',
        params: [count(localStorageKeys), count(sessionStorageKeys)],
        evidence: [],
        data: { kind: 'web-storage', localStorageKeys, sessionStorageKeys },
      });
    }
    if (out.length === 0) out.push({ key: 'none', severity: 'info', messageKey: 'storage_none', evidence: [], data: { kind: 'none', cookies: [] } });
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/storage/ (a page setting _ga and _hjSession cookies, a clean page).
