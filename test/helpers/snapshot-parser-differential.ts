import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { fastPageSnapshotSchema } from '../../lib/snapshot/fast-schema';
import { pageSnapshotSchema } from '../../lib/snapshot/schema';
import { createSnapshotParser } from '../../lib/snapshot/snapshot-parser.generated.js';

// The build-time generated snapshot parser (lib/snapshot/fast-schema.ts) against zod's runtime parser, case by case.
// Used in vitest's Node and, for the proof that nothing is compiled at run time, in a Node that forbids code generation
// from strings (test/helpers/snapshot-parser-nojit.ts).

export interface Differential {
  cases: number;
  /** Cases the runtime accepts and the generated parser answered itself (no fallback). */
  fastAccepted: number;
  /** Cases the runtime rejects, where the generated parser returned INVALID (so zod's runtime produced the issues). */
  fastRejected: number;
  mismatches: string[];
}

/** Objects and arrays of `output` that are also in `input`: withParser requires fresh output, zod cannot check it. */
function sharedObjects(input: unknown, output: unknown): number {
  const seen = new Set<object>();
  const collect = (v: unknown) => {
    if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      Object.values(v).forEach(collect);
    }
  };
  collect(input);
  let shared = 0;
  const count = (v: unknown) => {
    if (v && typeof v === 'object') {
      if (seen.has(v)) shared++;
      Object.values(v).forEach(count);
    }
  };
  count(output);
  return shared;
}

export function differential(cases: readonly { name: string; input: unknown }[]): Differential {
  const parser = createSnapshotParser(pageSnapshotSchema);
  const out: Differential = { cases: cases.length, fastAccepted: 0, fastRejected: 0, mismatches: [] };
  for (const { name, input } of cases) {
    const runtime = pageSnapshotSchema.safeParse(structuredClone(input));
    const fast = fastPageSnapshotSchema.safeParse(structuredClone(input));
    const directInput = structuredClone(input);
    const direct = parser(directInput);
    if (runtime.success) {
      if (!fast.success || !isDeepStrictEqual(fast.data, runtime.data)) out.mismatches.push(`${name}: the runtime accepts, the fast schema answers differently`);
      if (direct !== z.INVALID && isDeepStrictEqual(direct, runtime.data)) out.fastAccepted++;
      else out.mismatches.push(`${name}: the generated parser did not answer a valid snapshot itself`);
      if (sharedObjects(directInput, direct)) out.mismatches.push(`${name}: the generated parser returned part of its input`);
    } else {
      if (fast.success) out.mismatches.push(`${name}: the runtime rejects, the fast schema accepts`);
      else if (!isDeepStrictEqual(fast.error.issues, runtime.error.issues) || fast.error.message !== runtime.error.message) {
        out.mismatches.push(`${name}: different issues\n${fast.error.message}\n≠\n${runtime.error.message}`);
      }
      if (direct === z.INVALID) out.fastRejected++;
      else out.mismatches.push(`${name}: the generated parser accepted what the runtime rejects`);
    }
  }
  return out;
}
