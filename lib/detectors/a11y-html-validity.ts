import type { HtmlValidate, Message } from 'html-validate/browser';
import { z } from 'zod';
import { HTML_VALIDITY_KINDS, type HtmlValidityKind } from '../a11y/html-validate-rules';
import { validateGenerated } from '../a11y/html-validate-targeted';
import { createHtmlValidator } from '../a11y/html-validator';
import { a11yFacts } from '../a11y/users';
import type { DetectorOutput, Evidence } from '../model/finding';
import { count } from '../model/message';
import { defineDetector } from './types';

// RGAA 8.2: the generated code is valid for its document type. html-validate (MIT) validates the page's DOM as the
// page serialised it (lib/snapshot/a11y-generated.ts), and only the errors that change what assistive technologies
// are given are kept (lib/a11y/html-validate-rules.ts): nesting the content model forbids (a button inside a link, a
// div as a list's child: the list or the control is lost), attributes written twice, obsolete elements, elements a
// script nested so that the markup closes them elsewhere. Duplicate ids stay with a11y-duplicate-id, which tells
// the ones a label or an ARIA relation names (those reach the wrong element). Decided: the validator's verdict.
//
// In the extension, html-validate runs without `new Function`: its JSON schemas are precompiled at build time
// (scripts/lib/html-validate-precompiled.ts), so the panel's CSP stays as strict as it is.

const MESSAGE_KEYS = {
  nesting: 'a11yHtmlValidity_nesting',
  'duplicate-attribute': 'a11yHtmlValidity_duplicateAttribute',
  obsolete: 'a11yHtmlValidity_obsolete',
  unclosed: 'a11yHtmlValidity_unclosed',
} as const satisfies Record<HtmlValidityKind, string>;
const KINDS = Object.keys(HTML_VALIDITY_KINDS) as HtmlValidityKind[];
const kindOf = new Map<string, HtmlValidityKind>(KINDS.flatMap((kind) => HTML_VALIDITY_KINDS[kind].map((r) => [r, kind] as const)));

let validator: Promise<HtmlValidate> | undefined;
/**
 * One validator for the extension's life, its configuration resolved once (lib/a11y/html-validator.ts): building its
 * element tables is most of a small page's cost. html-validate judges only the elements its rules could report and
 * what their messages need (lib/a11y/html-validate-targeted.ts): the same messages as the whole page, a fraction of
 * the parsing.
 */
async function validate(html: string, cut: boolean): Promise<Message[]> {
  validator ??= createHtmlValidator();
  return (await validateGenerated(await validator, html, cut)).messages;
}

/** The start tag (or end tag) the message points into, read from the validated code, for a person to recognise. */
function tagAt(html: string, offset: number): string {
  const start = html.lastIndexOf('<', offset);
  const end = html.indexOf('>', offset);
  return start < 0 || end < 0 ? '' : html.slice(start, Math.min(end + 1, start + 300));
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yHtmlValidityData = z.strictObject({ ...a11yFacts, count: z.number(), rules: z.array(z.string()) });

export const a11yHtmlValidity = defineDetector({
  id: 'a11y-html-validity',
  category: 'accessibility',
  data: a11yHtmlValidityData,
  requires: [],
  // The page's code, serialised in the page for this rule alone (lib/snapshot/a11y-generated.ts).
  needs: ['generated'],
  // Hundreds of milliseconds on a long page: it runs while the page runs axe, not before the first findings.
  deferred: true,
  async run(_snapshot, context) {
    const { html, cut } = context.artifacts?.generated ?? { html: '', cut: false };
    if (!html) return [];
    // A cut page ends with open elements: « unclosed » would only describe the cut.
    const byKind = new Map<HtmlValidityKind, Message[]>();
    for (const m of await validate(html, cut)) {
      const kind = kindOf.get(m.ruleId);
      if (!kind || (cut && kind === 'unclosed')) continue;
      byKind.set(kind, [...(byKind.get(kind) ?? []), m]);
    }
    // An obsolete element is also « not permitted » where it stands: it counts once, as obsolete.
    const obsolete = new Set((byKind.get('obsolete') ?? []).map((m) => m.selector));
    const nesting = byKind.get('nesting')?.filter((m) => !obsolete.has(m.selector));
    if (nesting) byKind.set('nesting', nesting);
    // A p that a script filled with a div is closed by the div and leaves a stray </p>: one fault, told by the
    // element; the stray end tag (no element, no selector) counts only when no element is named.
    const unclosed = byKind.get('unclosed');
    if (unclosed?.some((m) => m.selector)) byKind.set('unclosed', unclosed.filter((m) => m.selector));
    const out: DetectorOutput[] = [];
    for (const kind of KINDS) {
      const list = byKind.get(kind);
      if (!list?.length) continue;
      // Each error outlined by the validator's selector (computed on the same tree); the text names its rule.
      const evidence: Evidence[] = list.map((m) => ({
        ...(m.selector ? { selector: m.selector } : {}),
        snippet: tagAt(html, m.offset),
        text: `html-validate: ${m.ruleId}`,
      }));
      out.push({
        key: kind,
        severity: 'problem',
        messageKey: MESSAGE_KEYS[kind],
        params: [count(list.length)],
        evidence,
        data: { wcag: ['4.1.1'], rgaa: ['8.2'], users: ['blind'], count: list.length, rules: [...new Set(list.map((m) => m.ruleId))].sort() },
      });
    }
    return out;
  },
});
