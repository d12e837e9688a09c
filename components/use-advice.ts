import { useEffect, useState } from 'preact/hooks';
import { adviceOf, type Advice } from '@/lib/consolidate/advice';
import type { CatalogueMatch } from '@/lib/catalogue/lookup';
import type { Evaluation } from '@/lib/detectors/finding';
import { consolidationFor } from '@/lib/storage/consolidations';
import { loupeDb } from '@/lib/storage/db';
import { historyOf } from '@/lib/storage/evaluations';

export interface AdviceWithCatalogues {
  advice: Advice | undefined;
  /** What each subscribed catalogue says of the resource, one per source (lib/catalogue/lookup.ts). */
  catalogues: CatalogueMatch[];
}

const NONE: AdviceWithCatalogues = { advice: undefined, catalogues: [] };

/**
 * The advice for the inspected resource, read once per inspection: the person's evaluations, the referent's verdict
 * imported, and the subscribed catalogues' copies (read in the browser: no request is made for a page). A storage
 * failure shows no advice.
 */
export function useAdvice(inspection: Evaluation | undefined): AdviceWithCatalogues {
  const [advice, setAdvice] = useState<AdviceWithCatalogues>(NONE);
  useEffect(() => {
    setAdvice(NONE);
    if (!inspection) return;
    let live = true;
    const db = loupeDb();
    const url = inspection.resource.url;
    // The lookup (and tldts behind it) is a lazy chunk, like every use of lib/net/resource.ts in the panel.
    const catalogues = import('@/lib/catalogue/subscribed').then(async ({ subscribedIndex }) => {
      const [{ lookupCatalogues }, index] = await Promise.all([import('@/lib/catalogue/lookup'), subscribedIndex(db)]);
      return index.ok ? lookupCatalogues(index.value, url) : [];
    });
    void Promise.all([historyOf(db, url), consolidationFor(db, url), catalogues.catch(() => [])]).then(([h, c, matches]) => {
      if (!live) return;
      setAdvice({ advice: h.ok ? adviceOf(inspection, h.value.same, c.ok ? c.value : undefined) : undefined, catalogues: matches });
    });
    return () => {
      live = false;
    };
  }, [inspection]);
  return advice;
}
