/** `legal-links` → `legalLinks`: ids become message-key parts, which allow [A-Za-z0-9_] only (browser i18n rule). */
export function camel(id: string): string {
  return id.replace(/-(\w)/g, (_, x: string) => x.toUpperCase());
}
