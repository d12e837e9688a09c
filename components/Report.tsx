import type { Evaluation, Finding } from '@/lib/export/schema';
import { CATEGORIES, type Category } from '@/lib/detectors/types';
import { t } from '@/lib/i18n/t';
import { FindingItem } from './FindingItem';

interface Props {
  evaluation: Evaluation;
  onShow: (finding: Finding) => void;
  notes: Record<string, string>;
}

const SEVERITY_ORDER = { blocking: 0, problem: 1, review: 2, info: 3 } as const;

export function categoryKey(c: Category): string {
  return `category_${c.replace(/-(\w)/g, (_, x: string) => x.toUpperCase())}`;
}

export function Report({ evaluation, onShow, notes }: Props) {
  const s = evaluation.summary;
  const byCategory = new Map<Category, Finding[]>();
  for (const f of evaluation.findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const failed = evaluation.detectors.filter((d) => d.status === 'error');
  return (
    <div class="report" data-testid="report">
      <header class="resource">
        <h1 data-testid="resource:title">{evaluation.resource.title || evaluation.resource.site}</h1>
        <p class="site">{evaluation.resource.site}</p>
        <p class="summary" data-testid="summary">
          {t('panel_summary', s.blocking, s.problem, s.review, s.info)}
        </p>
      </header>
      {failed.map((d) => (
        <p class="error" role="alert" data-testid={`detector-error:${d.id}`} key={d.id}>
          {t('panel_detectorError', d.id, d.error ?? '')}
        </p>
      ))}
      {CATEGORIES.filter((c) => byCategory.has(c)).map((c) => {
        const findings = [...byCategory.get(c)!].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        return (
          <section class="category" key={c} data-testid={`section:${c}`} aria-labelledby={`h-${c}`}>
            <h2 id={`h-${c}`}>
              {t(categoryKey(c))} <span class="count">({findings.length})</span>
            </h2>
            <ul class="findings">
              {findings.map((f) => (
                <FindingItem key={f.id} finding={f} onShow={onShow} highlightNote={notes[f.id]} />
              ))}
            </ul>
          </section>
        );
      })}
      {evaluation.limits.length > 0 && (
        <section class="limits" data-testid="section:limits" aria-labelledby="h-limits">
          <h2 id="h-limits">{t('panel_limits')}</h2>
          <ul>
            {evaluation.limits.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
