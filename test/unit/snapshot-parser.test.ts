import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SNAPSHOT_PARSER_FILE, snapshotParserSource } from '../../scripts/lib/snapshot-parser-codegen';
import { pageSnapshotSchema } from '../../lib/snapshot/schema';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the generated snapshot parser (lib/snapshot/snapshot-parser.generated.js)', () => {
  it('is what the generator produces from the current schema and zod (else: npm run gen:snapshot-parser)', () => {
    const { js, dts } = snapshotParserSource(pageSnapshotSchema, 'lib/snapshot/schema.ts (pageSnapshotSchema)');
    expect(readFileSync(resolve(ROOT, `${SNAPSHOT_PARSER_FILE}.js`), 'utf8')).toBe(js);
    expect(readFileSync(resolve(ROOT, `${SNAPSHOT_PARSER_FILE}.d.ts`), 'utf8')).toBe(dts);
  });

  it('refuses a schema whose generated code needs a value it cannot emit, rather than write a wrong parser', () => {
    // a custom refinement is a closure of the schema's author: zod hoists it, no module can import it back
    expect(() => snapshotParserSource(z.object({ a: z.string().refine((s) => s !== 'x') }), 'test')).toThrow(/constant c\d+ .* cannot be emitted/);
    // a stateful (global) pattern would not share its lastIndex with the runtime's
    expect(() => snapshotParserSource(z.string().regex(/a/g), 'test')).toThrow(/stateful RegExp/);
  });

});
