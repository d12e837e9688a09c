import { formatMessage } from '../i18n/messages';
import { EXPORT_FORMAT } from './schema';

// Older export files, brought to the current version before the schema reads them. Version 1 (Loupe 0.1) kept the
// limits as French sentences and axe's summary without its `outcome`; version 2 keeps message keys. Nothing is lost:
// a sentence no current message produces is kept whole under `limit_text`.

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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

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

/** The file as the current version would have written it; a file of an unknown version is returned as it is. */
export function migrateExport(raw: unknown): unknown {
  if (!isObject(raw) || raw.format !== EXPORT_FORMAT) return raw;
  if (raw.version === 1) {
    return { ...raw, version: 2, evaluations: Array.isArray(raw.evaluations) ? raw.evaluations.map(evaluationV1toV2) : raw.evaluations };
  }
  return raw;
}
