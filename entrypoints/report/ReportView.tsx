import { EvaluationView } from '@/components/EvaluationView';
import { RegisterSection } from '@/components/report/RegisterSection';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { accessibilityState } from '@/lib/panel/accessibility-state';
import { Context, Grid, Header, Screenshots, Verdict } from './ReportSections';

// One evaluation laid out for paper or PDF.

/** Folded sections and facts would print closed: open them all before printing. */
export function openAll() {
  for (const d of document.querySelectorAll('details')) d.open = true;
}

export function ReportView({ evaluation: e }: { evaluation: Evaluation }) {
  return (
    <>
      <p class="no-print">
        <button type="button" data-testid="button:print" onClick={() => (openAll(), print())}>
          {t('report_print')}
        </button>
      </p>
      <Header e={e} />
      <Verdict e={e} />
      <Context e={e} />
      <Grid e={e} />
      <section aria-labelledby="h-findings" class="findings">
        <h2 id="h-findings">{t('report_findings')}</h2>
        <EvaluationView evaluation={e} a11y={accessibilityState(e)} />
      </section>
      <Screenshots e={e} />
      <RegisterSection evaluation={e} />
    </>
  );
}
