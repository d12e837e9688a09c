import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { ResourceGroup } from '@/lib/consolidate/group';
import { consolidateResource } from '@/lib/consolidate/resource';
import type { Consolidation } from '@/lib/model/consolidation';
import type { GradedEvaluation } from '@/lib/storage/read-model';
import { verdictKey } from '@/components/VerdictResult';
import { VERDICTS } from '@/lib/model/assessment';
import { t } from '@/lib/i18n/t';
import { formatNumber } from '@/components/consolidation/format';

// Thousands of resources: only the rows in view are in the DOM (@tanstack/virtual-core, framework-free).

const ROW = 76;

const alphaText = (alpha: number | null, pairable: number) => (alpha === null ? t('dash_alphaNone') : t('dash_alpha', formatNumber(alpha), pairable));

interface ListProps {
  groups: ResourceGroup[];
  byId: ReadonlyMap<string, GradedEvaluation>;
  decisions: ReadonlyMap<string, Consolidation>;
  onOpen: (key: string) => void;
}

export function ResourceList({ groups, byId, decisions, onOpen }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [v] = useState(
    () =>
      new Virtualizer<HTMLDivElement, Element>({
        count: 0,
        getScrollElement: () => scroller.current,
        estimateSize: () => ROW,
        overscan: 6,
        initialRect: { width: 800, height: 448 },
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(0),
      }),
  );
  v.setOptions({ ...v.options, count: groups.length });
  useEffect(() => v._didMount(), [v]);
  useEffect(() => v._willUpdate());
  return (
    <div ref={scroller} class="resource-list" data-testid="resource-list" tabIndex={-1}>
      <ul style={{ height: `${v.getTotalSize()}px`, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }} aria-label={t('dash_resources')}>
        {v.getVirtualItems().map((item) => {
          const g = groups[item.index]!;
          return <Row key={g.key} group={g} top={item.start} byId={byId} referent={decisions.get(g.key)?.level} onOpen={onOpen} />;
        })}
      </ul>
    </div>
  );
}

function Row({ group: g, top, byId, referent: r, onOpen }: { group: ResourceGroup; top: number; byId: ListProps['byId']; referent?: (typeof VERDICTS)[number]; onOpen: (key: string) => void }) {
  // Computed for the rows in view only: alpha over a resource costs a few of its evaluations' grids.
  const alpha = useMemo(() => {
    const a = consolidateResource(g.evaluationIds.flatMap((id) => byId.get(id) ?? [])).agreement;
    return alphaText(a.alpha, a.pairable);
  }, [g, byId]);
  const given = VERDICTS.filter((l) => g.verdicts[l] > 0).map((l) => `${t(verdictKey(l))} ${g.verdicts[l]}`);
  return (
    <li class="resource-row" data-testid={`resource:${g.key}`} style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: `${ROW}px`, transform: `translateY(${top}px)` }}>
      <button type="button" onClick={() => onOpen(g.key)}>
        <strong>{g.title || g.url}</strong> <span class="meta">— {g.site}</span>
        <br />
        <span class="meta" data-testid="resource-counts">
          {t('dash_rowCounts', g.evaluations, g.evaluators)}
          {given.length ? ` · ${given.join(', ')}` : ''}
          {` · ${alpha}`}
          {r ? ` · ${t('dash_referent', t(verdictKey(r)))}` : ''}
        </span>
      </button>
    </li>
  );
}
