/** A JSON object read from outside (a file of an older version, a stored record), before a schema has checked it. */
export type Json = Record<string, unknown>;

/** A plain object: not null, not an array. */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
