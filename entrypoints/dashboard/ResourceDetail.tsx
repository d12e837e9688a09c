import type { ResourceGroup } from '@/lib/consolidate/group';
import type { Consolidation } from '@/lib/model/consolidation';
import type { Evaluation } from '@/lib/detectors/finding';
import type { VerdictLevel } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { ResourceConsolidation, type ReferentVerdict } from '@/components/consolidation/ResourceConsolidation';

// The dashboard around one resource's consolidation: a way back to the list and a way to delete its evaluations.

const referentVerdict = (c: Consolidation): ReferentVerdict => ({ level: c.level, reason: c.reason, by: c.by?.name, decidedAt: c.decidedAt });

export function ResourceDetail(props: {
  group: ResourceGroup;
  evaluations: Evaluation[];
  decision?: Consolidation;
  onDecide: (level: VerdictLevel, reason: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  return (
    <div data-testid="resource-detail">
      <p>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('list_close')}
        </button>
      </p>
      <ResourceConsolidation group={props.group} evaluations={props.evaluations} referentVerdict={props.decision && referentVerdict(props.decision)} onDecide={props.onDecide} />
      <p>
        <button type="button" class="secondary" data-testid="resource-delete" onClick={props.onDelete}>
          {t('dash_delete')}
        </button>
      </p>
    </div>
  );
}
