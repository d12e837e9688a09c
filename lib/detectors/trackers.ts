import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import { trackerCategorySchema, type TrackerCategory } from '../trackers/categories';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { SEVERITY_RANK, type DetectorOutput, type Evidence, type Severity } from '../model/finding';
import type { PageRequest } from '../trackers/requests';
import type { TrackerMatch } from '../trackers/compact';
import { formatMessage } from '../i18n/messages';
import { count, list as listOf, text, texts, type MessageKey } from '../model/message';
import { isPersonField } from '../findings/person-fields';

// Who receives data from this page. Every third-party host the page loads from (registrable domain differs from
// the page's) is classified with Ghostery's tracker database and grouped by organisation, with its country: a
// transfer outside the EU/EEA is the question a school's DPO asks first. The heavy parts (tldts, the tracker
// table) are loaded on first use so the panel paints before them.

/** Services that replay a visit: keystrokes, clicks, scrolling. Named apart because a teacher must know. */
export const SESSION_RECORDERS = [
  'hotjar', 'microsoft_clarity', 'fullstory', 'yandex_metrika', 'contentsquare.net', 'smartlook', 'mouseflow',
  'logrocket', 'clicktale', 'inspectlet', 'sessioncam', 'quantum_metric', 'decibel_insight', 'glassbox',
  'lucky_orange', 'crazy_egg',
] as const;
const RECORDERS = new Set<string>(SESSION_RECORDERS);

// Severity by trackerdb category, for a teacher choosing a resource for minors:
// - advertising: the design makes advertising trackers a blocking point (profiling of pupils for ads);
// - audience measurement, social networks: personal data leaves for a third party; a fault to weigh
//   (CNIL exempts only some audience measurement, configured for it, which the page cannot show);
// - hosting, players, utilities, consent tools: often needed for the page to work; a person checks them.
export const SEVERITY_BY_CATEGORY: Partial<Record<TrackerCategory, Severity>> = {
  advertising: 'blocking',
  pornvertising: 'blocking',
  site_analytics: 'problem',
  social_media: 'problem',
  // Issue 22: trackerdb's "customer interaction" holds chat widgets, newsletter forms, read-aloud players and
  // payment pages alike: a third party a person checks, not a tracker (it is not in TRACKING_CATEGORIES either).
};

function evidenceOf(r: PageRequest): Evidence {
  return r.ref
    ? elementEvidence(r.ref, undefined, r.url)
    : // A resource-timing entry has no element: the URL is the only proof, and the panel has nothing to highlight.
      { url: r.url, text: formatMessage('fr', 'trackers_evidenceNoElement', [r.host]) };
}

interface OrgGroup {
  match: TrackerMatch;
  trackers: Map<string, { match: TrackerMatch; requests: PageRequest[] }>;
}

const bufferLimits = z.strictObject({ crossOriginFrames: z.number(), resourceBufferFull: z.boolean() });
/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const trackersData = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('organization'),
    organization: z.string(),
    organizationKey: z.string(),
    country: z.string().nullable(),
    outsideEu: z.boolean().nullable(),
    privacyPolicy: z.string().nullable(),
    trackers: z.array(z.strictObject({ key: z.string(), name: z.string(), category: trackerCategorySchema })),
    categories: z.array(trackerCategorySchema),
    hosts: z.array(z.string()),
    requests: z.number(),
    withoutElement: z.number(),
  }),
  z.strictObject({ kind: z.literal('session-recording'), tracker: z.string(), organization: z.string(), country: z.string().nullable() }),
  z.strictObject({ kind: z.literal('unknown'), site: z.string(), hosts: z.array(z.string()), requests: z.number() }),
  z.strictObject({ kind: z.literal('none'), trackers: z.number(), organizations: z.number(), limits: bufferLimits }),
  z.strictObject({
    kind: z.literal('summary'),
    trackers: z.number(),
    organizations: z.number(),
    organizationsOutsideEu: z.number(),
    organizationsUnknownCountry: z.number(),
    /** Organisations trackerdb knows only for hosting, players, utilities…: third parties, not trackers. */
    services: z.number().optional(),
    unknownThirdParties: z.number(),
    thirdPartyRequests: z.number(),
    source: z.string(),
    limits: bufferLimits,
  }),
  z.strictObject({ kind: z.literal('limit-frames'), frames: z.number(), sites: z.array(z.string()) }),
  // Issue 15: the site's own hosts, form targets and connection hints, which are not data sent to a third party.
  z.strictObject({ kind: z.enum(['own-hosts', 'form-targets', 'hints']), sites: z.array(z.string()), hosts: z.array(z.string()), urls: z.array(z.string()) }),
  bufferLimits.extend({ kind: z.literal('limit-buffer') }),
]);

