/**
 * Throws unless this Node was started with --disallow-code-generation-from-strings: the scripts that measure or test
 * what the extension's pages run (no `new Function` under their CSP) would otherwise prove nothing.
 */
export function assertNoCodeFromStrings(): void {
  let allowed = true;
  try {
    new Function('');
  } catch {
    allowed = false;
  }
  if (allowed) throw new Error('run with --disallow-code-generation-from-strings, as the extension runs (no eval)');
}
