// Runs the snapshot parser differential (test/helpers/snapshot-parser-differential.ts) in a Node that cannot turn a
// string into code, as the extension's pages cannot: the generated parser must work there unchanged.
// Usage: node --disallow-code-generation-from-strings --import tsx test/helpers/snapshot-parser-nojit.ts CASES
// CASES is a v8-serialised list of { name, input }; prints the Differential as JSON.
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { assertNoCodeFromStrings } from '../../scripts/lib/no-code-from-strings';
import { differential } from './snapshot-parser-differential';

assertNoCodeFromStrings();
process.stdout.write(JSON.stringify(differential(deserialize(readFileSync(process.argv[2]!)))));
