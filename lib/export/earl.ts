import { criterionKey } from '../grid/grid';
import { formatMessage } from '../i18n/messages';
import type { Criterion } from '../model/assessment';
import type { Evaluation, Finding } from '../detectors/finding';

// An evaluation in EARL 1.0 (W3C Evaluation and Report Language) as JSON-LD, the format in which axe, Alfa and
// QualWeb report results, so that other accessibility and audit tools can read Loupe's. One assertion per finding
// (earl:automatic: a detector said it) and per grid criterion the person confirmed or set (earl:manual). The
// context is written inline: the file expands offline, with no context to fetch.

export const EARL_CONTEXT = {
  earl: 'http://www.w3.org/ns/earl#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  doap: 'http://usefulinc.com/ns/doap#',
  ptr: 'http://www.w3.org/2009/pointers#',
  sch: 'https://schema.org/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** Loupe's own checks and the ministry's grid criteria have no public page: tag URIs name them without a host. */
const LOUPE_TAG = 'tag:loupe-education.fr,2026:';
const ACT_RULE = (id: string) => `https://www.w3.org/WAI/standards-guidelines/act/rules/${id}/`;
const RGAA_CRITERION = (c: string) => `https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#${c}`;

/** ACT rules a detector implements itself (axe's rules carry theirs: see `actIdsOfAxeRule`). */
const DETECTOR_ACT: Partial<Record<string, string>> = { 'a11y-autoplay': '80f0bf' };

type Node = Record<string, unknown>;
const id = (iri: string) => ({ '@id': iri });
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });

/**
 * The test of a finding: the ACT rule it implements when there is one, else the RGAA criterion it falls under, else
 * Loupe's own check. `actIdsOfAxeRule` gives axe-core's ACT ids for a rule (axe.getRules()), when the caller has axe.
 */
function testOf(f: Finding, actIdsOfAxeRule?: (rule: string) => readonly string[]): Node {
  const data = (f.data ?? {}) as { rule?: unknown; rgaa?: unknown };
  const act = f.detector === 'axe' && typeof data.rule === 'string' ? actIdsOfAxeRule?.(data.rule)[0] : DETECTOR_ACT[f.detector];
  if (act) return { '@id': ACT_RULE(act), '@type': 'earl:TestCase', 'dct:title': f.message };
  const rgaa = Array.isArray(data.rgaa) && typeof data.rgaa[0] === 'string' ? (data.rgaa[0] as string) : undefined;
  if (rgaa) return { '@id': RGAA_CRITERION(rgaa), '@type': 'earl:TestRequirement', 'dct:title': `RGAA 4.1.2, critère ${rgaa}` };
  return { '@id': `${LOUPE_TAG}check/${f.detector}`, '@type': 'earl:TestCase', 'dct:title': `Loupe : ${f.detector}` };
}

/** What a finding says about the page, as an EARL outcome. */
function outcomeOf(f: Finding): string {
  const outcome = (f.data as { outcome?: unknown } | undefined)?.outcome;
  if (outcome === 'violation') return 'earl:failed';
  if (outcome === 'incomplete') return 'earl:cantTell';
  if (f.severity === 'blocking' || f.severity === 'problem') return 'earl:failed';
  if (f.severity === 'review') return 'earl:cantTell';
  // A fact (a legal link found, the page's weight): nothing in it fails Loupe's rules.
  return 'earl:passed';
}

const RATING_OUTCOME: Record<Criterion['rating'], string> = {
  conforme: 'earl:passed',
  partiel: 'earl:failed',
  'non-conforme': 'earl:failed',
  'a-verifier': 'earl:cantTell',
  'non-applicable': 'earl:inapplicable',
  'non-evalue': 'earl:untested',
};

function pointers(f: Finding): Node[] {
  return f.evidence
    .filter((e) => e.selector)
    .map((e) => ({ '@type': 'ptr:CSSSelectorPointer', 'ptr:expression': e.selector }));
}

/** The EARL assertions of some evaluations, as one JSON-LD document. */
export function toEarl(evaluations: Evaluation[], opts: { actIdsOfAxeRule?: (rule: string) => readonly string[] } = {}): Node {
  const graph: Node[] = [];
  for (const e of evaluations) {
    const loupe = {
      '@id': `${LOUPE_TAG}software/${e.loupeVersion}`,
      '@type': ['earl:Assertor', 'earl:Software', 'doap:Project'],
      'doap:name': 'Loupe',
      'doap:release': { 'doap:revision': e.loupeVersion },
    };
    const person = {
      '@id': `${LOUPE_TAG}evaluation/${e.id}/evaluator`,
      '@type': ['earl:Assertor', 'foaf:Person'],
      ...(e.author?.name ? { 'foaf:name': e.author.name } : {}),
    };
    const subject = {
      '@id': e.resource.url,
      '@type': ['earl:TestSubject', 'sch:WebPage'],
      'dct:title': e.resource.title,
      'dct:date': dateTime(e.inspectedAt),
    };
    for (const f of e.findings) {
      const note = e.findingNotes?.[f.id];
      graph.push({
        '@type': 'earl:Assertion',
        'dct:identifier': f.id,
        'earl:assertedBy': loupe,
        'earl:subject': subject,
        'earl:test': testOf(f, opts.actIdsOfAxeRule),
        'earl:mode': id('earl:automatic'),
        'earl:result': {
          '@type': 'earl:TestResult',
          'earl:outcome': id(outcomeOf(f)),
          'dct:description': note ? `${f.message}\n${note}` : f.message,
          'dct:date': dateTime(e.inspectedAt),
          ...(pointers(f).length ? { 'earl:pointer': pointers(f) } : {}),
        },
      });
    }
    // Only what a person decided: a rating still Loupe's suggestion says nothing the findings above do not.
    for (const c of e.grid ?? []) {
      if (c.source !== 'person') continue;
      graph.push({
        '@type': 'earl:Assertion',
        'dct:identifier': `grid/${c.id}`,
        'earl:assertedBy': person,
        'earl:subject': subject,
        'earl:test': {
          '@id': `${LOUPE_TAG}grid/${c.id}`,
          '@type': 'earl:TestRequirement',
          'dct:title': formatMessage('fr', criterionKey(c.id, 'label')),
        },
        'earl:mode': id('earl:manual'),
        'earl:result': {
          '@type': 'earl:TestResult',
          'earl:outcome': id(RATING_OUTCOME[c.rating]),
          'dct:description': [`${c.rating}${c.suggested && c.suggested !== c.rating ? ` (suggestion de Loupe : ${c.suggested})` : ''}`, c.comment]
            .filter(Boolean)
            .join('\n'),
        },
      });
    }
  }
  return { '@context': EARL_CONTEXT, '@graph': graph };
}
