import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count } from '../model/message';

// RGAA 12.9 (WCAG 2.1.2): the focus must be able to leave every element by the Tab key. An element that takes the
// focus back when it loses it (onblur="this.focus()") is a trap: the rule decides. A key handler that cancels Tab
// may be a trap, or a widget that moves the focus itself (a dialog keeping the focus inside while it is open, as
// ARIA asks): a person tries it.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yFocusTrapData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yFocusTrap = defineDetector({
  id: 'a11y-focus-trap',
  category: 'accessibility',
  data: a11yFocusTrapData,
  requires: ['a11y'],
  run(snapshot) {
    const out = [];
    for (const [kind, severity, messageKey] of [
      ['refocus', 'problem', 'a11yFocusTrap_refocus'],
      ['tab-cancelled', 'review', 'a11yFocusTrap_tabCancelled'],
    ] as const) {
      const list = snapshot.a11y.focusTraps.filter((t) => t.kind === kind);
      if (list.length === 0) continue;
      out.push({
        key: kind,
        severity,
        messageKey,
        params: [count(list.length)],
        evidence: list.map((t) => elementEvidence(t.ref, `${t.handler}="${t.code}"`)),
        data: { wcag: ['2.1.2'], rgaa: ['12.9'], users: ['motor', 'blind'], count: list.length },
      });
    }
    return out;
  },
});
