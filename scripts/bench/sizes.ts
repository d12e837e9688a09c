// Built script sizes (the audit build, same code as the store build): the script injected into every inspected page
// must stay small; axe is injected only for the accessibility check; the panel's first script loads before anything.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_BUILD, ensureAuditBuild } from '../lib/chromium';
import { goal, type BenchResult } from './report';

const KB = 1024;
const GOALS: { label: string; file: () => string; maxKb: number }[] = [
  { label: 'inspector (injected into the page)', file: () => 'inspector.js', maxKb: 50 },
  { label: 'axe (injected for the accessibility check)', file: () => 'axe.js', maxKb: 800 },
  { label: 'background (service worker)', file: () => 'background.js', maxKb: 30 },
  { label: 'side panel, first script', file: () => `chunks/${readdirSync(join(AUDIT_BUILD, 'chunks')).find((f) => f.startsWith('sidepanel-') && f.endsWith('.js'))}`, maxKb: 400 },
];

export async function bench(): Promise<BenchResult> {
  ensureAuditBuild();
  const lines = ['script | size (kB) | goal', '--- | --- | ---'];
  const figures: Record<string, unknown>[] = [];
  for (const g of GOALS) {
    const file = g.file();
    const kb = statSync(join(AUDIT_BUILD, file)).size / KB;
    lines.push(`${g.label} (${file}) | ${kb.toFixed(1)} | ${goal(kb <= g.maxKb, `≤ ${g.maxKb} kB`)}`);
    figures.push({ script: file, kb, maxKb: g.maxKb, goal: kb <= g.maxKb });
  }
  return { lines, figures };
}
