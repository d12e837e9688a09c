import { z } from 'zod';
import { evaluationSchema } from '../detectors/finding';
import { consolidationSchema } from '../model/consolidation';

// The export file: the single source of truth for what Loupe writes and reads back. The JSON Schema in schemas/ is
// generated from it (npm run gen:schema) and a test fails when the committed copy differs. The evaluation and the
// consolidation are the domain's (lib/model/, the finding union in lib/detectors/finding.ts); this is their envelope.
// Version 3: message parameters are typed ({count}, {text}, {country}…) and worded when read (lib/i18n/format.ts).
// Earlier versions are read through lib/export/migrate.ts.

export const EXPORT_FORMAT = 'loupe-evaluations';
export const EXPORT_VERSION = 3;

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().datetime(),
  generator: z.object({ name: z.literal('Loupe'), version: z.string() }),
  evaluations: z.array(evaluationSchema),
  consolidations: z.array(consolidationSchema).optional(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
