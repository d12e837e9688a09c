import { migrateExport } from './migrate';
import { EXPORT_VERSION, exportFileSchema, type ExportFile } from './schema';

// Reading an export file back (the panel's saved view, later the dashboard): all or nothing, and a reason in plain
// words when it is refused. The file is untrusted: parsed with the schema, shown as text.

export type ImportResult = { ok: true; file: ExportFile } | { ok: false; messageKey: string; params: string[] };

export function readExportFile(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, messageKey: 'import_notJson', params: [error instanceof Error ? error.message : String(error)] };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > EXPORT_VERSION) return { ok: false, messageKey: 'import_newerVersion', params: [String(version)] };
  const parsed = exportFileSchema.safeParse(migrateExport(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, messageKey: 'import_invalid', params: [`${issue.path.join('.')}: ${issue.message}`] };
  }
  if (parsed.data.evaluations.length === 0 && !parsed.data.consolidations?.length) return { ok: false, messageKey: 'import_empty', params: [] };
  return { ok: true, file: parsed.data };
}
