import type { MadeUpValues } from './made-up';
import { OBSERVE_LIMITS } from './limits';
import type { Typed } from './schema';

// Types Loupe's made-up values (lib/observe/made-up.ts) into the page's visible text fields, key by key, as a
// person would: keydown, keypress, the value, input, keyup; then change and blur. Never Enter, never a submit: a
// value that leaves the page did so because a script sent it while it was typed. Runs in Loupe's isolated world,
// so the events reach the page's listeners with isTrusted false (a script that checks it is not seen typing).

const TEXT_TYPES = new Set(['', 'text', 'email', 'search', 'tel', 'password', 'url']);

function kindOf(f: HTMLInputElement | HTMLTextAreaElement): { kind: Typed['kind']; search: boolean } {
  const type = f instanceof HTMLInputElement ? f.type : 'text';
  const words = `${f.name} ${f.id} ${f.getAttribute('autocomplete') ?? ''} ${f.getAttribute('placeholder') ?? ''}`.toLowerCase();
  const search = type === 'search' || f.getAttribute('role') === 'searchbox' || !!f.closest('[role="search"]') || /(^|\W)(q|query|search|recherche|rechercher)(\W|$)/.test(words);
  if (type === 'email' || /e-?mail|courriel/.test(words)) return { kind: 'email', search: false };
  if (type === 'tel' || /phone|t[ée]l[ée]phone|\btel\b/.test(words)) return { kind: 'tel', search: false };
  if (type === 'password') return { kind: 'password', search: false };
  if (search) return { kind: 'search', search: true };
  if (/name|nom|pr[ée]nom/.test(words)) return { kind: 'name', search: false };
  return { kind: 'text', search: false };
}

function visible(f: HTMLElement): boolean {
  const r = f.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  const s = getComputedStyle(f);
  return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
}

export function fieldsToType(doc: Document): (HTMLInputElement | HTMLTextAreaElement)[] {
  return [...doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    .filter((f) => (f instanceof HTMLTextAreaElement || TEXT_TYPES.has(f.type)) && !f.disabled && !f.readOnly && visible(f))
    .slice(0, OBSERVE_LIMITS.typed);
}

function selectorOf(f: Element): string {
  if (f.id) return `#${CSS.escape(f.id)}`;
  const name = f.getAttribute('name');
  if (name) return `${f.localName}[name="${CSS.escape(name)}"]`;
  const all = [...f.ownerDocument.querySelectorAll(f.localName)];
  return `${f.localName}:nth-of-type(${all.indexOf(f) + 1})`;
}

function labelOf(f: HTMLInputElement | HTMLTextAreaElement): string {
  const label = f.labels?.[0]?.textContent ?? f.getAttribute('aria-label') ?? f.getAttribute('placeholder') ?? f.name;
  return (label ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export async function typeValues(doc: Document, values: MadeUpValues, now: () => number, onTyped: (t: Typed) => void, keyDelayMs = 0): Promise<number> {
  const fields = fieldsToType(doc);
  const win = doc.defaultView!;
  const sleep = (ms: number) => new Promise((r) => win.setTimeout(r, ms));
  for (const f of fields) {
    const { kind, search } = kindOf(f);
    const value = values[kind];
    const setValue = Object.getOwnPropertyDescriptor(f instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype, 'value')!.set!;
    onTyped({ selector: selectorOf(f), label: labelOf(f), kind, search, value, t: Math.round(now()) });
    f.focus();
    let typed = '';
    for (const ch of value) {
      const key = { key: ch, bubbles: true, cancelable: true, composed: true };
      f.dispatchEvent(new KeyboardEvent('keydown', key));
      f.dispatchEvent(new KeyboardEvent('keypress', key));
      typed += ch;
      setValue.call(f, typed);
      f.dispatchEvent(new InputEvent('input', { data: ch, inputType: 'insertText', bubbles: true, composed: true }));
      f.dispatchEvent(new KeyboardEvent('keyup', key));
      // No pause by default: a hidden tab's timers run once a second (Firefox), which would leave a value half typed.
      if (keyDelayMs > 0) await sleep(keyDelayMs);
    }
    f.dispatchEvent(new Event('change', { bubbles: true }));
    f.blur();
  }
  return fields.length;
}
