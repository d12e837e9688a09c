// Precision and recall of the link classifiers on the hand-labelled set test/fixtures/labelled/links.json:
// legal link kinds (legal-links), licence normalisation (licence), GAR mark / access / mention (gar-mark).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { garInText, garOfLink, isMarkImage, type GarStrength } from '../../lib/detectors/gar-mark';
import { classifyLink, LEGAL_KINDS } from '../../lib/detectors/legal-links';
import { licenceFromUrl, licenceOfLink, licencesInText } from '../../lib/detectors/licence';
import type { EvalReport } from '../eval-detectors';

export const THRESHOLD = 0.95;
const LABELLED = resolve(import.meta.dirname, '../../test/fixtures/labelled/links.json');

interface LinkFields {
  href: string;
  text: string;
  title: string;
  ariaLabel: string;
  imgAlt: string;
  imgSrc: string;
  rel: string;
}
interface Labelled {
  legal: (Pick<LinkFields, 'href' | 'text' | 'title' | 'ariaLabel' | 'imgAlt'> & { site: string; kinds: string[] })[];
  licence: (Partial<LinkFields> & { kind: 'link' | 'image' | 'text'; expect: string[] })[];
  gar: (Partial<LinkFields> & { kind: 'link' | 'image' | 'text'; expect: GarStrength | null })[];
}

export interface Score {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

function score(name: string, tp: number, fp: number, fn: number, misses: string[]): Score {
  // With nothing to find and nothing claimed, there is no error to count: 1.
  return { name, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), misses };
}

const blank: LinkFields = { href: '', text: '', title: '', ariaLabel: '', imgAlt: '', imgSrc: '', rel: '' };
const show = (r: Partial<LinkFields>) => JSON.stringify([r.text, r.title, r.ariaLabel, r.imgAlt, r.href || r.imgSrc].filter(Boolean).join(' | '));

export function scoreAll(data: Labelled = JSON.parse(readFileSync(LABELLED, 'utf8')) as Labelled): Score[] {
  const scores: Score[] = [];
  // Legal links: multi-label; each kind scored on its own.
  const legalPred = data.legal.map((r) => classifyLink({ ...blank, ...r }) as string[]);
  for (const kind of LEGAL_KINDS) {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    data.legal.forEach((r, i) => {
      const want = r.kinds.includes(kind);
      const got = legalPred[i]!.includes(kind);
      if (want && got) tp++;
      else if (got) (fp++, misses.push(`false ${kind}: ${show(r)} (${r.site})`));
      else if (want) (fn++, misses.push(`missed ${kind}: ${show(r)} (${r.site})`));
    });
    scores.push(score(`legal-links ${kind}`, tp, fp, fn, misses));
  }
  // Licences: a normalised name counts only when it is exactly right ("CC BY-SA 4.0", not "CC BY-SA").
  {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    for (const r of data.licence) {
      const got =
        r.kind === 'text'
          ? licencesInText(r.text ?? '').map((l) => l.name)
          : r.kind === 'image'
            ? [licenceFromUrl(r.imgSrc ?? '')?.name].filter((x): x is string => !!x)
            : [licenceOfLink({ ...blank, ...r })?.name].filter((x): x is string => !!x);
      for (const name of new Set(got)) {
        if (r.expect.includes(name)) tp++;
        else (fp++, misses.push(`wrong or false licence "${name}": ${show(r)}`));
      }
      for (const name of r.expect) if (!got.includes(name)) (fn++, misses.push(`missed licence "${name}": ${show(r)}`));
    }
    scores.push(score('licence normalisation', tp, fp, fn, misses));
  }
  // GAR: the strength class must be right; a mark called a mention is a miss for both.
  const garPred = data.gar.map((r): GarStrength | null =>
    r.kind === 'text' ? (garInText(r.text ?? '') ? 'mention' : null) : r.kind === 'image' ? (isMarkImage({ src: r.imgSrc ?? '', alt: r.imgAlt ?? '', title: r.title ?? '' }) ? 'mark' : null) : garOfLink({ ...blank, ...r }),
  );
  for (const cls of ['mark', 'access', 'mention'] as const) {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    data.gar.forEach((r, i) => {
      const got = garPred[i] === cls;
      const want = r.expect === cls;
      if (want && got) tp++;
      else if (got) (fp++, misses.push(`false GAR ${cls}: ${show(r)} (labelled ${r.expect ?? 'none'})`));
      else if (want) (fn++, misses.push(`missed GAR ${cls}: ${show(r)} (got ${garPred[i] ?? 'none'})`));
    });
    scores.push(score(`gar-mark ${cls}`, tp, fp, fn, misses));
  }
  // Any GAR claim at all, whatever its strength: the error a teacher would notice first (a "gare" taken for the GAR).
  {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    data.gar.forEach((r, i) => {
      const got = garPred[i] !== null;
      const want = r.expect !== null;
      if (want && got) tp++;
      else if (got) (fp++, misses.push(`false GAR claim: ${show(r)}`));
      else if (want) (fn++, misses.push(`missed GAR: ${show(r)}`));
    });
    scores.push(score('gar-mark any claim', tp, fp, fn, misses));
  }
  return scores;
}

export async function evaluate(): Promise<EvalReport> {
  const data = JSON.parse(readFileSync(LABELLED, 'utf8')) as Labelled;
  const scores = scoreAll(data);
  type R = { set?: string };
  const holdout: Labelled = {
    legal: data.legal.filter((r) => (r as R).set === 'holdout'),
    licence: data.licence.filter((r) => (r as R).set === 'holdout'),
    gar: data.gar.filter((r) => (r as R).set === 'holdout'),
  };
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `labelled records: ${data.legal.length} legal links, ${data.licence.length} licence links/texts, ${data.gar.length} GAR links/images/texts (threshold ${THRESHOLD})`,
  ];
  for (const s of scores) {
    const ok = s.precision >= THRESHOLD && s.recall >= THRESHOLD;
    lines.push(`${ok ? '✔' : '✘'} ${s.name.padEnd(28)} precision ${f(s.precision)}  recall ${f(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    for (const m of s.misses) lines.push(`    - ${m}`);
  }
  // Records written after the first tuning. Their first run found real misses (terms precision 0.80, cookies recall
  // 0.60, licence recall 0.83); the general fixes that followed saw them, so they are no longer blind. Printed apart,
  // no threshold (too few per kind to judge alone).
  lines.push(`late-written records (${holdout.legal.length + holdout.licence.length + holdout.gar.length}; blind on their first run only), for information:`);
  for (const s of scoreAll(holdout)) {
    lines.push(`  ${s.name.padEnd(28)} precision ${f(s.precision)}  recall ${f(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  }
  return { name: 'links (legal links, licences, GAR mark)', lines, ok: scores.every((s) => s.precision >= THRESHOLD && s.recall >= THRESHOLD) };
}
