import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import type { DetectorOutput } from '../model/finding';
import { count, type MessageKey } from '../model/message';

// RGAA 7.1 (WCAG 4.1.2) and 6.2: a link that leads nowhere ("javascript:…", or "#" with a click handler) is a button
// in disguise. A screen reader announces "lien", the pupil expects a new page, and Space does not activate it.
// A bare href="#" may be scripted out of sight (or go back to the top): that one a person checks by clicking.

const JS = /^\s*javascript:/i;
const HASH = /^\s*#?\s*$/;
/** Roles that say what the element really does; a link given one of them is announced rightly. */
const ROLES = /^(button|tab|menuitem|menuitemcheckbox|menuitemradio|option|switch|checkbox|radio|treeitem)$/;

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yFakeLinkData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yFakeLink = defineDetector({
  id: 'a11y-fake-link',
  category: 'accessibility',
  data: a11yFakeLinkData,
  requires: ['a11y'],
  run(snapshot) {
    const candidates = snapshot.a11y.links.filter((l) => l.hasHref && !ROLES.test(l.role.trim().split(/\s+/)[0] ?? ''));
    const scripted = candidates.filter((l) => JS.test(l.hrefAttr) || (HASH.test(l.hrefAttr) && l.onclick));
    const hash = candidates.filter((l) => HASH.test(l.hrefAttr) && !l.onclick);
    const out: DetectorOutput[] = [];
    const push = (key: string, severity: 'problem' | 'review', messageKey: MessageKey, list: typeof candidates, rgaa: string[]) => {
      if (list.length === 0) return;
      out.push({
        key,
        severity,
        messageKey,
        params: [count(list.length)],
        evidence: list.map((l) => elementEvidence(l.ref, `« ${l.name || '—'} » href="${l.hrefAttr}"`)),
        data: { wcag: ['4.1.2'], rgaa, users: ['blind', 'motor'], count: list.length },
      });
    };
    push('button-as-link', 'problem', 'a11yFakeLink_script', scripted, ['7.1', '6.2']);
    push('hash', 'review', 'a11yFakeLink_hash', hash, ['7.1']);
    return out;
  },
});
