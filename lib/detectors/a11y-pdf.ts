import type { Detector } from './types';

// PDFs linked from the page are part of the resource, and their accessibility (tagged text, headings, reading
// order) cannot be judged from the page: a person opens them.
export function isPdfLink(href: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

export const a11yPdf: Detector = {
  id: 'a11y-pdf',
  category: 'accessibility',
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
        params: [String(unique.length)],
        evidence: unique.slice(0, 20).map((l) => ({ selector: l.ref.selector, url: l.href, text: l.text || l.href })),
        data: { count: unique.length, users: ['blind', 'lowVision'] },
      },
    ];
  },
};
