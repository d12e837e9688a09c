import { withDataKind } from '../detectors/finding';
import { worded } from '../i18n/format';
import { formatMessage } from '../i18n/messages';
import type { Param } from '../model/message';
import { EXPORT_FORMAT } from './schema';
import { isObject, type Json } from '../model/json';

// Older export files (and records stored by older versions, lib/storage/db.ts), brought to the current version
// before the schema reads them. Version 1 (Loupe 0.1) kept the limits as French sentences and axe's summary without
// its `outcome`; version 2 keeps message keys with parameters as French strings; version 3 types the parameters.
// Every variant of a detector's `data` names its `kind` (lib/detectors/finding.ts infers it for older data).
// Nothing is lost: a sentence no current message produces is kept whole under `limit_text`, and a version 2
// parameter this code cannot type stays the text it was.

/** The limit messages version 1 wrote, read back from their French text. */
const V1_LIMIT_KEYS = ['limit_crossOriginFrames', 'limit_resourceBufferFull', 'limit_truncated'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function limitFromText(text: string): { messageKey: string; params: string[]; message: string } {
  for (const key of V1_LIMIT_KEYS) {
    const template = formatMessage('fr', key, ['\u0000', '\u0001', '\u0002']);
    const re = new RegExp(`^${escape(template).replace(/\u0000|\u0001|\u0002/g, '(.*?)')}$`, 's');
    const m = re.exec(text);
    if (m) return { messageKey: key, params: m.slice(1), message: text };
  }
  return { messageKey: 'limit_text', params: [text], message: text };
}


function evaluationV1toV2(e: unknown): unknown {
  if (!isObject(e)) return e;
  const limits = Array.isArray(e.limits) ? e.limits.map((l) => (typeof l === 'string' ? limitFromText(l) : l)) : e.limits;
  const findings = Array.isArray(e.findings)
    ? e.findings.map((f) => {
        if (!isObject(f) || f.id !== 'axe/summary' || !isObject(f.data) || 'outcome' in f.data) return f;
        return { ...f, data: { outcome: 'summary', ...f.data } };
      })
    : e.findings;
  return { ...e, limits, findings };
}

/** A version 2 parameter: a count when it is one, else the text it was. */
const typed = (p: unknown): Param => (typeof p === 'string' && /^\d+$/.test(p) ? { count: Number(p) } : { text: String(p ?? '') });

/**
 * Version 2 wrote some parameters in French words, rebuilt from the finding's data where it has them (what the panel
 * of version 2 did on every display): a tracker organisation's trackers and country, a page's weight, a date, an axe
 * rule's title. Any other parameter is typed by `typed`.
 */
function paramsV2toV3(f: Json): Param[] {
  const p = Array.isArray(f.params) ? f.params : [];
  const data = isObject(f.data) ? f.data : {};
  const key = String(f.messageKey ?? '');
  if (/^trackers_org_/.test(key) && Array.isArray(data.trackers)) {
    const trackers = data.trackers.filter(isObject).map((t): Param => ({ named: { text: String(t.name ?? '') }, detail: { category: String(t.category ?? '') } }));
    return [typed(p[0]), { list: trackers }, { country: typeof data.country === 'string' && data.country ? data.country : null }];
  }
  if (key === 'pageWeight_summary' && isObject(data.firstParty) && isObject(data.thirdParty)) {
    const n = (x: unknown) => (typeof x === 'number' ? x : 0);
    return [typed(p[0]), { bytes: n(data.bytes) }, typed(p[2]), { bytes: n(data.firstParty.bytes) }, typed(p[4]), { bytes: n(data.thirdParty.bytes) }];
  }
  if (/^publisherDates_(updated|updatedOld|published)$/.test(key) && typeof data.date === 'string') return [{ date: data.date }];
  if (/^a11y_axe_(violation|violationMinor|incomplete)$/.test(key) && typeof data.rule === 'string') {
    const rgaa = Array.isArray(data.rgaa) ? data.rgaa.slice(0, 4).map((r): Param => ({ text: String(r) })) : [];
    return [{ axeRule: data.rule }, typed(p[1]), rgaa.length ? { list: rgaa } : { text: '—' }];
  }
  if (key === 'trackers_publicService') return [typed(p[0]), { message: String(p[1]) as never }];
  return p.map(typed);
}

/** A version 2 message (finding or limit) with typed parameters; its French text is kept as it was written. */
function messageV2toV3<T>(m: T): T {
  if (!isObject(m) || !Array.isArray(m.params) || m.params.some((x) => typeof x !== 'string')) return m;
  const params = paramsV2toV3(m);
  return { ...m, params, message: typeof m.message === 'string' ? m.message : worded(String(m.messageKey), params).message };
}

/** One evaluation as version 3 writes it (also used by the storage upgrade of records kept by older versions). */
export function evaluationV2toV3<T>(e: T): T {
  if (!isObject(e)) return e;
  // A criterion's reason (lib/grid/suggest.ts) held counts and a size as French strings too.
  const grid = Array.isArray(e.grid)
    ? e.grid.map((c) => (isObject(c) && isObject(c.reason) && Array.isArray(c.reason.params) ? { ...c, reason: { ...c.reason, params: c.reason.params.map(typed) } } : c))
    : e.grid;
  return {
    ...e,
    findings: Array.isArray(e.findings) ? e.findings.map((f) => withDataKind(messageV2toV3(f))) : e.findings,
    limits: Array.isArray(e.limits) ? e.limits.map(messageV2toV3) : e.limits,
    ...(grid !== undefined ? { grid } : {}),
  };
}

/** The file as the current version would have written it; a file of an unknown version is returned as it is. */
export function migrateExport(raw: unknown): unknown {
  if (!isObject(raw) || raw.format !== EXPORT_FORMAT) return raw;
  let file = raw;
  if (file.version === 1) {
    file = { ...file, version: 2, evaluations: Array.isArray(file.evaluations) ? file.evaluations.map(evaluationV1toV2) : file.evaluations };
  }
  if (file.version === 2) {
    file = { ...file, version: 3, evaluations: Array.isArray(file.evaluations) ? file.evaluations.map(evaluationV2toV3) : file.evaluations };
  } else if (file.version === 3 && Array.isArray(file.evaluations)) {
    // Version 3 files written while `kind` was being added to every data variant.
    file = { ...file, evaluations: file.evaluations.map((e) => (isObject(e) && Array.isArray(e.findings) ? { ...e, findings: e.findings.map(withDataKind) } : e)) };
  }
  return file;
}
