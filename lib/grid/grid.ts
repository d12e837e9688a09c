import { AXES, type Axis, type Rating } from '../model/assessment';
import { camel } from '../text/key-case';

// The ministry's grid ("Les critères pour le choix des ressources numériques pour l'École", ../shared/seeds/000),
// as data: six axes, their criteria, and which detectors' findings inform each. Labels and one-line help are
// message keys (grid_<criterion>_label / _help in public/_locales), so the grid speaks the browser's language.
// Criteria no detector can judge are `person: true`: Loupe never suggests a rating for them.

/** Which findings inform a criterion: a detector, optionally only some of its finding keys (after the "/"). */
export interface Informant {
  detector: string;
  keys?: RegExp;
  /**
   * Runs only when the person asks for it (an observed reload, issue 23): its findings inform the criterion when it
   * ran, and its absence does not leave the criterion "not checked".
   */
  onRequest?: boolean;
}

export interface CriterionDef {
  id: string;
  axis: Axis;
  /** The person's judgement alone: no detector can say whether a resource fits the programmes. */
  person: boolean;
  informedBy: readonly Informant[];
  /**
   * Whether a blocking finding makes this criterion a blocking point. Only the three the dossier rules out (ads,
   * accounts asked of minors, advertising trackers): the same ad also weighs on "contreparties de la gratuité", but
   * counts once as a blocking point.
   */
  blocks?: boolean;
}

const person = (id: string, axis: Axis): CriterionDef => ({ id, axis, person: true, informedBy: [] });
const auto = (id: string, axis: Axis, informedBy: Informant[], blocks = false): CriterionDef => ({ id, axis, person: false, informedBy, ...(blocks ? { blocks } : {}) });

