import { z } from 'zod';
import { pageSnapshotSchema } from './schema';
import { createSnapshotParser } from './snapshot-parser.generated.js';

// The page snapshot's schema with zod's AOT-compiled parser as its fast path: the same parse (same output, and on a
// rejection zod's runtime parser runs, so the same issues), about three times as fast as the jitless runtime on a
// large page. The extension's pages forbid `new Function`, so the parser is generated at build time
// (npm run gen:snapshot-parser) rather than by `z.compile`. It lives apart from schema.ts so that the generator, which
// reads schema.ts, still runs when the generated module is stale.
export const fastPageSnapshotSchema = z.withParser(pageSnapshotSchema, createSnapshotParser(pageSnapshotSchema));
