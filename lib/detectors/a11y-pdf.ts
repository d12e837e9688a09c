import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';
import { count } from '../model/message';
import { parseUrl } from '../net/parse-url';

// PDFs linked from the page are part of the resource, and their accessibility (tagged text, headings, reading
// order) cannot be judged from the page: a person opens them.
export function isPdfLink(href: string): boolean {
  // The address parsed once per run of the detectors (lib/net/parse-url.ts), as the other detectors read it.
  const u = parseUrl(href);
  return !!u && /\.pdf$/i.test(u.pathname);
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yPdfData = z.strictObject({ count: z.number(), users: a11yFacts.users });

export const a11yPdf = defineDetector({
  id: 'a11y-pdf',
  category: 'accessibility',
  data: a11yPdfData,
  requires: ['links'],
  run(snapshot) {
    const pdfs = snapshot.links.filter((l) => isPdfLink(l.href));
    const byHref = new Map<string, (typeof pdfs)[number]>();
    for (const l of pdfs) if (!byHref.has(l.href)) byHref.set(l.href, l);
    const unique = [...byHref.values()];
    if (unique.length === 0) return [];
    return [
      {
        key: 'linked',
        severity: 'review',
        messageKey: 'a11yPdf_linked',
        params: [count(unique.length)],
        evidence: unique.map((l) => ({ selector: l.ref.selector, url: l.href, text: l.text || l.href })),
        data: { count: unique.length, users: ['blind', 'lowVision'] },
      },
    ];
  },
});
