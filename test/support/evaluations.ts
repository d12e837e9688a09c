import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readExportFile } from '../../lib/export/import';
import { type Criterion, LEVELS, type Rating } from '../../lib/model/assessment';
import type { Evaluation, Finding } from '../../lib/detectors/finding';
import { GRID } from '../../lib/grid/grid';
import { decideVerdict } from '../../lib/grid/state';

// Deterministic evaluations for the consolidation bench and the dashboard's tests: n evaluations over about n/5
// resources and 3n/100 evaluators (10,000 → 2,000 resources, 300 evaluators). Each resource has a "true" rating per
// criterion and evaluators stray from it now and then, so agreement, spreads and disagreements are all non-trivial.
// Every evaluation passes evaluationSchema. Each carries what a real inspection finds (25 to 40 findings with their
// evidence, messages and detector data, about 20 to 30 kB of JSON), drawn from the demo page's inspection
// (test/fixtures/exports/v1-demo.json, 41 findings) with the resource's own host, so record sizes are real ones.

export interface GenerateOptions {
  resources?: number;
  evaluators?: number;
  /** false: no findings (the grid and verdict alone), for tests that only read those. */
  findings?: boolean;
}

const DEMO_HOST = 'www.editeur-exemple.fr';
let demoFindings: string[] | undefined;

/** The demo inspection's findings, each as JSON (copied per evaluation with its host replaced). */
function templates(): string[] {
  if (!demoFindings) {
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/v1-demo.json'), 'utf8');
    const r = readExportFile(text);
    if (!r.ok) throw new Error(`demo export unreadable: ${r.messageKey}`);
    demoFindings = r.file.evaluations[0]!.findings.map((f) => JSON.stringify(f));
  }
  return demoFindings;
}

/** 25 to 40 of the demo's findings, in their order, pointing at this resource's host. */
function findingsFor(host: string, r: (n: number) => number): Finding[] {
  const all = templates();
  const keep = 25 + r(16);
  const out: Finding[] = [];
  let left = keep;
  for (let i = 0; i < all.length && left > 0; i++) {
    // Keeps each remaining one with the odds that leave exactly `keep` in the end.
    if (r(all.length - i) < left) {
      out.push(JSON.parse(all[i]!.replaceAll(DEMO_HOST, host).replaceAll('editeur-exemple.fr', host.replace(/^www\./, ''))) as Finding);
      left--;
    }
  }
  return out;
}

const countOf = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    // xorshift32: small, fast and the same everywhere.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const FIRST = ['Hélène', 'Jérôme', 'Amélie', 'François', 'Zoé', 'Noël', 'Chloé', 'Loïc', 'Inès', 'Benoît', 'Léa', 'Maël', 'Anaïs', 'Céline', 'Théo'];
const LAST = ['Durand', 'Lefèvre', 'Martin', 'Bérard', 'Moreau', 'Girard', 'Faure', 'Roussel', 'Mercier', 'Blanc', 'Guérin', 'Muller', 'Hénaff', 'Perrin', 'Lemaître', 'Dupré', 'Colin', 'Vidal', 'Caron', 'Schmitt'];
const SCHOOLS = ['Collège Jean-Moulin', 'Lycée Victor-Hugo', 'École Jules-Ferry', 'Collège Marie-Curie', 'Lycée Louise-Michel', 'Collège Émile-Zola', 'Lycée Simone-Veil'];
const SUBJECTS = ['Mathématiques', 'mathematiques', 'Français', 'Histoire-géographie', 'SVT', 'Physique-chimie', 'Anglais', 'Éducation musicale', 'Arts plastiques', 'Technologie', 'EPS', 'Documentation'];
const WORDS = ['quiz', 'exercices', 'géométrie', 'lecture', 'cartes', 'chimie', 'vocabulaire', 'frise', 'dictée', 'algèbre', 'musique', 'code'];
const ORDINAL: Rating[] = ['non-conforme', 'partiel', 'conforme'];
const START = Date.parse('2023-01-01T00:00:00Z');
const SPAN = 3 * 365 * 86_400_000;

interface Resource { url: string; site: string; title: string; truth: Rating[] }

export function generateEvaluations(n: number, seed = 1, options: GenerateOptions = {}): Evaluation[] {
  const r = rng(seed * 2654435761);
  const resourceCount = options.resources ?? Math.max(1, Math.round(n / 5));
  const evaluatorCount = options.evaluators ?? Math.max(1, Math.round((3 * n) / 100));
  const sites = Math.max(1, Math.round(resourceCount / 4));
  const resources: Resource[] = Array.from({ length: resourceCount }, (_, i) => {
    const site = `editeur-${i % sites}.${['fr', 'com', 'org', 'education.fr'][i % 4]}`;
    const word = WORDS[r(WORDS.length)]!;
    const truth = GRID.map(() => (r(10) === 0 ? 'non-applicable' : ORDINAL[r(10) < 6 ? 2 : r(2)]!));
    return { url: `https://${i % 3 ? 'www.' : ''}${site}/${word}/${i}`, site, title: `${word[0]!.toUpperCase()}${word.slice(1)} ${i}`, truth };
  });
  const people = Array.from({ length: evaluatorCount }, (_, i) =>
    i % 10 === 9 ? undefined : { name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`, role: 'enseignant', school: SCHOOLS[i % SCHOOLS.length] },
  );
  const out: Evaluation[] = [];
  for (let k = 0; k < n; k++) {
    const res = resources[k < resourceCount ? k : r(resourceCount)]!;
    const author = people[r(evaluatorCount)];
    const grid: Criterion[] = GRID.map((c, j) => {
      const truth = res.truth[j]!;
      const roll = r(20);
      // Mostly the truth; sometimes one step off, "à vérifier", or (rarely) the opposite end.
      let rating: Rating = truth;
      if (truth !== 'non-applicable') {
        const t = ORDINAL.indexOf(truth);
        if (roll < 3) rating = ORDINAL[Math.max(0, Math.min(2, t + (r(2) ? 1 : -1)))]!;
        else if (roll === 3) rating = 'a-verifier';
        else if (roll === 4) rating = ORDINAL[2 - t]!;
      }
      return { id: c.id, axis: c.axis, rating, source: 'person', findingIds: [], ...(c.blocks && rating === 'non-conforme' ? { blocking: true } : {}) };
    });
    const time = START + r(SPAN / 1000) * 1000;
    // Its own random stream: the grid, dates, authors and verdicts stay what they were before findings were added.
    const findings = options.findings === false ? [] : findingsFor(new URL(res.url).host, rng(Math.imul(k + 1, 2246822519) ^ Math.imul(seed, 3266489917)));
    const e: Evaluation = {
      id: `gen-${seed}-${String(k).padStart(6, '0')}`,
      resource: { url: res.url, site: res.site, title: res.title },
      inspectedAt: new Date(time).toISOString(),
      loupeVersion: '0.1.0',
      findings,
      detectors: [],
      limits: [],
      summary: { blocking: Math.max(grid.filter((c) => c.blocking).length, countOf(findings, 'blocking')), problem: countOf(findings, 'problem'), review: countOf(findings, 'review'), info: countOf(findings, 'info') },
      grid,
      context: { users: 'pupils', level: LEVELS[r(LEVELS.length)]!, subject: SUBJECTS[r(SUBJECTS.length)]! },
      ...(r(8) ? { verdict: decideVerdict(grid) } : {}),
      ...(author ? { author } : {}),
    };
    out.push(e);
  }
  return out;
}
