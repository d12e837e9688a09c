import { HtmlValidate, StaticConfigLoader, type Message } from 'html-validate/browser';
import { z } from 'zod';
import { a11yFacts } from '../findings/data';
import { defineDetector, type DetectorOutput, type Evidence } from './types';

// RGAA 8.2: the generated code is valid for its document type. html-validate (MIT) validates the page's DOM as
// serialised by the gather, and only the errors RGAA 8.2.1 names and assistive technologies feel are kept:
// nesting the content model forbids (a button inside a link, a div as a list's child: the accessibility tree
// loses the list or the control), duplicate ids and attributes, obsolete elements. The DOM is the parsed page:
// unclosed tags and duplicate attributes of the source are already repaired there, so the rule decides what
// remains, and says nothing of what the parser fixed.

/** html-validate's rules, by the finding they feed. Everything else the validator knows is left off. */
const KINDS = {
  nesting: ['element-permitted-content', 'element-permitted-parent', 'element-permitted-occurrences', 'element-required-ancestor'],
  'duplicate-id': ['no-dup-id'],
  'duplicate-attribute': ['no-dup-attr'],
  obsolete: ['deprecated'],
} as const;
type Kind = keyof typeof KINDS;
const MESSAGE_KEYS: Record<Kind, string> = {
  nesting: 'a11yHtmlValidity_nesting',
  'duplicate-id': 'a11yHtmlValidity_duplicateId',
  'duplicate-attribute': 'a11yHtmlValidity_duplicateAttribute',
  obsolete: 'a11yHtmlValidity_obsolete',
};
const kindOf = new Map<string, Kind>(Object.entries(KINDS).flatMap(([kind, rules]) => rules.map((r) => [r, kind as Kind])));

let validator: HtmlValidate | undefined;
/** One validator for the extension's life: building its element tables is most of a small page's cost. */
function validate(html: string): Message[] {
  validator ??= new HtmlValidate(new StaticConfigLoader({ rules: Object.fromEntries([...kindOf.keys()].map((r) => [r, 'error'])) }));
  return validator.validateStringSync(html).results.flatMap((r) => r.messages);
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yHtmlValidityData = z.strictObject({ ...a11yFacts, count: z.number(), rules: z.array(z.string()) });

export const a11yHtmlValidity = defineDetector({
  id: 'a11y-html-validity',
  category: 'accessibility',
  data: a11yHtmlValidityData,
  requires: ['a11y'],
  run(snapshot) {
    const html = snapshot.a11y.generatedHtml;
    if (!html) return [];
    const byKind = new Map<Kind, Message[]>();
    for (const m of validate(html)) {
      const kind = kindOf.get(m.ruleId);
      if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), m]);
    }
    // An obsolete element is also « not permitted » where it stands: it counts once, as obsolete.
    const obsolete = new Set((byKind.get('obsolete') ?? []).map((m) => m.selector));
    const nesting = byKind.get('nesting')?.filter((m) => !obsolete.has(m.selector));
    if (nesting) byKind.set('nesting', nesting);
    const out: DetectorOutput[] = [];
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const list = byKind.get(kind);
      if (!list?.length) continue;
      // The validator's own sentence (in English) says which element and why; the selector outlines it.
      const evidence: Evidence[] = list.map((m) => ({ ...(m.selector ? { selector: m.selector } : {}), text: `${m.message} (${m.ruleId}, l. ${m.line})` }));
      out.push({
        key: kind,
        severity: 'problem',
        messageKey: MESSAGE_KEYS[kind],
        params: [String(list.length)],
        evidence,
        data: { wcag: ['4.1.1'], rgaa: ['8.2'], users: ['blind'], count: list.length, rules: [...new Set(list.map((m) => m.ruleId))] },
      });
    }
    return out;
  },
});
