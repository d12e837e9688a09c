import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Lang } from './messages';

// The audit's command line. Relative paths are read from where the person typed the command: npm run moves to the
// project's folder but keeps that place in INIT_CWD.

export const CWD = process.env.INIT_CWD ?? process.cwd();

export const USAGE = `Usage : npm run audit -- [options] [adresse | fichier.html | liste]...
        npm run audit -- merge DOSSIER... --out lot.json
  Sans adresse, inspecte la page de démonstration (examples/demo.html).

  --out DIR              dossier des évaluations (défaut : audit-out) ; avec merge, le fichier du lot
  --format json|csv|earl format des fichiers écrits (défaut : json) ; earl : EARL 1.0 en JSON-LD (.earl.jsonld),
                         lu par les outils d'accessibilité (axe, Alfa, QualWeb)
  --report html          écrit aussi, par page, le rapport imprimable avec une capture de la page (.rapport.html),
                         une pièce à archiver (Chromium)
  --browser chromium|firefox   navigateur utilisé (défaut : chromium)
  --jobs N               pages inspectées en même temps dans le navigateur (défaut : ${defaultJobs()}, selon les cœurs)
  --resume               passe les pages dont l'évaluation est déjà dans --out
  --shard K/N            n'inspecte que la K-ième des N tranches de la liste (plusieurs machines ou tâches de CI)
  --list FICHIER         lit FICHIER comme une liste, quel que soit son nom
  --lang fr|en           langue de la console (défaut : fr)
  --timeout SECONDES     délai par page (défaut : 60) ; une page encore en chargement à mi-délai est inspectée telle
                         quelle, et ce qui n'a pas été vérifié à temps est dit dans les limites de l'évaluation
  --offline              ne laisse sortir aucune requête vers Internet (tiers servis vides)
  --observe              observe chaque page : rechargement regardé dès la première instruction, valeurs inventées
                         tapées dans les champs visibles (jamais de formulaire envoyé) ; relève la captation de la saisie,
                         l'enregistrement de session, les empreintes canvas et chaque cookie (issue 23)
  --observe-window SECONDES   durée d'observation après le chargement (défaut : 20)
  --browser-arg ARG      argument passé au navigateur (répétable), ex. --proxy-server=…
  --help                 cette aide

  Liste : un fichier texte, une adresse ou un chemin par ligne ; « # » commence un commentaire. Un fichier est lu
  comme une liste s'il ne commence pas par une balise HTML (ou avec --list). « www.exemple.fr » se lit
  https://www.exemple.fr ; les chemins d'une liste partent du dossier de la liste, les autres du dossier courant.

  Codes de sortie : 0 toutes les pages inspectées (leurs limites écrites dans l'évaluation) ; 1 certaines pages non inspectées (fichier introuvable, adresse
  injoignable, erreur HTTP 404/410/5xx, écran de connexion…, chacune nommée avec la raison) ; 2 mauvaise utilisation.

Usage: npm run audit -- [options] [url | file.html | list]...   |   npm run audit -- merge DIR... --out bundle.json
  Options as above (--out, --format, --report html, --browser, --jobs, --resume, --shard K/N, --list, --lang, --timeout, --offline,
  --observe [--observe-window SECONDS]: a monitored reload of each page, --browser-arg). List: one address or path per line, "#" comments; a file not starting with an HTML tag is a list.
  Exit codes: 0 every page inspected (limits written in the evaluation); 1 some pages not inspected (each named with the reason); 2 bad usage.`;

export class UsageError extends Error {}

export interface AuditOptions {
  command: 'audit';
  out: string;
  format: 'json' | 'csv' | 'earl';
  /** Also the printable report of each page, with a screenshot of it, as a standalone HTML file. */
  report: 'html' | null;
  browser: 'chromium' | 'firefox';
  browserArgs: string[];
  offline: boolean;
  /** The observed reload's window after load, in ms, when --observe is given (issue 23). */
  observeMs: number | null;
  timeoutMs: number;
  jobs: number;
  resume: boolean;
  shard: { index: number; count: number } | null;
  lang: Lang;
  /** Arguments as typed, and the files named by --list. */
  targets: { arg: string; list: boolean }[];
}

export interface MergeOptions {
  command: 'merge';
  dirs: string[];
  out: string;
  lang: Lang;
}

