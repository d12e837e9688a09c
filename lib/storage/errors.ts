// Storage failures a person can meet, each with a message that says what happened and that nothing saved is lost.
// Dexie wraps the browser's DOMException names (dexie.org/docs/DexieErrors); the inner error carries the original.

/** invalid: the evaluation itself breaks a rule (an override without its comment), nothing was written. */
export type StorageErrorKind = 'quota' | 'blocked' | 'corrupted' | 'unavailable' | 'invalid' | 'unknown';

export interface StorageError {
  kind: StorageErrorKind;
  /** Message key (public/_locales): storageError_<kind>; the unknown one takes the error's text as $1. */
  messageKey: string;
  detail: string;
}

const KIND_BY_NAME: Record<string, StorageErrorKind> = {
  QuotaExceededError: 'quota',
  VersionError: 'blocked',
  BlockedError: 'blocked',
  DataError: 'corrupted',
  UnknownError: 'corrupted',
  DataCloneError: 'corrupted',
  ZodError: 'invalid',
  InvalidStateError: 'unavailable',
  MissingAPIError: 'unavailable',
  SecurityError: 'unavailable',
  NotAllowedError: 'unavailable',
};

function names(error: unknown): string[] {
  const out: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return out;
}

export function classifyStorageError(error: unknown): StorageError {
  const kind = names(error).map((n) => KIND_BY_NAME[n]).find((k) => k !== undefined) ?? 'unknown';
  const detail = error instanceof Error ? error.message : String(error);
  return { kind, messageKey: `storageError_${kind}`, detail: detail.slice(0, 300) };
}

/** A stored record the schema refuses: the database holds it, but it cannot be shown as it is. */
export function unreadableRecord(id: string): Error {
  return Object.assign(new Error(`unreadable record ${id}`), { name: 'DataError' });
}
