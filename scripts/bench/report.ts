// Shared by the benchmark modules: each returns printable lines and the same figures as data (npm run bench --json).

export interface BenchResult {
  lines: string[];
  figures: Record<string, unknown>[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** "goal met" / "goal not met", so that a reader sees the gap at a glance. */
export const goal = (met: boolean, what: string) => `${met ? 'goal met' : 'goal not met'} (${what})`;
