import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';
import { text } from '../model/message';

// Zoom blocked by the viewport meta (user-scalable=no, or maximum-scale below 2): low-vision pupils on a phone or a
// tablet cannot enlarge the text. Same threshold as W3C ACT rule b4f0c3 and axe's meta-viewport, which replaces this
// finding once it has run (supersededBy): this one shows at once.

export function zoomBlocked(viewport: string): boolean {
  const props = new Map<string, string>();
  for (const part of viewport.toLowerCase().split(/[,;]/)) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k && v !== undefined) props.set(k, v);
  }
  const scalable = props.get('user-scalable');
  if (scalable === 'no' || scalable === '0') return true;
  const max = Number.parseFloat(props.get('maximum-scale') ?? '');
  return Number.isFinite(max) && max >= 0 && max < 2;
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yZoomData = z.strictObject(a11yFacts);

export const a11yZoom = defineDetector({
  id: 'a11y-zoom',
  category: 'accessibility',
  data: a11yZoomData,
  requires: ['viewport'],
  supersededBy: { axe: ['blocked'] },
  run(snapshot) {
    if (!zoomBlocked(snapshot.viewport)) return [];
    return [
      {
        key: 'blocked',
        severity: 'problem',
        messageKey: 'a11yZoom_blocked',
        params: [text(snapshot.viewport)],
        evidence: [{ snippet: `<meta name="viewport" content="${snapshot.viewport}">`, text: snapshot.viewport }],
        data: { wcag: ['1.4.4'], rgaa: ['10.4'], users: ['lowVision'] },
      },
    ];
  },
});
