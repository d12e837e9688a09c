// Whether every match of a pattern holds a match of a keyword test, read from the pattern's structure (parsed with
// regexpp, eslint's parser): a detector may run the cheap keyword test first and the costly pattern only on what
// passes, and this says the shortcut loses nothing.
//
// Each top-level alternative must contain a run of characters every match of it spells, one after another (literal
// characters, small character classes and literal groups taken in all their variants, optional single characters with
// and without), or a group all of whose alternatives do, such that the keyword test matches every variant of the run.
// A keyword test made of plain strings then matches the same characters in the text: its words are inside the run.
// Anything else (\s+, \w*, a negated class, a repetition) ends a run; so the check may refuse a true implication,
// never accept a false one.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element, Node } from '@eslint-community/regexpp/ast';

const MAX_VARIANTS = 256;

function charOptions(e: Element): string[] | null {
  if (e.type === 'Character') return [String.fromCodePoint(e.value)];
  if (e.type === 'CharacterClass' && !e.negate && e.elements.length <= 4 && e.elements.every((x) => x.type === 'Character')) {
    return e.elements.map((x) => String.fromCodePoint((x as { value: number }).value));
  }
  return null;
}

/** A group whose alternatives are literal sequences: every string it matches; null otherwise. */
function literalAlternatives(e: Element): string[] | null {
  if (e.type !== 'Group' && e.type !== 'CapturingGroup') return null;
  const out: string[] = [];
  for (const a of e.alternatives) {
    let variants = [''];
    for (const x of a.elements) {
      const options = charOptions(x) ?? literalAlternatives(x);
      if (!options) return null;
      variants = variants.flatMap((v) => options.map((c) => v + c));
      if (variants.length > MAX_VARIANTS) return null;
    }
    out.push(...variants);
    if (out.length > MAX_VARIANTS) return null;
  }
  return out;
}

function alternativeImplies(alt: Alternative, keyword: RegExp): boolean {
  let run: string[] = [''];
  const runs: string[][] = [];
  let holds = false;
  const flush = () => {
    if (run.some((v) => v.length > 0)) runs.push(run);
    run = [''];
  };
  const extend = (options: string[]) => {
    const next = run.flatMap((v) => options.map((c) => v + c));
    if (next.length > MAX_VARIANTS) {
      flush();
      run = options.slice();
    } else run = next;
  };
  const visit = (e: Element) => {
    // A zero-width assertion (^, $, \b, a lookaround) spells nothing: the run goes on.
    if (e.type === 'Assertion') return;
    const options = charOptions(e) ?? literalAlternatives(e);
    if (options) return extend(options);
    if (e.type === 'Quantifier') {
      const inner = charOptions(e.element) ?? literalAlternatives(e.element);
      if (e.min === 0 && e.max === 1 && inner) return extend(['', ...inner]);
      if (e.min >= 1 && inner) {
        // The first occurrence is spelled; how many follow is not known.
        extend(inner);
        return flush();
      }
      flush();
      if (e.min >= 1 && nodeImplies(e.element, keyword)) holds = true;
      return;
    }
    if ((e.type === 'Group' || e.type === 'CapturingGroup') && e.alternatives.length === 1) {
      for (const x of e.alternatives[0]!.elements) visit(x);
      return;
    }
    flush();
    if (nodeImplies(e, keyword)) holds = true;
  };
  for (const e of alt.elements) visit(e);
  flush();
  return holds || runs.some((r) => r.every((v) => keyword.test(v)));
}

function nodeImplies(n: Node, keyword: RegExp): boolean {
  if (n.type === 'Group' || n.type === 'CapturingGroup' || n.type === 'Pattern') return n.alternatives.every((a) => alternativeImplies(a, keyword));
  if (n.type === 'Quantifier') return n.min >= 1 && nodeImplies(n.element, keyword);
  const options = charOptions(n as Element);
  return !!options && options.every((c) => keyword.test(c));
}

/** The top-level alternatives of `pattern` not shown to hold a match of `keyword`: none when the implication holds. */
export function alternativesWithoutKeyword(pattern: RegExp, keyword: RegExp): string[] {
  const ast = new RegExpParser().parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes('u') });
  // A case-insensitive pattern needs a case-insensitive keyword test that folds case the same way (with or without u).
  const i = pattern.flags.includes('i');
  if ((i && !keyword.flags.includes('i')) || (i && pattern.flags.includes('u') !== keyword.flags.includes('u'))) return ast.alternatives.map((a) => a.raw);
  return ast.alternatives.filter((a) => !alternativeImplies(a, keyword)).map((a) => a.raw);
}

/** A test of plain words (the form of keyword test this check is sound for), case-insensitive unless told. */
export function wordsTest(words: readonly string[], flags = 'i'): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
}
