// Generates lib/snapshot/snapshot-parser.generated.js (+ .d.ts): zod's AOT parser for the page snapshot, written at
// build time because the extension's pages cannot run `new Function` (scripts/lib/snapshot-parser-codegen.ts says how).
//   npm run gen:snapshot-parser        (rerun after changing lib/snapshot/schema.ts or upgrading zod; a test checks it)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pageSnapshotSchema } from '../lib/snapshot/schema';
import { SNAPSHOT_PARSER_FILE, snapshotParserSource } from './lib/snapshot-parser-codegen';

const { js, dts } = snapshotParserSource(pageSnapshotSchema, 'lib/snapshot/schema.ts (pageSnapshotSchema)');
const out = resolve(import.meta.dirname, '..', SNAPSHOT_PARSER_FILE);
writeFileSync(`${out}.js`, js);
writeFileSync(`${out}.d.ts`, dts);
console.log(`wrote ${out}.js (${js.length} characters) and .d.ts`);
