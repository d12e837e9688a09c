import { useEffect, useState } from 'preact/hooks';
import { adviceOf, type Advice } from '@/lib/consolidate/advice';
import type { Evaluation } from '@/lib/detectors/finding';
import { consolidationFor } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import { historyOf } from '@/lib/storage/evaluations';

/** The advice for the inspected resource, read once per inspection; a storage failure shows no advice. */
export function useAdvice(inspection: Evaluation | undefined): Advice | undefined {
  const [advice, setAdvice] = useState<Advice | undefined>();
  useEffect(() => {
    setAdvice(undefined);
    if (!inspection) return;
    let live = true;
    const db = loupeDb();
    const url = inspection.resource.url;
    void Promise.all([historyOf(db, url), consolidationFor(db, url)]).then(([h, c]) => {
      if (!live || !h.ok) return;
      setAdvice(adviceOf(inspection, h.value.same, c.ok ? c.value : undefined));
    });
    return () => {
      live = false;
    };
  }, [inspection]);
  return advice;
}
