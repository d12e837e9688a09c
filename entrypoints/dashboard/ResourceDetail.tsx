import { useEffect, useState } from 'preact/hooks';
import type { ResourceGroup } from '@/lib/consolidate/group';
import { consolidateResource } from '@/lib/consolidate/resource';
import type { Consolidation } from '@/lib/model/consolidation';
import type { Evaluation } from '@/lib/detectors/finding';
import type { VerdictLevel } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { saveConsolidation } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import { getEvaluations } from '@/lib/storage/evaluations';
import { deleteResource, type RemovedResource } from '@/lib/storage/resources';
import { schemaChecked, type GradedEvaluation } from '@/lib/storage/read-model';
import { ResourceConsolidation, type ReferentVerdict } from '@/components/consolidation/ResourceConsolidation';
import type { Settle } from '@/components/use-storage-error';

// One resource opened from the list: its consolidation and the referent's decision, a way back to the list and a way
// to delete its evaluations. The detail reads whole evaluations (findings and their data, changes between
// inspections), each checked by the schema, once the resource is opened.

const referentVerdict = (c: Consolidation): ReferentVerdict => ({ level: c.level, reason: c.reason, by: c.by?.name, decidedAt: c.decidedAt });

export function ResourceDetail(props: {
  group: ResourceGroup;
  byId: ReadonlyMap<string, GradedEvaluation>;
  decision?: Consolidation;
  settle: Settle;
  onDeleted: (removed: RemovedResource) => void;
  onClose: () => void;
}) {
  const { group, settle } = props;
  const [evaluations, setEvaluations] = useState<Evaluation[] | undefined>();
  const ids = group.evaluationIds.join('\n');
  useEffect(() => {
    let current = true;
    void getEvaluations(loupeDb(), ids.split('\n')).then((r) => {
      const records = current ? settle(r) : undefined;
      if (records) setEvaluations(schemaChecked(records.map((x) => x.evaluation as Evaluation)));
    });
    return () => {
      current = false;
    };
  }, [ids]);

  const decide = async (level: VerdictLevel, reason: string) => {
    const graded = group.evaluationIds.flatMap((id) => props.byId.get(id) ?? []);
    const c: Consolidation = {
      resource: { url: group.url, site: group.site, title: group.title },
      level,
      reason,
      blocking: consolidateResource(graded).blocking.map((b) => b.criterion),
      decidedAt: new Date().toISOString(),
      evaluationIds: group.evaluationIds,
    };
    settle(await saveConsolidation(loupeDb(), c, { kind: 'own' }));
  };
  const remove = async () => {
    const removed = settle(await deleteResource(loupeDb(), group.evaluationIds, group.key));
    if (removed) props.onDeleted(removed);
  };

  if (!evaluations) return null;
  return (
    <div data-testid="resource-detail">
      <p>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('list_close')}
        </button>
      </p>
      <ResourceConsolidation group={group} evaluations={evaluations} referentVerdict={props.decision && referentVerdict(props.decision)} onDecide={(l, r) => void decide(l, r)} />
      <p>
        <button type="button" class="secondary" data-testid="resource-delete" onClick={() => void remove()}>
          {t('dash_delete')}
        </button>
      </p>
    </div>
  );
}
