import type { Evidence } from '../model/finding';
import { isSafeUrl, stripBidi } from '../text/untrusted';

/** Evidence as shown and exported: no address that runs code, no bidi controls in what a person reads. */
export function safeEvidence(list: Evidence[]): Evidence[] {
  return list.map((ev) => {
    const out: Evidence = { ...ev };
    if (out.url !== undefined && !isSafeUrl(out.url)) delete out.url;
    if (out.text !== undefined) out.text = stripBidi(out.text);
    if (out.snippet !== undefined) out.snippet = stripBidi(out.snippet);
    return out;
  });
}
