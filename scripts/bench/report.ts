// Shared by the benchmark modules: each returns printable lines and the same figures as data (npm run bench --json).

export interface BenchResult {
  lines: string[];
  figures: Record<string, unknown>[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** "goal met" / "goal not met", so that a reader sees the gap at a glance. */
export const goal = (met: boolean, what: string) => `${met ? 'goal met' : 'goal not met'} (${what})`;

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The evaluations as export files of at most `maxBytes` each (the import refuses a file over 20 MB), in as few
 * files as that allows, and the evaluations' own size (JSON, their total as stored records roughly are).
 */
export function exportTexts<E>(list: readonly E[], toText: (part: E[]) => string, maxBytes = 18 * 1024 * 1024): { texts: string[]; bytes: number } {
  const bytes = list.reduce((n, e) => n + JSON.stringify(e).length, 0);
  const files = Math.max(1, Math.ceil(bytes / maxBytes));
  const texts = Array.from({ length: files }, (_, i) => toText(list.filter((_, k) => k % files === i)));
  return { texts, bytes };
}
