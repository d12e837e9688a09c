import type { Consolidation } from '../../lib/model/consolidation';
import { VERDICTS } from '../../lib/model/assessment';

// Referents' decisions at the scale of an académie, deterministic (a seeded generator): ~2,500 publishers' sites,
// each resource one path or one host of its site, realistic reasons and blocking points. For the catalogue's tests
// and its bench line (npm run bench -- catalogue).

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const BLOCKING = ['no-ads', 'no-pupil-account', 'trackers', 'privacy', 'terms', 'rights', 'gar'];
const REASONS = [
  'Publicité affichée aux élèves et traceurs publicitaires.',
  'Compte élève obligatoire, sans connecteur GAR.',
  'Conforme au RGPD, contenus adaptés au cycle 3.',
  'Accessibilité partielle : sous-titres absents sur les vidéos.',
  'Usage possible avec réserves : données hébergées hors UE.',
];

export function generateDecisions(n: number, seed = 1): Consolidation[] {
  const r = rng(seed);
  const sites = Math.max(1, Math.round(n / 4));
  const out: Consolidation[] = [];
  for (let i = 0; i < n; i++) {
    const site = `editeur-${Math.floor(r() * sites)}.fr`;
    const onHost = r() < 0.2;
    const url = onHost ? `https://app${i}.${site}/` : `https://www.${site}/ressources/${i}/`;
    const level = VERDICTS[Math.floor(r() * VERDICTS.length)]!;
    out.push({
      resource: { url, site, title: `Ressource ${i} de ${site}` },
      level,
      reason: REASONS[i % REASONS.length]!,
      blocking: level === 'deconseillee' ? [BLOCKING[i % BLOCKING.length]!, BLOCKING[(i + 3) % BLOCKING.length]!] : [],
      by: { name: `Référent ${i % 40}` },
      decidedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86_400_000).toISOString(),
      evaluationIds: [],
    });
  }
  return out;
}