const loadModules = () =>
  Promise.all([import('../trackers/requests'), import('../trackers/load'), import('../trackers/countries'), import('../net/first-party'), import('../trackers/classify')]);
/** The heavy modules once loaded: each later run uses them without asking the module loader again. */
let modules: Awaited<ReturnType<typeof loadModules>> | undefined;

export const trackers = defineDetector({
  id: 'trackers',
  category: 'trackers',
  data: trackersData,
  requires: ['url', 'scripts', 'iframes', 'images', 'media', 'linkTags', 'meta', 'forms', 'resources', 'limits', 'textSignals'],
  async run(snapshot: PageSnapshot): Promise<DetectorOutput[]> {
    const [{ pageRequests, resourceHints, siteOf }, { loadTrackerData }, { isEuEea }, { sameBrand, declaredOwnUrls }, { isTracking, specificMatch, isCompanyOnly }] = (modules ??= await loadModules());
    const data = await loadTrackerData();
    // Issue 22: the most specific product an address names (Google's tag by its id), not the company's catch-all.
    const matchUrl = (_: unknown, url: string) => specificMatch(data, url);
    // Issue 15: what is not data sent is kept apart — a form's action (nothing leaves before a pupil submits) and
    // the site's own asset hosts on another domain (same brand, same organisation, or serving its declared icon).
    const pageSite = siteOf(snapshot.url)?.site ?? '';
    const pageOrg = matchUrl(data, snapshot.url)?.organization;
    const declared = new Set(declaredOwnUrls(snapshot).map((u) => siteOf(u)?.site).filter(Boolean));
    const own = new Map<string, PageRequest[]>();
    // Issue 22: the publisher's own group, named in its © notice or its publisher metadata ("© 2023 Ziff Davis, LLC"
    // on PCMag), is not a third party: its ad server is the publisher's own.
    const norm = (x: string) => x.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    const publisherWords = norm(
      [
        ...snapshot.textSignals.filter((t) => t.pattern === 'copyright').map((t) => t.ref.label || t.text),
        ...snapshot.meta.filter((m) => /^(og:site_name|dc\.publisher|dcterms\.publisher|author|copyright)$/i.test(m.property || m.name)).map((m) => m.content),
      ].join(' | '),
    );
    const ownGroup = (m: TrackerMatch) => {
      const name = norm(m.organizationName);
      return name.length >= 4 && ` ${publisherWords} `.includes(` ${name} `);
    };
    const isOwn = (r: PageRequest, m: TrackerMatch | undefined) => (m ? (!!pageOrg && m.organization === pageOrg) || ownGroup(m) : sameBrand(r.site, pageSite) || declared.has(r.site));
    const requests = pageRequests(snapshot).filter((r) => r.thirdParty);
    const formTargets = requests.filter((r) => r.source === 'form' && !isOwn(r, matchUrl(data, r.url)));
    const third: PageRequest[] = [];
    for (const r of requests) {
      if (r.source === 'form') continue;
      if (isOwn(r, matchUrl(data, r.url))) own.set(r.site, [...(own.get(r.site) ?? []), r]);
      else third.push(r);
    }

    const orgs = new Map<string, OrgGroup>();
    const unknown = new Map<string, PageRequest[]>();
    for (const r of third) {
      const m = matchUrl(data, r.url);
      if (!m) {
        unknown.set(r.site, [...(unknown.get(r.site) ?? []), r]);
        continue;
      }
      const g = orgs.get(m.organization) ?? { match: m, trackers: new Map() };
      const t = g.trackers.get(m.pattern) ?? { match: m, requests: [] };
      t.requests.push(r);
      g.trackers.set(m.pattern, t);
      orgs.set(m.organization, g);
    }

    const out: DetectorOutput[] = [];
    let trackerCount = 0;
    let outsideEu = 0;
    let unknownCountry = 0;
    const recorders: DetectorOutput[] = [];
    // The summary's trackers are what trackerdb files as following visitors (lib/trackers/classify.ts): a public CDN
    // or a font service receives the request and is listed by organisation below, but is not called a tracker.
    let trackingOrgs = 0;
    for (const [orgKey, g] of orgs) {
      const list = [...g.trackers.values()];
      const tracking = list.filter((t) => isTracking(t.match)).length;
      trackerCount += tracking;
      const country = g.match.country;
      // An unknown country is said as such ("pays inconnu"), not counted as a transfer outside the EU.
      const outside = country ? !isEuEea(country) : null;
      if (tracking > 0) {
        trackingOrgs++;
        if (outside) outsideEu++;
        if (!country) unknownCountry++;
      }
      // Issue 22: a company's catch-all entry says who receives the data, not that it is an advertising tracker:
      // a fault to weigh, never a blocking point on its own.
      const severity = list
        .map((t) => {
          const s = SEVERITY_BY_CATEGORY[t.match.category] ?? 'review';
          // One step down when only the company is known: an ad company's catch-all is a fault to weigh, an
          // analytics or social one a third party a person checks.
          if (s !== 'review' && isCompanyOnly(data, t.match)) return s === 'blocking' ? 'problem' : 'review';
          // A social network's images only (avatars, a share icon): the request says who, no script follows.
          if (t.match.category === 'social_media' && t.requests.every((r) => r.source === 'image')) return 'review';
          return s;
        })
        .reduce<Severity>((a, b) => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a), 'review');
      const names = listOf(list.map((t) => ({ named: text(t.match.name), detail: { category: t.match.category } })));
      const requests = list.flatMap((t) => t.requests);
      const messageKey = !country ? 'trackers_org_unknownCountry' : outside ? 'trackers_org_outsideEu' : 'trackers_org_eu';
      out.push({
        key: `org-${orgKey}`,
        severity,
        messageKey,
        params: [text(g.match.organizationName), names, { country: country || null }],
        evidence: requests.map(evidenceOf),
        data: {
          kind: 'organization',
          organization: g.match.organizationName,
          organizationKey: orgKey,
          country: country || null,
          outsideEu: outside,
          privacyPolicy: g.match.privacyPolicy || null,
          trackers: list.map((t) => ({ key: t.match.pattern, name: t.match.name, category: t.match.category })),
          categories: [...new Set(list.map((t) => t.match.category))],
          hosts: [...new Set(requests.map((r) => r.host))],
          requests: requests.length,
          withoutElement: requests.filter((r) => !r.ref).length,
        },
      });
      for (const t of list) {
        if (!RECORDERS.has(t.match.pattern)) continue;
        recorders.push({
          key: `session-recording-${t.match.pattern}`,
          severity: 'problem',
          messageKey: 'trackers_sessionRecording',
          params: [t.match.name === g.match.organizationName ? text(t.match.name) : { named: text(t.match.name), detail: text(g.match.organizationName) }],
          evidence: t.requests.map(evidenceOf),
          data: { kind: 'session-recording', tracker: t.match.name, organization: g.match.organizationName, country: country || null },
        });
      }
    }
    out.push(...recorders);
    for (const [site, requests] of unknown) {
      // Not in the database is not "harmless": a CDN or a small analytics service look the same from here.
      out.push({
        key: `unknown-${site}`,
        severity: 'info',
        messageKey: 'trackers_unknownThirdParty',
        params: [text(site), count(requests.length)],
        evidence: requests.map(evidenceOf),
        data: { kind: 'unknown', site, hosts: [...new Set(requests.map((r) => r.host))], requests: requests.length },
      });
    }

    const loadedSites = new Set([...third, ...[...own.values()].flat()].map((r) => r.site));
    const hints = resourceHints(snapshot).filter((r) => r.thirdParty && !loadedSites.has(r.site) && !isOwn(r, matchUrl(data, r.url)));
    // Issue 15: three lists that are not data sent to a third party, each one information finding by site.
    const bySite = (key: 'own-hosts' | 'form-targets' | 'hints', messageKey: MessageKey, list: PageRequest[], evidence: (r: PageRequest) => Evidence = evidenceOf) => {
      if (list.length === 0) return;
      const sites = [...new Set(list.map((r) => r.site))];
      out.push({
        key,
        severity: 'info',
        messageKey,
        params: [texts(sites)],
        evidence: list.map(evidence),
        data: { kind: key, sites, hosts: [...new Set(list.map((r) => r.host))], urls: list.map((r) => r.url).slice(0, 50) },
      });
    };
    bySite('own-hosts', 'trackers_ownHosts', [...own.values()].flat());
    bySite('form-targets', 'trackers_formTargets', formTargets);
    // A form that asks an e-mail, a password or a phone number and posts it elsewhere: a person checks who gets it.
    const personal = new Set(snapshot.forms.filter((f) => f.fields.some((x) => isPersonField(x) && /^(email|password|tel)$/.test(x.type))).map((f) => f.ref.selector));
    const targets = out.find((o) => o.key === 'form-targets');
    if (targets && formTargets.some((r) => r.ref && personal.has(r.ref.selector))) Object.assign(targets, { severity: 'review', messageKey: 'trackers_formTargets_personal' });
    bySite('hints', 'trackers_hints', hints, (r) => ({ url: r.url, text: `<link rel="dns-prefetch|preconnect"> ${r.host}` }));

    const limits = { crossOriginFrames: snapshot.limits.crossOriginFrames, resourceBufferFull: snapshot.limits.resourceBufferFull };
    if (orgs.size === 0 && unknown.size === 0) {
      out.push({ key: 'none', severity: 'info', messageKey: 'trackers_none', evidence: [], data: { kind: 'none', trackers: 0, organizations: 0, limits } });
    } else {
      out.unshift({
        key: 'summary',
        severity: 'info',
        messageKey: trackingOrgs > 0 ? 'trackers_summary' : 'trackers_summary_unknownOnly',
        params:
          trackingOrgs > 0
            ? [count(trackerCount), count(trackingOrgs), count(outsideEu), count(unknown.size + orgs.size - trackingOrgs)]
            : [count(unknown.size + orgs.size)],
        evidence: [],
        data: {
          kind: 'summary',
          trackers: trackerCount,
          organizations: trackingOrgs,
          services: orgs.size - trackingOrgs,
          organizationsOutsideEu: outsideEu,
          organizationsUnknownCountry: unknownCountry,
          unknownThirdParties: unknown.size,
          thirdPartyRequests: third.length,
          source: `${data.source} ${data.version}`,
          limits,
        },
      });
    }
    const frames = third.filter((r) => r.source === 'iframe');
    if (frames.length > 0) {
      // What a third-party frame loads inside itself (its own trackers, its cookies) is out of the page's reach.
      out.push({
        key: 'limit-frames',
        severity: 'info',
        messageKey: 'trackers_limitFrames',
        params: [count(frames.length), texts(frames.map((r) => r.site))],
        evidence: frames.map(evidenceOf),
        data: { kind: 'limit-frames', frames: frames.length, sites: [...new Set(frames.map((r) => r.site))] },
      });
    }
    if (snapshot.limits.resourceBufferFull) {
      // Trackers may hide among the lost entries: the empty or short list above is not a clean bill.
      out.push({ key: 'limit-buffer', severity: 'review', messageKey: 'trackers_limitBuffer', evidence: [], data: { kind: 'limit-buffer', ...limits } });
    }
    return out;
  },
});

// Pages vérifiées : fixtures in test/fixtures/pages/trackers/; e2e test/e2e/trackers.spec.ts routes real hosts.
