import { readFileSync, readdirSync } from 'node:fs';

// The memory a browser uses, read from Linux's /proc: the proportional share (PSS) of every process under a parent,
// so the pages a browser's processes share are counted once, not once per process.

function parentsByPid(): Map<number, { ppid: number; comm: string }> {
  const out = new Map<number, { ppid: number; comm: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      out.set(Number(name), { comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(stat.slice(close + 2).split(' ')[1]) });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** PSS in bytes of the processes under `root` whose name is not excluded (the Node.js that drives the browser). */
export function treePss(root: number, exclude = /^(node|tsx|esbuild|sh|npm.*)$/): number {
  const all = parentsByPid();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const [child, p] of all) if (p.ppid === pid) stack.push(child);
    if (exclude.test(all.get(pid)?.comm ?? 'node')) continue;
    try {
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** Samples treePss(root) until stopped; returns the peak. */
export function peakMemory(root: number, everyMs = 250): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treePss(root))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