export type Parsed = AuditOptions | MergeOptions | { command: 'help' };

function defaultJobs(): number {
  // One page per core, at most 4: beyond that, pages wait on each other's layout and scripts more than they gain.
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function parseArgs(argv: string[], cwd = CWD): Parsed {
  const merge = argv[0] === 'merge';
  const o: AuditOptions = {
    command: 'audit', out: 'audit-out', format: 'json', report: null, browser: 'chromium', browserArgs: [], offline: false,
    observeMs: null, timeoutMs: 60_000, jobs: defaultJobs(), resume: false, shard: null, lang: 'fr', targets: [],
  };
  let outGiven = false;
  for (let i = merge ? 1 : 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} : valeur manquante / missing value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return { command: 'help' };
    else if (flag === '--out') {
      o.out = value();
      outGiven = true;
    } else if (flag === '--lang') {
      const l = value();
      if (l !== 'fr' && l !== 'en') throw new UsageError(`--lang ${l} : fr ou en / fr or en`);
      o.lang = l;
    } else if (merge) {
      if (flag.startsWith('-')) throw new UsageError(`merge : option inconnue / unknown option: ${a}`);
      o.targets.push({ arg: a, list: false });
    } else if (flag === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'csv' && f !== 'earl') throw new UsageError(`--format ${f} : json, csv ou earl / json, csv or earl`);
      o.format = f;
    } else if (flag === '--report') {
      const r = value();
      if (r !== 'html') throw new UsageError(`--report ${r} : html seulement / html only`);
      o.report = r;
    } else if (flag === '--browser') {
      const b = value().toLowerCase();
      if (b === 'chromium' || b === 'chrome') o.browser = 'chromium';
      else if (b === 'firefox') o.browser = 'firefox';
      else throw new UsageError(`--browser ${b} : chromium ou firefox / chromium or firefox`);
    } else if (flag === '--browser-arg') o.browserArgs.push(value());
    else if (flag === '--offline') o.offline = true;
    else if (flag === '--observe') o.observeMs ??= 20_000;
    else if (flag === '--observe-window') {
      const s = Number(value());
      if (!(s >= 1 && s <= 600)) throw new UsageError('--observe-window : un nombre de secondes de 1 à 600 / seconds, 1 to 600');
      o.observeMs = s * 1000;
    }
    else if (flag === '--resume') o.resume = true;
    else if (flag === '--list') o.targets.push({ arg: value(), list: true });
    else if (flag === '--timeout') {
      const s = Number(value());
      if (!(s > 0)) throw new UsageError('--timeout : un nombre de secondes / a number of seconds');
      o.timeoutMs = s * 1000;
    } else if (flag === '--jobs' || flag === '-j') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs : un nombre entier ≥ 1 / a whole number ≥ 1');
      o.jobs = n;
    } else if (flag === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(value());
      const [k, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
      if (!(n >= 1 && k >= 1 && k <= n)) throw new UsageError('--shard K/N : 1 ≤ K ≤ N, ex. --shard 2/4 / e.g. --shard 2/4');
      o.shard = { index: k, count: n };
    } else if (flag.startsWith('-')) throw new UsageError(`option inconnue / unknown option: ${a}`);
    else o.targets.push({ arg: a, list: false });
  }
  if (merge) {
    if (!outGiven || !o.out.endsWith('.json')) throw new UsageError('merge : --out lot.json est obligatoire / --out bundle.json is required');
    if (o.targets.length === 0) throw new UsageError('merge : au moins un dossier / at least one folder');
    return { command: 'merge', dirs: o.targets.map((t) => resolve(cwd, t.arg)), out: resolve(cwd, o.out), lang: o.lang };
  }
  if (o.report && o.browser === 'firefox') {
    throw new UsageError('--report html : Chromium seulement pour l’instant / Chromium only for now (--browser chromium)');
  }
  return { ...o, out: resolve(cwd, o.out) };
}

/** The pages of shard K of N: the K-th of N contiguous slices, as even as can be. */
export function shardOf<T>(items: T[], shard: AuditOptions['shard']): T[] {
  if (!shard) return items;
  const from = Math.floor(((shard.index - 1) * items.length) / shard.count);
  return items.slice(from, Math.floor((shard.index * items.length) / shard.count));
}
