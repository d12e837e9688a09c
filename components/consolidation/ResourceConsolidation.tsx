import { useMemo } from 'preact/hooks';
import type { ResourceGroup } from '@/lib/consolidate/group';
import { consolidateResource } from '@/lib/consolidate/resource';
import type { Evaluation } from '@/lib/detectors/finding';
import { VERDICTS, type VerdictLevel } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { verdictKey } from '../VerdictResult';
import { AgreementFigure } from './AgreementFigure';
import { BlockingList } from './BlockingList';
import { ChangeHistory } from './ChangeHistory';
import { formatDate } from './format';
import { ReferentVerdictForm, type ReferentVerdict } from './ReferentVerdictForm';
import { SpreadTable } from './SpreadTable';

export type { ReferentVerdict } from './ReferentVerdictForm';

interface Props {
  group: ResourceGroup;
  /** The group's evaluations (any order). */
  evaluations: readonly Evaluation[];
  referentVerdict?: ReferentVerdict;
  onDecide?: (level: VerdictLevel, reason: string) => void;
}

/**
 * One resource's consolidation: who evaluated, the verdicts given, agreement, spreads, blocking points, what changed
 * between inspections, the referent's verdict. The dashboard's only view of a resource.
 */
export function ResourceConsolidation({ group: g, evaluations, referentVerdict, onDecide }: Props) {
  const c = useMemo(() => consolidateResource(evaluations), [evaluations]);
  return (
    <article class="consolidation" aria-labelledby="h-consol" data-testid="consolidation" data-resource={g.key}>
      <h2 id="h-consol">{t('consol_title', g.title || g.key)}</h2>
      <p class="consol-url">{g.key}</p>
      <p data-testid="consol:counts">{t('consol_counts', g.evaluations, g.evaluators)}</p>
      <p data-testid="consol:dates">{g.firstInspectedAt === g.lastInspectedAt ? t('consol_dateOne', formatDate(g.lastInspectedAt)) : t('consol_dates', formatDate(g.firstInspectedAt), formatDate(g.lastInspectedAt))}</p>
      <h3>{t('consol_verdicts')}</h3>
      <ul class="consol-verdicts" data-testid="consol:verdicts">
        {VERDICTS.map((v) => (
          <li key={v} data-level={v} data-count={g.verdicts[v]}>
            {t('consol_verdictCount', t(verdictKey(v)), g.verdicts[v])}
          </li>
        ))}
        {g.verdicts.none > 0 && (
          <li data-level="none" data-count={g.verdicts.none}>
            {t('consol_verdictCount', t('consol_verdictNone'), g.verdicts.none)}
          </li>
        )}
      </ul>
      {c.latest < g.evaluations && <p class="help" data-testid="consol:latest-only">{t('consol_latestOnly', c.latest, g.evaluations)}</p>}
      <BlockingList points={c.blocking} />
      <AgreementFigure agreement={c.agreement} />
      <SpreadTable spreads={c.spreads} />
      <ChangeHistory evaluations={evaluations} />
      <ReferentVerdictForm current={referentVerdict} onDecide={onDecide} />
    </article>
  );
}
