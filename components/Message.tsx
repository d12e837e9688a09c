import type { Finding } from '@/lib/detectors/finding';
import { hasMessage } from '@/lib/i18n/messages';
import { t, uiLocale } from '@/lib/i18n/t';
import { shownParams } from '@/lib/panel/localize';

// Messages in the panel's language. A finding's parameters are rebuilt by lib/panel/localize.ts; what was read on the
// page (a network's name, a button's label) is marked data-page-text, and French kept on purpose (RGAA titles) carries
// lang="fr": both stay as written, and the English test knows they are not Loupe's French left untranslated.

const MARK = '\u0001';

interface Props {
  k: string;
  params: readonly string[];
  /** Per parameter: how to wrap it (page text, a French title); plain text when absent. */
  wrap?: readonly ('page' | 'fr' | undefined)[];
}

export function Msg({ k, params, wrap = [] }: Props) {
  // The browser substitutes $1…$9; each parameter goes in as a marker so it can be wrapped once the text is known.
  const parts = t(k, ...params.map((_, i) => `${MARK}${i}${MARK}`)).split(MARK);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const n = Number(part);
        const w = wrap[n];
        if (w === 'page') return <span key={i} data-page-text="">{params[n]}</span>;
        if (w === 'fr') return <span key={i} lang="fr">{params[n]}</span>;
        return params[n];
      })}
    </>
  );
}

/** The short form of a finding's message (`brief_<key>`) when it has one: the verdict lists findings one per line. */
export function FindingMessage({ finding, brief }: { finding: Finding; brief?: boolean }) {
  const { params, fromPage } = shownParams(finding, uiLocale());
  const key = brief && hasMessage(`brief_${finding.messageKey}`) ? `brief_${finding.messageKey}` : finding.messageKey;
  return <Msg k={key} params={params} wrap={fromPage.map((p) => (p ? 'page' : undefined))} />;
}
