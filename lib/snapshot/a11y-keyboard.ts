import type { DomRead } from './dom-read';
import { A11Y_LIMITS } from './limits';
import { clip, type RefMaker } from './node-ref';
import type { A11yFacts } from './schema';

// Keyboard traps the markup gives away (lib/detectors/a11y-focus-trap.ts): an element that takes the focus back when
// it loses it (onblur="this.focus()"), or one whose key handler swallows the Tab key. Handlers added by script are
// invisible here: only tabbing through the page finds those.

export const HANDLERS = ['onblur', 'onfocusout', 'onkeydown', 'onkeypress'] as const;
/** Focus taken back on leaving. */
const REFOCUS = /\.focus\s*\(/;
/** The Tab key named (key "Tab", code 9) and the default action cancelled. */
const TAB = /['"]Tab['"]|(keyCode|which)\s*={2,3}\s*9\b/;
const CANCEL = /preventDefault\s*\(|return\s+false/;

export function collectFocusTraps(
  doc: Document,
  refs: RefMaker,
  dom: DomRead,
  unread: (error: unknown) => void,
  cut: (key: string) => void,
  /** The document's elements with one of these handlers, in document order, as the gather's walk found them. */
  candidates?: readonly Element[],
): A11yFacts['focusTraps'] {
  const out: A11yFacts['focusTraps'] = [];
  for (const el of candidates ?? dom.querySelectorAll(doc, HANDLERS.map((h) => `[${h}]`).join(', '))) {
    try {
      for (const handler of HANDLERS) {
        const code = dom.attr(el, handler);
        if (!code) continue;
        const blur = handler === 'onblur' || handler === 'onfocusout';
        const trap = blur ? REFOCUS.test(code) : TAB.test(code) && CANCEL.test(code);
        if (!trap) continue;
        if (out.length >= A11Y_LIMITS.focusTraps) {
          cut('focusTraps');
          return out;
        }
        out.push({ kind: blur ? 'refocus' : 'tab-cancelled', handler, code: clip(code, 200), ref: refs.ref(el, { geometry: false }) });
        break;
      }
    } catch (error) {
      unread(error);
    }
  }
  return out;
}