export const GRID: readonly CriterionDef[] = [
  // Pédagogique: "répondre aux prescriptions des programmes et des référentiels", "compétences visées", plus-values.
  person('programmes', 'pedagogique'),
  person('objectives', 'pedagogique'),
  person('added-value', 'pedagogique'),
  person('continuity', 'pedagogique'),
  // Juridique et données personnelles: "s'assurer de l'absence de publicité", données à caractère personnel,
  // "interdit de demander aux élèves mineurs de créer un compte", droits d'utilisation et de réutilisation.
  auto('no-ads', 'juridique', [{ detector: 'ads' }], true),
  auto('no-pupil-account', 'juridique', [{ detector: 'account' }], true),
  // Issue 23: what the observed reload saw (typed data or a recording sent to a third party block; fingerprinting,
  // cookies over 13 months or set before consent are problems).
  auto('trackers', 'juridique', [
    { detector: 'trackers' },
    { detector: 'storage' },
    { detector: 'consent', keys: /^trackers-before-consent$/ },
    { detector: 'observed-keylogging', onRequest: true },
    { detector: 'observed-session-recording', onRequest: true },
    { detector: 'observed-canvas', onRequest: true },
    { detector: 'observed-audio', onRequest: true },
    { detector: 'observed-webgl', onRequest: true },
    { detector: 'observed-cookies', onRequest: true },
    { detector: 'observed-pixels', onRequest: true },
  ], true),
  auto('privacy', 'juridique', [{ detector: 'legal-links', keys: /^(missing-)?(privacy|dpo)$|^inconclusive$/ }]),
  auto('terms', 'juridique', [{ detector: 'legal-links', keys: /^(missing-)?(terms|sales)$/ }]),
  auto('rights', 'juridique', [{ detector: 'licence' }]),
  auto('gar', 'juridique', [{ detector: 'gar-mark' }]),
  // Observed around the person's answer (issue 23); an unanswered banner (observed-consent/no-answer) informs nothing.
  auto('consent', 'juridique', [{ detector: 'consent', keys: /^(cmp-|refuse-offered|no-refuse)/ }, { detector: 'legal-links', keys: /^(missing-)?cookies$/ }, { detector: 'observed-consent', keys: /^(before-answer|after-refusal|refusal-honoured)$/, onRequest: true }]),
  // Technique: "fonctionne sur les équipements de l'établissement et avec l'espace numérique de travail".
  person('equipment', 'technique'),
  auto('connector', 'technique', [{ detector: 'gar-mark' }]),
  auto('weight', 'technique', [{ detector: 'page-weight' }]),
  person('offline', 'technique'),
  // Économique: type de licences, modèles d'acquisition; "la gratuité doit toujours être prise avec précaution".
  auto('access-model', 'economique', [{ detector: 'access-model' }]),
  auto('free-counterparts', 'economique', [{ detector: 'ads', keys: /^slot-/ }, { detector: 'access-model', keys: /^(in-app|trial|freemium|premium)$/ }]),
  person('work-kept', 'economique'),
  // Éditorial et fonctionnel: "l'ergonomie, la rapidité de prise en main, la date de création ou de mise à jour".
  person('ergonomics', 'editorial'),
  auto('dates', 'editorial', [{ detector: 'publisher-dates', keys: /^(updated|published|no-date|inconclusive)$/ }]),
  auto('publisher', 'editorial', [{ detector: 'publisher-dates', keys: /^(publisher|no-publisher)$/ }, { detector: 'legal-links', keys: /^(missing-)?legal-notice$/ }]),
  // Accessibilité et adaptabilité: "sous-titrage des vidéos, description alternative des images, […] taille des
  // caractères", and the automatic checks (RGAA 4.1.2 through axe).
  // Every automatic finding is evidence here, so each one can carry the person's note; the criteria below pick theirs.
  auto('a11y-checks', 'accessibilite', [{ detector: 'axe' }, { detector: 'a11y-lang' }, { detector: 'a11y-pdf' }, { detector: 'a11y-lang-text' }, { detector: 'a11y-link-text' }, { detector: 'a11y-fake-link' }, { detector: 'a11y-placeholder-label' }, { detector: 'a11y-tables' }, { detector: 'a11y-duplicate-id' }, { detector: 'a11y-pseudo-content' }, { detector: 'a11y-table-cells' }, { detector: 'a11y-presentation-markup' }, { detector: 'a11y-css-blink' }, { detector: 'a11y-html-validity' }, { detector: 'a11y-focus-trap' }, { detector: 'legal-links', keys: /^(missing-)?accessibility$/ }]),
  auto('text-alternatives', 'accessibilite', [{ detector: 'axe', keys: /^(violation|incomplete):(image-alt|input-image-alt|area-alt|svg-img-alt|role-img-alt|object-alt)$/ }, { detector: 'a11y-text-images' }, { detector: 'a11y-alt-text' }]),
  auto('captions', 'accessibilite', [{ detector: 'a11y-captions' }, { detector: 'a11y-autoplay' }, { detector: 'axe', keys: /^(violation|incomplete):(video-caption|audio-caption)$/ }]),
  auto('adaptability', 'accessibilite', [{ detector: 'a11y-zoom' }, { detector: 'a11y-justified-text' }, { detector: 'a11y-tiny-text' }, { detector: 'axe', keys: /^(violation|incomplete):(color-contrast|meta-viewport|meta-viewport-large|avoid-inline-spacing|link-in-text-block)$/ }]),
];

export const CRITERION_IDS = GRID.map((c) => c.id);

/** message keys allow [A-Za-z0-9_] only: `no-pupil-account` → `noPupilAccount`. */
export function criterionKey(id: string, part: 'label' | 'help'): string {
  return `grid_${camel(id)}_${part}`;
}

export function axisKey(axis: Axis): string {
  return `gridAxis_${axis}`;
}

export function ratingKey(r: Rating | 'non-evalue'): string {
  return `gridRating_${camel(r)}`;
}

export function criteriaOf(axis: Axis): CriterionDef[] {
  return GRID.filter((c) => c.axis === axis);
}

/** Whether a finding (by its `<detector>/<key>` id) informs a criterion. */
export function informs(c: CriterionDef, finding: { detector: string; id: string }): boolean {
  const key = finding.id.slice(finding.detector.length + 1);
  return c.informedBy.some((i) => i.detector === finding.detector && (!i.keys || i.keys.test(key)));
}
