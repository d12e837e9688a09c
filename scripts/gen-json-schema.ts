// Writes schemas/evaluation-export.v3.schema.json from the zod schema, the single source of truth.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { exportFileSchema } from '../lib/export/schema';

const out = resolve(import.meta.dirname, '../schemas/evaluation-export.v3.schema.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify(z.toJSONSchema(exportFileSchema), null, 2) + '\n');
console.log(`wrote ${out}`);
