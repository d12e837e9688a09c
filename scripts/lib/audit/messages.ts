import type { Evaluation } from '../../../lib/detectors/finding';
import { formatMessage } from '../../../lib/i18n/messages';

// The audit console's own words, French first. The reasons the panel itself gives come from public/_locales.

export type Lang = 'fr' | 'en';

const TEXT = {
  blocking: { fr: 'bloquant', en: 'blocking' },
  problem: { fr: 'problème', en: 'problem' },
  review: { fr: 'à vérifier', en: 'to check' },
  ok: { fr: 'ok', en: 'ok' },
  notInspected: { fr: 'non inspectée', en: 'not inspected' },
  limit: { fr: 'limite', en: 'limit' },
  counts: {
    fr: '$1 bloquant(s), $2 problème(s), $3 à vérifier, $4 information(s)',
    en: '$1 blocking, $2 problem(s), $3 to check, $4 fact(s)',
  },
  fileNotFound: { fr: 'fichier introuvable : $1', en: 'file not found: $1' },
  httpError: {
    fr: 'le serveur a répondu HTTP $1 : c’est une page d’erreur, pas la ressource ; rien n’est évalué',
    en: 'the server answered HTTP $1: an error page, not the resource; nothing is evaluated',
  },
  loginWall: {
    fr: 'la page a été remplacée par un écran de connexion ($1) : connectez-vous ou inspectez-la depuis le panneau',
    en: 'the page was replaced by a login screen ($1): sign in, or inspect it from the panel',
  },
  unreachable: {
    fr: 'adresse injoignable ($1) : vérifiez l’adresse, la connexion ou le proxy',
    en: 'address unreachable ($1): check the address, the connection or the proxy',
  },
  timeout: {
    fr: 'la page n’a pas fini de charger en $1 s (--timeout)',
    en: 'the page did not finish loading within $1 s (--timeout)',
  },
  progress: { fr: '$1/$2 pages, $3 échec(s), reste ≈ $4', en: '$1/$2 pages, $3 failure(s), ≈ $4 left' },
  tally: {
    fr: 'Bilan : $1 page(s), $2 inspectée(s) ($3), $4 non inspectée(s), $5 déjà faite(s) (--resume), en $6.',
    en: 'Tally: $1 page(s), $2 inspected ($3), $4 not inspected, $5 already done (--resume), in $6.',
  },
  merged: {
    fr: '$1 évaluation(s) de $2 fichier(s) réunies dans $3 ($4 doublon(s) écarté(s)).',
    en: '$1 evaluation(s) from $2 file(s) merged into $3 ($4 duplicate(s) left out).',
  },
  demoNext: {
    fr: 'L’évaluation de la page de démonstration est dans $1.\nPour la voir dans le panneau de Loupe : npm run build, puis dans Chrome ou Chromium chrome://extensions → Mode développeur → Charger l’extension non empaquetée → .output/chrome-mv3 ; cliquez sur l’icône Loupe, puis « Ouvrir une évaluation enregistrée » en bas du panneau (sidepanel.html?view=saved) et choisissez ce fichier.',
    en: 'The demo page’s evaluation is in $1.\nTo see it in Loupe’s panel: npm run build, then in Chrome or Chromium chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3; click the Loupe icon, then “Open a saved evaluation” at the bottom of the panel (sidepanel.html?view=saved) and choose that file.',
  },
  unreadable: { fr: 'fichier illisible, laissé de côté : $1 ($2)', en: 'unreadable file, left out: $1 ($2)' },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;

export function say(lang: Lang, key: TextKey, params: readonly (string | number)[] = []): string {
  return TEXT[key][lang].replace(/\$([1-9])/g, (_, d: string) => String(params[Number(d) - 1] ?? ''));
}

/** Why a page was not inspected: the audit's own reasons, or the panel's (a public/_locales key). */
export type NotInspected = { text: TextKey; params: string[] } | { locale: string; params: string[] };

export function reasonText(lang: Lang, r: NotInspected): string {
  return 'text' in r ? say(lang, r.text, r.params) : formatMessage(lang, r.locale, r.params);
}

export type Verdict = 'blocking' | 'problem' | 'review' | 'ok';
export const VERDICTS: Verdict[] = ['blocking', 'problem', 'review', 'ok'];

/** A page's verdict is its worst finding; facts (info) alone leave it "ok". */
export function verdictOf(e: Evaluation): Verdict {
  const s = e.summary;
  return s.blocking ? 'blocking' : s.problem ? 'problem' : s.review ? 'review' : 'ok';
}

export function countsLine(lang: Lang, e: Evaluation): string {
  const s = e.summary;
  return say(lang, 'counts', [s.blocking, s.problem, s.review, s.info]);
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
