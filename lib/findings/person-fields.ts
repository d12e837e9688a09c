import type { Field } from '../snapshot/schema';

// Issue 22: one notion, shared by every detector, of "a field a person fills". Anti-spam traps ("honeypots") are
// fields a visitor never sees or reaches: hidden, taken out of the keyboard order (tabindex=-1), or labelled for
// robots ("leave this field empty"). One named "age" or "birthday" is not a birth date asked of a pupil.

const NOT_FILLED_TYPES = /^(hidden|submit|button|image|reset)$/;
const TRAP_WORDS = /honey\s*pot|\bhp[-_]|[-_]hp\b|ak_hp|\bnobots?\b|bot[-_ ]?trap|anti[-_ ]?spam|\bspam\b|gotcha|leave\s+(this|it)\s+(field\s+)?(blank|empty)|(do\s+not|don['’]t)\s+(fill|change)|laisse[rz]?\s+(ce\s+champ\s+)?vide|ne\s+pas\s+(remplir|renseigner)|ne\s+(rien\s+)?(remplissez|renseignez)\s+pas|nicht\s+ausfüllen|leer\s+lassen|if\s+you\s+are\s+(a\s+)?human|si\s+vous\s+êtes\s+(un\s+)?humain|robots?\b/i;

/** Whether a person filling the form sees and fills this field. */
export function isPersonField(f: Field): boolean {
  if (f.hidden || NOT_FILLED_TYPES.test(f.type)) return false;
  if (f.tabindex !== undefined && /^\s*-\d+\s*$/.test(f.tabindex)) return false;
  return !TRAP_WORDS.test([f.name, f.id, f.label, f.placeholder, f.ariaLabel].join(' '));
}
