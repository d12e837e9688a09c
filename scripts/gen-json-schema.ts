// Writes the JSON Schemas of Loupe's published formats from their zod schemas, the single source of truth:
// schemas/evaluation-export.v3.schema.json (evaluations) and schemas/catalogue.v1.schema.json (published catalogues).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { exportFileSchema } from '../lib/export/schema';
import { catalogueFileSchema } from '../lib/model/catalogue';

const dir = resolve(import.meta.dirname, '../schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of [
  ['evaluation-export.v3.schema.json', exportFileSchema],
  ['catalogue.v1.schema.json', catalogueFileSchema],
] as const) {
  const out = resolve(dir, name);
  writeFileSync(out, JSON.stringify(z.toJSONSchema(schema), null, 2) + '\n');
  console.log(`wrote ${out}`);
}
