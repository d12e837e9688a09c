import { isSafeUrl } from '../text/untrusted';
import { isFrom, type Evaluation } from '../detectors/finding';

// A draft entry for the school's register of processing activities (RGPD art. 30, "registre des traitements"), which
// the head of school keeps with the DPD. It is built only from what the inspection saw on the page, so it is a
// starting point for the DPD and a list of questions for the publisher, never a statement that the service complies.

export interface Recipient {
  organisation: string;
  /** ISO country code from trackerdb; null when trackerdb does not know it. */
  country: string | null;
  /** Outside the European Economic Area (a transfer the DPD must frame); null when unknown. */
  outsideEu: boolean | null;
  /** trackerdb categories (advertising, site_analytics…), for "finalités" the publisher must confirm. */
  categories: string[];
  hosts: string[];
  privacyPolicy?: string;
}

/** Personal data the page's forms ask for, as far as the detectors can tell. */
export const DATA_KINDS = ['account', 'email', 'names', 'birthDate', 'socialLogin', 'cookies'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Something to ask the publisher: a message key (register_ask_*) and its parameters. */
export interface Question {
  key: string;
  params: string[];
}

export interface RegisterDraft {
  service: { title: string; url: string; site: string; publisher?: string };
  inspectedAt: string;
  /** Addresses of the documents found, by kind; an empty list: looked for and not found. */
  documents: Record<'legal-notice' | 'privacy' | 'terms' | 'dpo', string[]>;
  recipients: Recipient[];
  /** Third-party sites the page calls that trackerdb does not know. */
  unknownThirdParties: string[];
  personalData: DataKind[];
  toAsk: Question[];
}

const REASON_DATA: [RegExp, DataKind][] = [
  [/password|user name/i, 'account'],
  [/e-mail/i, 'email'],
  [/name fields/i, 'names'],
  [/birth date/i, 'birthDate'],
];

function personalData(e: Evaluation): DataKind[] {
  const kinds = new Set<DataKind>();
  for (const f of e.findings) {
    if (isFrom(f, 'account') && f.data) {
      if (f.data.kind === 'signup-form') {
        kinds.add('account');
        for (const reason of f.data.reasons.flat()) for (const [re, kind] of REASON_DATA) if (re.test(reason)) kinds.add(kind);
      }
      if (f.data.kind === 'social-login') kinds.add('socialLogin');
    }
    if (isFrom(f, 'account') && f.id === 'account/birth-date') kinds.add('birthDate');
    if (isFrom(f, 'storage') && f.severity !== 'info') kinds.add('cookies');
  }
  return DATA_KINDS.filter((k) => kinds.has(k));
}

function recipients(e: Evaluation): { recipients: Recipient[]; unknown: string[] } {
  const list: Recipient[] = [];
  const unknown: string[] = [];
  for (const f of e.findings) {
    if (!isFrom(f, 'trackers') || !f.data) continue;
    const d = f.data;
    if ('organizationKey' in d) {
      list.push({
        organisation: d.organization,
        country: d.country,
        outsideEu: d.outsideEu,
        categories: d.categories,
        hosts: d.hosts,
        ...(d.privacyPolicy && isSafeUrl(d.privacyPolicy) ? { privacyPolicy: d.privacyPolicy } : {}),
      });
    } else if ('site' in d && 'requests' in d) unknown.push(d.site);
  }
  return { recipients: list, unknown };
}

function documents(e: Evaluation): RegisterDraft['documents'] {
  const docs: RegisterDraft['documents'] = { 'legal-notice': [], privacy: [], terms: [], dpo: [] };
  for (const f of e.findings) {
    if (!isFrom(f, 'legal-links') || f.data?.kind !== 'found') continue;
    const { document } = f.data;
    if (document in docs) docs[document as keyof typeof docs].push(...f.data.urls.filter(isSafeUrl));
  }
  return docs;
}

const countryList = (rs: Recipient[]) => [...new Set(rs.map((r) => `${r.organisation} (${r.country ?? '?'})`))].join(', ');

function questions(d: Omit<RegisterDraft, 'toAsk'>): Question[] {
  const ask: Question[] = [];
  if (d.documents['legal-notice'].length === 0) ask.push({ key: 'register_ask_legalNotice', params: [] });
  if (d.documents.privacy.length === 0) ask.push({ key: 'register_ask_privacy', params: [] });
  if (d.documents.dpo.length === 0) ask.push({ key: 'register_ask_dpo', params: [] });
  const outside = d.recipients.filter((r) => r.outsideEu === true);
  if (outside.length > 0) ask.push({ key: 'register_ask_transfers', params: [countryList(outside)] });
  const unknownCountry = d.recipients.filter((r) => r.outsideEu === null);
  if (unknownCountry.length > 0 || d.unknownThirdParties.length > 0) {
    ask.push({ key: 'register_ask_whereStored', params: [[...unknownCountry.map((r) => r.organisation), ...d.unknownThirdParties].join(', ')] });
  }
  if (d.recipients.some((r) => r.categories.includes('advertising'))) ask.push({ key: 'register_ask_advertising', params: [] });
  if (d.personalData.length > 0) ask.push({ key: 'register_ask_minimisation', params: [] });
  // Whatever the page shows, the school needs these before pupils use the service (RGPD art. 28 and 30).
  ask.push({ key: 'register_ask_contract', params: [] }, { key: 'register_ask_retention', params: [] });
  return ask;
}

export function registerDraft(e: Evaluation): RegisterDraft {
  const { recipients: rs, unknown } = recipients(e);
  const base = {
    service: { title: e.resource.title, url: e.resource.url, site: e.resource.site, ...(e.resource.publisher ? { publisher: e.resource.publisher } : {}) },
    inspectedAt: e.inspectedAt,
    documents: documents(e),
    recipients: rs,
    unknownThirdParties: unknown,
    personalData: personalData(e),
  };
  return { ...base, toAsk: questions(base) };
}
