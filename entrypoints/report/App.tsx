import { useEffect, useState } from 'preact/hooks';
import type { Evaluation } from '@/lib/detectors/finding';
import { t } from '@/lib/i18n/t';
import { loupeDb } from '@/lib/storage/db';
import { getEvaluation } from '@/lib/storage/evaluations';
import { openAll, ReportView } from './ReportView';

// The printable report (report.html?id=…): one evaluation laid out for paper or PDF (ReportView.tsx), from the
// database alone.

export function App({ id }: { id?: string }) {
  const [state, setState] = useState<{ evaluation?: Evaluation; error?: string }>({});
  useEffect(() => {
    addEventListener('beforeprint', openAll);
    if (!id) return setState({ error: t('report_noId') });
    void getEvaluation(loupeDb(), id).then((r) => {
      if (!r.ok) setState({ error: t(r.error.messageKey, r.error.detail) });
      else if (!r.value) setState({ error: t('report_notFound') });
      else {
        setState({ evaluation: r.value.evaluation });
        document.title = `${t('report_kicker')} — ${r.value.title || r.value.site} — Loupe`;
      }
    });
    return () => removeEventListener('beforeprint', openAll);
  }, [id]);
  return (
    <main class="report" data-testid={state.evaluation ? 'page:report' : 'page:report-empty'}>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      {state.evaluation && <ReportView evaluation={state.evaluation} />}
    </main>
  );
}
