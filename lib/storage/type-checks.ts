// Plain type checks for rows read back from the extension's own database (lib/storage/stored-shape.ts,
// lib/storage/summary.ts): cheaper than a zod parse on thousands of rows, and shared so both read a row alike.

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): v is string => typeof v === 'string';
export const optStr = (v: unknown) => v === undefined || typeof v === 'string';
export const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
/** Who evaluated, as both an evaluation and its summary carry it. */
export const authorOk = (a: unknown) => a === undefined || (isObj(a) && optStr(a.name) && optStr(a.school) && optStr(a.role));
